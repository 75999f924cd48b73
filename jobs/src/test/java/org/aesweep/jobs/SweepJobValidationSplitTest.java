package org.aesweep.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.aesweep.tables.avro.EpochMetricRow;
import org.aesweep.tables.avro.RunRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sweep with data.validation, through SweepJob: runs trained in a task and runs trained with
 * parameter averaging both train on the training part only and record a validation loss every epoch.
 */
class SweepJobValidationSplitTest {
    private static final int VALIDATION = 40;

    @TempDir
    Path work;

    @Test
    void everyEpochRowCarriesAValidationLossAndRunsTrainWithoutTheHeldOutSamples() throws Exception {
        String out = work.resolve("out").toString();
        Path grid = TinySweeps.grid(work, "[2]", "optimizer: adam\n  learning_rate: 0.001\n  early_stopping_patience: 1",
                "architectures: [shallow, {name: deep, hidden: [16], training_mode: parameter_averaging}]",
                "parameter_averaging:\n  workers: 2",
                "data:\n  validation: " + VALIDATION);
        assertEquals(0, TinySweeps.sweep(grid, out, "v"));

        List<RunRow> runs = TinySweeps.runRows(out, "v");
        assertEquals(2, runs.size());
        for (RunRow run : runs) {
            assertEquals("ok", run.getStatus(), run.toString());
            assertEquals(String.valueOf(VALIDATION), run.getValidation().toString());
            assertEquals(200 - VALIDATION, run.getTrainSamples(), "the validation samples are not trained on");
            assertNotNull(run.getFinalValidationLoss(), run.toString());
            assertNotNull(run.getBestEpoch(), run.toString());
        }
        List<EpochMetricRow> epochs = TinySweeps.epochRows(out, "v");
        assertTrue(epochs.size() >= runs.size(), epochs.toString());
        for (EpochMetricRow epoch : epochs) {
            assertNotNull(epoch.getValidationLoss(), epoch.toString());
            assertTrue(Double.isFinite(epoch.getValidationLoss()), epoch.toString());
        }
    }
}
