package org.aesweep.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.aesweep.outputs.RunConfigs;
import org.aesweep.tables.avro.EpochMetricRow;
import org.aesweep.tables.avro.RunRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sweep over a list of noise kinds with noise.draw fixed, through SweepJob: every kind trains,
 * in a task and with parameter averaging, the runs table says which kind and draw each run had, and
 * the clean run of the list records per_batch.
 */
class SweepJobNoiseAxisTest {
    @TempDir
    Path work;

    @Test
    void everyKindOfTheListTrainsWithItsDrawRecorded() throws Exception {
        String out = work.resolve("out").toString();
        Path grid = TinySweeps.grid(work, "[2]", "optimizer: adam\n  learning_rate: 0.001",
                "architectures: [shallow, {name: deep, hidden: [16], training_mode: parameter_averaging}]",
                "parameter_averaging:\n  workers: 2",
                "noise:\n  kind: [none, gaussian_unclipped, dropout]\n  levels: [0.25]\n  draw: fixed");
        assertEquals(0, TinySweeps.sweep(grid, out, "n"));

        List<RunRow> runs = TinySweeps.runRows(out, "n");
        Map<String, String> drawByRun = new TreeMap<>();
        for (RunRow run : runs) {
            assertEquals("ok", run.getStatus(), run.toString());
            assertEquals(run.getRunId(), RunConfigs.fromRunsRow(run).runId(), "the row rebuilds its run id");
            drawByRun.put(run.getArchitecture() + " " + run.getNoiseKind() + " " + run.getNoiseLevel(),
                    run.getNoiseDraw());
        }
        assertEquals(Map.of(
                "shallow none 0.0", "per_batch", "shallow gaussian_unclipped 0.25", "fixed",
                "shallow dropout 0.25", "fixed", "deep none 0.0", "per_batch",
                "deep gaussian_unclipped 0.25", "fixed", "deep dropout 0.25", "fixed"), drawByRun);
        assertEquals(2, runs.stream().filter(run -> run.getTrainingMode().equals("parameter_averaging")
                && run.getNoiseDraw().equals("fixed")).count());

        for (EpochMetricRow epoch : TinySweeps.epochRows(out, "n")) {
            if (epoch.getNoiseKind().equals("none")) {
                assertNull(epoch.getDenoisingTestLoss(), epoch.toString());
            } else {
                assertNotNull(epoch.getDenoisingTestLoss(), epoch.toString());
                assertTrue(Double.isFinite(epoch.getDenoisingTestLoss()), epoch.toString());
            }
        }
    }
}
