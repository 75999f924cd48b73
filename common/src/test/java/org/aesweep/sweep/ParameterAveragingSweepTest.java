package org.aesweep.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.aesweep.plan.PlannedRun;
import org.aesweep.plan.SweepPlan;
import org.aesweep.spark.SparkSessions;
import org.aesweep.spec.FusionSpec;
import org.aesweep.spec.NoiseKind;
import org.aesweep.spec.ParameterAveragingSpec;
import org.aesweep.spec.RepartitionPolicy;
import org.aesweep.spec.RunConfig;
import org.aesweep.spec.TrainingMode;
import org.aesweep.tables.SweepTables;
import org.aesweep.tables.TableCatalog;
import org.aesweep.tables.TableLayout;
import org.aesweep.tables.avro.EpochMetricRow;
import org.aesweep.tables.avro.LatentCodeRow;
import org.aesweep.tables.avro.RunRow;
import org.aesweep.testing.LocalFiles;
import org.aesweep.testing.SyntheticImages;
import org.aesweep.testing.TestRuns;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A denoising run trained with DL4J parameter averaging on two local-mode workers writes the same
 * tables as a run trained in one task, learns, and leaves no exported data or staging files behind.
 */
class ParameterAveragingSweepTest {
    private static final int TRAIN = 600;
    private static final int TEST = 60;
    private static final int EPOCHS = 3;

    @TempDir
    Path work;

    @Test
    void parameterAveragedRunFillsEveryTableLikeALocalRun() throws Exception {
        Path data = work.resolve("synthetic");
        SyntheticImages.writeDataset(data, TRAIN, TEST);
        RunConfig averagedConfig = TestRuns.shallow(8).dataset(data.toString()).epochs(EPOCHS).batchSize(32)
                .noise(NoiseKind.GAUSSIAN, 0.2).build();
        RunConfig localConfig = TestRuns.shallow(8).dataset(data.toString()).epochs(EPOCHS).batchSize(32)
                .noise(NoiseKind.GAUSSIAN, 0.2).replicate(1).build();
        ParameterAveragingSpec settings = new ParameterAveragingSpec(Double.POSITIVE_INFINITY, 2, 16, 2, 1,
                RepartitionPolicy.ALWAYS);
        SweepPlan plan = new SweepPlan(
                List.of(new PlannedRun(averagedConfig, TrainingMode.PARAMETER_AVERAGING, 1e9)),
                List.of(new PlannedRun(localConfig, TrainingMode.LOCAL, 1e8)), settings, FusionSpec.defaults(),
                SyntheticImages.SIDE, SyntheticImages.SIDE, TRAIN, TEST);
        TableLayout layout = new TableLayout(work.resolve("out").toString(), "pa");

        SweepTables tables;
        try (SparkSession spark = SparkSessions.create("aesweep-parameter-averaging", "local[2]")) {
            tables = new SweepTables(TableCatalog.open(spark, layout.root().toString()), layout);
            SweepOutcome outcome = new SweepDriver(spark, tables.catalog()).run(
                    new SweepSettings(work.toString(), layout), plan, false, RunsNotInGrid.REFUSE);
            assertTrue(outcome.allSucceeded(), outcome.toString());
            checkTables(tables, averagedConfig, localConfig);
        }
    }

    private void checkTables(SweepTables tables, RunConfig averagedConfig, RunConfig localConfig) throws IOException {
        RunRow averaged = onlyRow(tables.rows(RunRow.class, averagedConfig.runId()));
        assertEquals("parameter_averaging", averaged.getTrainingMode());
        assertEquals(2, averaged.getWorkers());
        assertEquals("cpu", averaged.getBackend());
        assertEquals(1e9, averaged.getEstimatedCost());
        assertEquals("ok", averaged.getStatus());
        assertNotNull(averaged.getFullTrainLoss());
        RunRow local = onlyRow(tables.rows(RunRow.class, localConfig.runId()));
        assertEquals("local", local.getTrainingMode());
        assertEquals(1, local.getWorkers());

        List<EpochMetricRow> epochs = tables.rows(EpochMetricRow.class, averagedConfig.runId());
        assertEquals(EPOCHS, epochs.size());
        EpochMetricRow first = epoch(epochs, 1);
        EpochMetricRow last = epoch(epochs, EPOCHS);
        assertTrue(last.getTestLoss() < first.getTestLoss(), "test loss falls: " + epochs);
        assertTrue(last.getTrainLoss() < first.getTrainLoss(), "train loss falls: " + epochs);
        assertNotNull(last.getDenoisingTestLoss(), "denoising loss of a noisy run");
        // Per-element BCE of [0, 1] images is well under 1; a per-image sum would be hundreds.
        assertTrue(first.getTrainLoss() < 1.0, "per-element loss scale: " + first);

        assertEquals(TEST, tables.rows(LatentCodeRow.class, averagedConfig.runId()).size());
        TableLayout layout = tables.layout();
        assertTrue(Files.exists(LocalFiles.of(layout.modelFile(averagedConfig.runId()))));
        Path staging = work.resolve("out").resolve("_staging");
        try (Stream<Path> left = Files.exists(staging) ? Files.walk(staging).filter(Files::isRegularFile)
                : Stream.empty()) {
            assertFalse(left.findAny().isPresent(), "staging and DL4J export files are removed");
        }
    }

    private static RunRow onlyRow(List<RunRow> rows) {
        assertEquals(1, rows.size(), rows.toString());
        return rows.get(0);
    }

    private static EpochMetricRow epoch(List<EpochMetricRow> epochs, int number) {
        return epochs.stream().filter(e -> e.getEpoch() == number).findFirst().orElseThrow();
    }
}
