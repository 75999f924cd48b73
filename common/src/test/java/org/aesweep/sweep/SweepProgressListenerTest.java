package org.aesweep.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.aesweep.outputs.RunSummary;
import org.aesweep.plan.PlannedRun;
import org.aesweep.plan.RunBatch;
import org.aesweep.spark.SparkSessions;
import org.aesweep.spark.SparkStage;
import org.aesweep.spec.TrainingMode;
import org.aesweep.testing.TestRuns;
import org.aesweep.train.RunStatus;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The progress listener on a real local-mode Spark that retries failed tasks once: tasks stand in
 * for batches of runs (no training), one of them fused; one task's first attempt throws.
 */
class SweepProgressListenerTest {
    private static SparkSession spark;

    @BeforeAll
    static void startSpark() {
        spark = SparkSessions.create("aesweep-progress-test", "local[2,2]");
    }

    @AfterAll
    static void stopSpark() {
        spark.stop();
    }

    @Test
    void logsOneLinePerFinishedRunWithItsStatusAndALineForALostAttempt() throws InterruptedException {
        List<PlannedRun> runs = new ArrayList<>();
        for (int code : new int[] {2, 4, 8, 16}) {
            runs.add(new PlannedRun(TestRuns.shallow(code).build(), TrainingMode.LOCAL, code));
        }
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        // A parameter-averaged run, which the driver reports itself, trains first.
        PlannedRun averaged = new PlannedRun(TestRuns.shallow(32).build(), TrainingMode.PARAMETER_AVERAGING, 32);
        List<PlannedRun> all = new ArrayList<>(runs);
        all.add(0, averaged);
        SweepProgress progress = new SweepProgress("p1", all, 2, Clock.systemUTC());
        progress.finished(averaged.runId(), RunStatus.OK, 1.0);
        List<String> lines = Collections.synchronizedList(new ArrayList<>());
        RunStatusAccumulators statuses = RunStatusAccumulators.register(jsc.sc());
        try (SparkStage stage = SparkStage.begin(jsc.sc(), "sweep", "p1", "local-runs", "test runs")) {
            // Three tasks: runs 2 and 4 alone, runs 8 and 16 fused in one.
            List<RunBatch> batches = List.of(new RunBatch(runs.subList(0, 1)), new RunBatch(runs.subList(1, 2)),
                    new RunBatch(runs.subList(2, 4)));
            SweepProgressListener listener =
                    new SweepProgressListener(stage.groupId(), progress, batches, lines::add);
            jsc.sc().addSparkListener(listener);
            jsc.parallelize(batches, batches.size()).map(batch -> {
                if (batch.runs().get(0).config().architecture().codeSize() == 4 && TaskContext.get().attemptNumber() == 0) {
                    throw new IllegalStateException("first attempt dies");
                }
                List<RunSummary> summaries = new ArrayList<>();
                for (PlannedRun run : batch.runs()) {
                    RunStatus status = run.config().architecture().codeSize() == 16 ? RunStatus.DIVERGED : RunStatus.OK;
                    summaries.add(new RunSummary(run.config(), status, null, 0.1, 0.2, 1.0, "0", null));
                }
                return statuses.record(summaries);
            }).collect();
        }
        // A job outside the group, counting into the same accumulators, must not be reported.
        jsc.parallelize(runs, 2).map(run -> statuses.record(
                List.of(new RunSummary(run.config(), RunStatus.FAILED, "x", 0, 0, 0, "0", null)))).collect();

        long deadline = System.currentTimeMillis() + 20_000;
        while (progress.finishedRuns() < all.size() && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        Thread.sleep(500);  // give the listener time to (wrongly) count the ungrouped job
        List<String> progressLines = lines.stream().filter(line -> line.startsWith("sweep p1:")).toList();
        assertEquals(4, progressLines.size(), lines.toString());
        assertTrue(progressLines.get(3).startsWith("sweep p1: 5/5 runs done (4 ok, 1 diverged, 0 failed)"),
                progressLines.toString());
        String runId = runs.get(1).runId();
        assertTrue(lines.stream().anyMatch(line -> line.startsWith("run(s) " + runId + ": attempt 0")
                && line.endsWith("Spark retries it")), lines.toString());
    }
}
