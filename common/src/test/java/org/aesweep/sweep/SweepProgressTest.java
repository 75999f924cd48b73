package org.aesweep.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import org.aesweep.plan.PlannedRun;
import org.aesweep.spec.TrainingMode;
import org.aesweep.testing.TestRuns;
import org.aesweep.train.RunStatus;
import org.junit.jupiter.api.Test;

class SweepProgressTest {
    /** A clock the test moves by hand. */
    private static final class ManualClock extends Clock {
        private Instant now = Instant.parse("2026-11-23T12:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    private static PlannedRun run(int codeSize, double cost) {
        return new PlannedRun(TestRuns.shallow(codeSize).build(), TrainingMode.LOCAL, cost);
    }

    @Test
    void etaSpreadsTheRemainingRunsPredictedSecondsOverTheTaskSlots() {
        ManualClock clock = new ManualClock();
        List<PlannedRun> runs = List.of(run(64, 4), run(32, 4), run(8, 1), run(4, 1), run(2, 1), run(3, 1));
        SweepProgress progress = new SweepProgress("s1", runs, 2, clock);
        clock.advance(Duration.ofSeconds(20));
        // One run known: 5 s per unit of cost; 40 s of work left on 2 slots.
        assertEquals("sweep s1: 1/6 runs done (1 ok, 0 diverged, 0 failed), elapsed 20s, eta 20s",
                progress.finished(runs.get(0).runId(), RunStatus.OK, 20).orElseThrow());
        clock.advance(Duration.ofSeconds(2));
        // Equal costs cannot separate a fixed part: 5.25 s per unit, four runs of 1 on 2 slots.
        assertEquals("sweep s1: 2/6 runs done (1 ok, 0 diverged, 1 failed), elapsed 22s, eta 10s",
                progress.finished(runs.get(1).runId(), RunStatus.FAILED, 22).orElseThrow());
        clock.advance(Duration.ofSeconds(8));
        // (4, 20), (4, 22), (1, 8): seconds = 3.67 + 4.33 * cost, 8 s for each run left.
        assertEquals("sweep s1: 3/6 runs done (1 ok, 1 diverged, 1 failed), elapsed 30s, eta 12s",
                progress.finished(runs.get(2).runId(), RunStatus.DIVERGED, 8).orElseThrow());
        progress.finished(runs.get(3).runId(), RunStatus.OK, 8);
        progress.finished(runs.get(4).runId(), RunStatus.OK, 8);
        clock.advance(Duration.ofSeconds(75));
        assertEquals("sweep s1: 6/6 runs done (3 ok, 1 diverged, 2 failed), elapsed 1m45s",
                progress.finished(runs.get(5).runId(), RunStatus.FAILED, 8).orElseThrow());
    }

    @Test
    void parameterAveragedRunsTakeTheWholeClusterOneAfterAnother() {
        List<PlannedRun> runs = List.of(
                new PlannedRun(TestRuns.shallow(32).build(), TrainingMode.PARAMETER_AVERAGING, 10),
                run(8, 1), run(4, 1));
        SweepProgress progress = new SweepProgress("s4", runs, 2, new ManualClock());
        // 5 s per unit: the averaged run's 50 s, then the last local run's 5 s.
        assertTrue(progress.finished(runs.get(1).runId(), RunStatus.OK, 5).orElseThrow().endsWith("eta 55s"));
    }

    @Test
    void reportersThatSeeRunsInDifferentOrdersCountEachRunOnce() {
        // A listener reports runs by task, the driver as results arrive: the second task's run may come first.
        List<PlannedRun> runs = List.of(run(64, 4), run(32, 1), run(8, 1));
        SweepProgress progress = new SweepProgress("s5", runs, 2, new ManualClock());
        progress.finished(runs.get(1).runId(), RunStatus.OK, 3);
        progress.finished(runs.get(1).runId(), RunStatus.OK, 3);
        assertEquals(1, progress.finishedRuns());
        assertThrows(IllegalArgumentException.class, () -> progress.finished("0000000000000000", RunStatus.OK, 1));
    }

    @Test
    void aRunReportedTwiceCountsOnce() {
        List<PlannedRun> runs = List.of(run(2, 1), run(4, 1));
        SweepProgress progress = new SweepProgress("s2", runs, 1, new ManualClock());
        assertTrue(progress.finished(runs.get(1).runId(), RunStatus.OK, 3).isPresent());
        assertTrue(progress.finished(runs.get(1).runId(), RunStatus.FAILED, 3).isEmpty());
        assertEquals(1, progress.finishedRuns());
        assertTrue(progress.line().contains("1/2 runs done (1 ok, 0 diverged, 0 failed)"), progress.line());
    }

    @Test
    void runsWithoutACostEstimateWeighOneEach() {
        ManualClock clock = new ManualClock();
        List<PlannedRun> runs = List.of(run(2, Double.NaN), run(4, 0), run(8, Double.NaN));
        SweepProgress progress = new SweepProgress("s3", runs, 1, clock);
        clock.advance(Duration.ofMinutes(2));
        assertTrue(progress.finished(runs.get(0).runId(), RunStatus.OK, 120).orElseThrow()
                .endsWith("elapsed 2m00s, eta 4m00s"));
    }

    @Test
    void longDurationsReadAsHoursAndMinutes() {
        assertEquals("2h05m", SweepProgress.format(Duration.ofSeconds(2 * 3600 + 5 * 60 + 59)));
        assertEquals("59s", SweepProgress.format(Duration.ofSeconds(59)));
    }
}
