package org.aesweep.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import org.aesweep.plan.SweepPlan;
import org.aesweep.spec.RunConfig;
import org.aesweep.tables.avro.RunRow;
import org.aesweep.testing.TestRuns;
import org.aesweep.train.RunStatus;
import org.junit.jupiter.api.Test;

/** A sweep's state comes from the committed rows of its planned runs, whichever attempt wrote them. */
class SweepStateTest {
    private static final RunConfig FIRST = TestRuns.shallow(2).build();
    private static final RunConfig SECOND = TestRuns.shallow(4).build();
    private static final SweepPlan PLAN = SweepPlan.allLocal(List.of(FIRST, SECOND));

    @Test
    void everyPlannedRunOkIsAllOk() {
        SweepState state = SweepState.of(PLAN, List.of(row(FIRST, "ok", 1), row(SECOND, "ok", 2)));
        assertTrue(state.allOk());
        assertEquals(2, state.count(RunStatus.OK));
    }

    @Test
    void runsAnEarlierAttemptLeftDivergedOrFailedStillCount() {
        SweepState state = SweepState.of(PLAN, List.of(row(FIRST, "diverged", 1), row(SECOND, "failed", 2)));
        assertFalse(state.allOk());
        assertEquals(1, state.count(RunStatus.DIVERGED));
        assertEquals(1, state.count(RunStatus.FAILED));
        assertEquals("0 ok, 1 diverged, 1 failed, 0 not committed", state.describe());
    }

    @Test
    void theLatestRowOfARunIsItsStatus() {
        SweepState state = SweepState.of(PLAN,
                List.of(row(FIRST, "ok", 5), row(FIRST, "failed", 3), row(SECOND, "ok", 4)));
        assertTrue(state.allOk(), state.describe());
    }

    @Test
    void plannedRunsWithoutARowAreNotOkAndOtherGridsRowsAreIgnored() {
        RunConfig elsewhere = TestRuns.shallow(8).build();
        SweepState state = SweepState.of(PLAN, List.of(row(FIRST, "ok", 1), row(elsewhere, "failed", 2)));
        assertFalse(state.allOk());
        assertEquals(1, state.missing());
        assertEquals(0, state.count(RunStatus.FAILED));
    }

    private static RunRow row(RunConfig config, String status, long finishedSecond) {
        RunRow row = new RunRow();
        row.setRunId(config.runId());
        row.setStatus(status);
        row.setFinishedAt(Instant.ofEpochSecond(finishedSecond));
        return row;
    }
}
