package org.aesweep.outputs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.aesweep.plan.PlannedRun;
import org.aesweep.spark.TaskDevice;
import org.aesweep.spec.ArchitectureKind;
import org.aesweep.spec.LossKind;
import org.aesweep.spec.NoiseDraw;
import org.aesweep.spec.NoiseKind;
import org.aesweep.spec.OptimizerKind;
import org.aesweep.spec.ReplicateSampling;
import org.aesweep.spec.ReplicateSplit;
import org.aesweep.spec.RunConfig;
import org.aesweep.spec.ValidationSize;
import org.aesweep.tables.ParquetFiles;
import org.aesweep.tables.avro.EpochMetricRow;
import org.aesweep.tables.avro.RunRow;
import org.aesweep.testing.TestRuns;
import org.aesweep.train.EpochMetrics;
import org.aesweep.train.RunStatus;
import org.aesweep.train.TrainedRun;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A runs row, written to its file and read back, rebuilds the config it was written for, and so
 * its run id, with every setting away from its default (rows of older schemas: OlderSchemaReadTest).
 */
class RunConfigsTest {
    @TempDir
    Path work;

    @Test
    void aRunsRowReadBackRebuildsItsConfigAndRunId() throws Exception {
        RunConfig config = TestRuns.shallow(6).kind(ArchitectureKind.SPARSE, List.of(64, 32)).activation("selu")
                .noise(NoiseKind.MASKING, 0.25).noiseDraw(NoiseDraw.FIXED).optimizer(OptimizerKind.SGD, 0.01).loss(LossKind.MSE)
                .limits(500, 100).validation(ValidationSize.ofCount(50)).stopping(4.0, 3).sampling(ReplicateSplit.DISJOINT, 3).replicate(2).epochs(5)
                .batchSize(16).build();
        RunContext context = new RunContext(PlannedRun.local(config), 1, 1, 2, "driver localhost",
                new TaskDevice("cpu", null), 28, 28, 166, 100, Instant.EPOCH, Instant.EPOCH.plusSeconds(5));
        EpochMetrics epoch = new EpochMetrics(1, 0.3, 0.25, Double.NaN, 1, 166, 0.1);
        TrainedRun trained = TrainedRun.unfinished(null, List.of(epoch), RunStatus.DIVERGED, "diverged in epoch 2");
        org.apache.hadoop.fs.Path file = new org.apache.hadoop.fs.Path(work.resolve("runs.parquet").toUri());
        Configuration conf = new Configuration();
        ParquetFiles.write(file, RunRow.class, RunRow.getClassSchema(), List.of(RunRows.runRow(trained, context)),
                conf);

        RunRow row = ParquetFiles.read(file, RunRow.class, conf).get(0);
        RunConfig rebuilt = RunConfigs.fromRunsRow(row);

        assertEquals("fixed", row.getNoiseDraw());
        assertEquals(config, rebuilt);
        assertEquals(config.runId(), rebuilt.runId());
    }

    @Test
    void aCrossedRunsRowRecordsItsDataSplitAndSeedAndRebuildsItsConfig() throws Exception {
        RunConfig config = TestRuns.shallow(6).sampling(ReplicateSampling.crossed(2, 3)).replicate(3).build();
        RunContext context = new RunContext(PlannedRun.local(config), 1, 1, 2, "driver localhost",
                new TaskDevice("cpu", null), 28, 28, 166, 100, Instant.EPOCH, Instant.EPOCH.plusSeconds(5));
        TrainedRun trained = TrainedRun.unfinished(null, List.of(new EpochMetrics(1, 0.3, 0.25, Double.NaN, 1, 166,
                0.1)), RunStatus.DIVERGED, "diverged in epoch 2");
        org.apache.hadoop.fs.Path file = new org.apache.hadoop.fs.Path(work.resolve("crossed.parquet").toUri());
        Configuration conf = new Configuration();
        ParquetFiles.write(file, RunRow.class, RunRow.getClassSchema(), List.of(RunRows.runRow(trained, context)),
                conf);

        RunRow row = ParquetFiles.read(file, RunRow.class, conf).get(0);
        assertEquals("crossed", row.getReplicateSplit().toString());
        assertEquals(2, row.getDataSplits());
        assertEquals(1, row.getDataSplit());
        assertEquals(1, row.getSeedIndex());
        assertEquals(config, RunConfigs.fromRunsRow(row));
    }

    @Test
    void aRunWithAValidationSplitRecordsItsValidationLossesAndChoosesItsBestEpochOnThem() {
        RunConfig config = TestRuns.shallow(6).limits(500, 100).validation(ValidationSize.ofFraction(0.1)).build();
        RunContext context = new RunContext(PlannedRun.local(config), 1, 1, 2, "driver localhost",
                new TaskDevice("cpu", null), 28, 28, 450, 100, Instant.EPOCH, Instant.EPOCH.plusSeconds(5));
        // The test loss falls to epoch 2; the validation loss was lowest in epoch 1.
        List<EpochMetrics> epochs = List.of(new EpochMetrics(1, 0.3, 0.25, 0.20, Double.NaN, 1, 450, 0.1),
                new EpochMetrics(2, 0.2, 0.24, 0.22, Double.NaN, 1, 450, 0.1));
        TrainedRun trained = TrainedRun.unfinished(null, epochs, RunStatus.OK, null);

        RunRow run = RunRows.runRow(trained, context);
        assertEquals("0.1", run.getValidation().toString());
        assertEquals(0.22, run.getFinalValidationLoss());
        assertEquals(1, run.getBestEpoch(), "chosen on the validation loss");
        assertEquals(List.of(0.20, 0.22), RunRows.epochRows(config, epochs).stream()
                .map(EpochMetricRow::getValidationLoss).toList());
        RunConfig without = TestRuns.shallow(6).build();
        assertNull(RunRows.epochRows(without, List.of(new EpochMetrics(1, 0.3, 0.25, Double.NaN, 1, 1, 0.1))).get(0)
                .getValidationLoss());
        RunContext withoutContext = new RunContext(PlannedRun.local(without), 1, 1, 2, "driver localhost",
                new TaskDevice("cpu", null), 28, 28, 500, 100, Instant.EPOCH, Instant.EPOCH.plusSeconds(5));
        assertNull(RunRows.runRow(trained, withoutContext).getBestEpoch(), "no split, so no epoch is chosen");
    }
}
