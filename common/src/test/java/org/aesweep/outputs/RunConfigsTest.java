package org.aesweep.outputs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.aesweep.plan.PlannedRun;
import org.aesweep.spark.TaskDevice;
import org.aesweep.spec.ArchitectureKind;
import org.aesweep.spec.LossKind;
import org.aesweep.spec.NoiseKind;
import org.aesweep.spec.OptimizerKind;
import org.aesweep.spec.ReplicateSplit;
import org.aesweep.spec.RunConfig;
import org.aesweep.spec.ValidationSize;
import org.aesweep.tables.ParquetFiles;
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
                .noise(NoiseKind.MASKING, 0.25).optimizer(OptimizerKind.SGD, 0.01).loss(LossKind.MSE)
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

        RunConfig rebuilt = RunConfigs.fromRunsRow(ParquetFiles.read(file, RunRow.class, conf).get(0));

        assertEquals(config, rebuilt);
        assertEquals(config.runId(), rebuilt.runId());
    }
}
