package org.aesweep.tables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.aesweep.outputs.RunConfigs;
import org.aesweep.spec.RunConfig;
import org.aesweep.tables.avro.BiasVarianceRow;
import org.aesweep.tables.avro.EpochMetricRow;
import org.aesweep.tables.avro.RunRow;
import org.aesweep.testing.TableFooters;
import org.aesweep.testing.TestRuns;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.generic.GenericRecordBuilder;
import org.apache.hadoop.conf.Configuration;
import org.apache.iceberg.DataFile;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.util.HadoopOutputFile;
import org.apache.parquet.io.InvalidRecordException;
import org.apache.spark.SparkConf;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Table files written before a column existed still read, through the production readers, as rows
 * of today's schema: the columns they lack hold their .avsc defaults and the others come through.
 * The older schemas are real ones from the history of common/src/main/avro (test resources
 * older-schemas/&lt;table&gt;-&lt;commit&gt;.avsc): runs before replicate_split, replicates,
 * divergence_factor, early_stopping_patience, fused_runs, threads and noise_draw; epoch_metrics before
 * sparsity_weight and evaluation_seconds; bias_variance before decomposition, noise and bias.
 */
class OlderSchemaReadTest {
    private static final Instant STARTED = Instant.parse("2026-11-23T12:00:00Z");
    private static final Instant FINISHED = Instant.parse("2026-11-23T12:03:30Z");

    @TempDir
    Path work;

    private final Configuration conf = new Configuration();

    @Test
    void anOlderRunsFileReadsWithTheNewColumnsDefaulted() throws IOException {
        RunConfig config = TestRuns.shallow(6).deep(List.of(32)).build();
        org.apache.hadoop.fs.Path file = path("runs.parquet");
        write(file, "runs-d6fc72b", List.of(olderRunsRow(config)));

        RunRow row = ParquetFiles.read(file, RunRow.class, conf).get(0);

        assertEquals("seed", row.getReplicateSplit());
        assertEquals("per_batch", row.getNoiseDraw());
        assertEquals(1, row.getReplicates());
        assertEquals(10.0, row.getDivergenceFactor());
        assertEquals(0, row.getEarlyStoppingPatience());
        assertEquals(1, row.getFusedRuns());
        assertEquals(1, row.getThreads());
        assertEquals(config.runId(), row.getRunId());
        assertEquals(List.of(32), row.getHiddenSizes());
        assertEquals(6, row.getCodeSize());
        assertEquals(config.runSeed(), row.getRunSeed());
        assertEquals(0.12, row.getFinalTestLoss());
        assertNull(row.getDevice());
        assertEquals(STARTED, row.getStartedAt());
        assertEquals(FINISHED, row.getFinishedAt());
    }

    @Test
    void anOlderRunsRowRebuildsItsRunConfigAndRunId() throws IOException {
        RunConfig config = TestRuns.shallow(4).build();
        TableLayout layout = new TableLayout(work.resolve("out").toString(), "old");
        org.apache.hadoop.fs.Path file = layout.attemptFile(Table.RUNS, config.runId(), "old");
        write(file, "runs-d6fc72b", List.of(olderRunsRow(config)));

        RunConfig rebuilt = RunConfigs.fromRunsRow(ParquetFiles.read(file, RunRow.class, conf).get(0));

        assertEquals(config, rebuilt);
        assertEquals(config.runId(), rebuilt.runId());
    }

    @Test
    void anOlderEpochMetricsFileReadsWithTheNewColumnsDefaulted() throws IOException {
        org.apache.hadoop.fs.Path file = path("epochs.parquet");
        write(file, "epoch_metrics-935fca4", List.of(olderEpochRow(TestRuns.shallow(4).build(), 1)));

        EpochMetricRow row = ParquetFiles.read(file, EpochMetricRow.class, conf).get(0);

        assertEquals(0.0, row.getSparsityWeight());
        assertNull(row.getEvaluationSeconds());
        assertEquals(1, row.getEpoch());
        assertEquals(0.2, row.getTestLoss());
        assertEquals(1.5, row.getSeconds());
    }

    @Test
    void anOlderBiasVarianceFileReadsAsTheSquaredErrorDecompositionItHolds() throws IOException {
        org.apache.hadoop.fs.Path file = path("bias_variance.parquet");
        GenericRecord older = new GenericRecordBuilder(olderSchema("bias_variance-aac80ac"))
                .set("dataset", "mnist").set("architecture", "shallow").set("noise_kind", "none")
                .set("noise_level", 0.0).set("sparsity_weight", 0.0).set("code_size", 8)
                .set("replicate_split", "seed").set("replicates", 2)
                .set("train_loss_mean", 0.1).set("train_loss_std", 0.01)
                .set("test_loss_mean", 0.12).set("test_loss_std", 0.02).set("full_train_loss_mean", 0.11)
                .set("risk", 0.05).set("bias_squared", 0.04).set("variance", 0.01)
                .build();
        write(file, "bias_variance-aac80ac", List.of(older));

        BiasVarianceRow row = ParquetFiles.read(file, BiasVarianceRow.class, conf).get(0);

        assertEquals("squared_error", row.getDecomposition());
        assertNull(row.getNoise());
        assertNull(row.getBias());
        assertEquals(0.05, row.getRisk());
        assertEquals(0.04, row.getBiasSquared());
        assertEquals(0.01, row.getVariance());
        assertEquals(8, row.getCodeSize());
    }

    @Test
    void aFileLackingAColumnWithoutDefaultIsRefusedRatherThanReadAsZeros() throws IOException {
        // The first runs schema lacked train_limit, test_limit, image_rows and image_cols, and no default
        // can stand in: the limits such a run trained with are unknown, and 0 (whole set) is another run.
        Schema first = olderSchema("runs-935fca4");
        GenericRecordBuilder row = new GenericRecordBuilder(first);
        GenericRecord older = olderRunsRow(TestRuns.shallow(4).build());
        for (Schema.Field field : first.getFields()) {
            row.set(field.name(), older.get(field.name()));
        }
        org.apache.hadoop.fs.Path file = path("first-runs.parquet");
        write(file, "runs-935fca4", List.of(row.build()));

        InvalidRecordException refused = assertThrows(InvalidRecordException.class,
                () -> ParquetFiles.read(file, RunRow.class, conf));
        assertTrue(refused.getMessage().contains("train_limit"), refused.getMessage());
    }

    @Test
    void compactingOlderAndNewFilesTogetherWritesTodaysSchema() throws Exception {
        RunConfig older = TestRuns.shallow(4).build();
        RunConfig newer = TestRuns.shallow(8).build();
        try (TableCatalog catalog = TableCatalog.open(new SparkConf(false), work.resolve("out").toString(), conf)) {
            TableLayout layout = new TableLayout(catalog.outRoot(), "mixed");
            org.apache.hadoop.fs.Path olderRuns = layout.attemptFile(Table.RUNS, older.runId(), "a");
            org.apache.hadoop.fs.Path olderEpochs = layout.attemptFile(Table.EPOCH_METRICS, older.runId(), "a");
            write(olderRuns, "runs-d6fc72b", List.of(olderRunsRow(older)));
            write(olderEpochs, "epoch_metrics-935fca4", List.of(olderEpochRow(older, 1)));
            // Today's rows: an older row brought to today's schema, with the new columns set otherwise.
            RunRow newRun = RunRow.newBuilder(readOlder(olderRunsRow(newer))).setThreads(4).setFusedRuns(2).build();
            org.apache.hadoop.fs.Path newerRuns = layout.attemptFile(Table.RUNS, newer.runId(), "b");
            ParquetFiles.write(newerRuns, RunRow.class, RunRow.getClassSchema(), List.of(newRun), conf);
            EpochMetricRow newEpoch = EpochMetricRow.newBuilder().setRunId(newer.runId()).setDataset("synthetic")
                    .setArchitecture("shallow").setCodeSize(8).setNoiseKind("none").setNoiseLevel(0)
                    .setSparsityWeight(1e-3).setReplicate(0).setEpoch(1).setTrainLoss(0.3).setTestLoss(0.25)
                    .setDenoisingTestLoss(null).setSeconds(2.0).setSamplesPerSecond(60).setEvaluationSeconds(0.5).build();
            org.apache.hadoop.fs.Path newerEpochs = layout.attemptFile(Table.EPOCH_METRICS, newer.runId(), "b");
            ParquetFiles.write(newerEpochs, EpochMetricRow.class, EpochMetricRow.getClassSchema(), List.of(newEpoch),
                    conf);
            AppendRuns.commit(catalog, "mixed", List.of(
                    new RunFiles(older.runId(), Map.of(Table.RUNS, olderRuns.toString(),
                            Table.EPOCH_METRICS, olderEpochs.toString())),
                    new RunFiles(newer.runId(), Map.of(Table.RUNS, newerRuns.toString(),
                            Table.EPOCH_METRICS, newerEpochs.toString()))));

            assertEquals(2, CompactSweep.compact(catalog, layout));

            SweepTables tables = new SweepTables(catalog, layout);
            assertWrittenInTodaysSchema(catalog, "mixed", Table.RUNS);
            List<RunRow> runs = tables.allRows(RunRow.class);
            assertEquals(Set.of(older.runId(), newer.runId()), Set.copyOf(runs.stream().map(RunRow::getRunId).toList()));
            for (RunRow run : runs) {
                boolean isOlder = run.getRunId().equals(older.runId());
                assertEquals(isOlder ? 1 : 4, run.getThreads(), run.getRunId());
                assertEquals(isOlder ? 1 : 2, run.getFusedRuns(), run.getRunId());
                assertEquals("seed", run.getReplicateSplit());
                assertEquals(STARTED, run.getStartedAt());
            }
            assertEquals(Set.of(older.runId(), newer.runId()), tables.committedRunIds());

            assertWrittenInTodaysSchema(catalog, "mixed", Table.EPOCH_METRICS);
            List<EpochMetricRow> epochs = tables.allRows(EpochMetricRow.class);
            assertEquals(2, epochs.size());
            for (EpochMetricRow epoch : epochs) {
                boolean isOlder = epoch.getRunId().equals(older.runId());
                assertEquals(isOlder ? null : 0.5, epoch.getEvaluationSeconds(), epoch.getRunId());
                assertEquals(isOlder ? 0.0 : 1e-3, epoch.getSparsityWeight(), epoch.getRunId());
            }
        }
    }

    /** The sweep's rows of {@code table} are in one file, written in today's schema. */
    private void assertWrittenInTodaysSchema(TableCatalog catalog, String sweepId, Table table) throws IOException {
        List<DataFile> files = DataFileDescriber.currentFiles(catalog.load(table), DataFileDescriber.inSweep(sweepId));
        assertEquals(1, files.size(), table.directoryName());
        TableFooters.assertTodaysSchema(new org.apache.hadoop.fs.Path(files.get(0).location()), table, conf);
    }

    /** The older row as today's reader returns it (written to a scratch file and read back). */
    private RunRow readOlder(GenericRecord older) throws IOException {
        org.apache.hadoop.fs.Path scratch = path("scratch-" + older.get("run_id") + ".parquet");
        write(scratch, "runs-d6fc72b", List.of(older));
        return ParquetFiles.read(scratch, RunRow.class, conf).get(0);
    }

    /** A runs row of {@code config} in the schema of commit d6fc72b. */
    private static GenericRecord olderRunsRow(RunConfig config) throws IOException {
        return new GenericRecordBuilder(olderSchema("runs-d6fc72b"))
                .set("run_id", config.runId())
                .set("dataset", config.data().dataset())
                .set("architecture", config.architecture().label())
                .set("architecture_kind", config.architecture().kind().specName())
                .set("hidden_sizes", config.architecture().hiddenSizes())
                .set("activation", config.architecture().activation())
                .set("code_size", config.architecture().codeSize())
                .set("noise_kind", config.noise().kind().specName())
                .set("noise_level", config.noise().level())
                .set("sparsity_weight", config.architecture().sparsityWeight())
                .set("replicate", config.replicate())
                .set("epochs", config.recipe().epochs())
                .set("batch_size", config.recipe().batchSize())
                .set("optimizer", config.recipe().optimizer().specName())
                .set("learning_rate", config.recipe().learningRate())
                .set("loss", config.recipe().loss().specName())
                .set("seed", config.seed())
                .set("run_seed", config.runSeed())
                .set("train_limit", config.data().trainLimit())
                .set("test_limit", config.data().testLimit())
                .set("image_rows", 28)
                .set("image_cols", 28)
                .set("train_samples", 600)
                .set("test_samples", 100)
                .set("training_mode", "local")
                .set("workers", 1)
                .set("backend", "cpu")
                .set("executor", "driver localhost")
                .set("status", "ok")
                .set("final_train_loss", 0.1)
                .set("final_test_loss", 0.12)
                .set("full_train_loss", 0.11)
                .set("best_epoch", 2)
                .set("parameter_count", 12_345L)
                .set("estimated_cost", 1e8)
                .set("wall_seconds", 210.0)
                .set("started_at", STARTED.toEpochMilli())
                .set("finished_at", FINISHED.toEpochMilli())
                .set("software_version", "0.1.0-SNAPSHOT")
                .build();
    }

    /** An epoch_metrics row in the first schema (commit 935fca4). */
    private static GenericRecord olderEpochRow(RunConfig config, int epoch) throws IOException {
        return new GenericRecordBuilder(olderSchema("epoch_metrics-935fca4"))
                .set("run_id", config.runId())
                .set("dataset", config.data().dataset())
                .set("architecture", config.architecture().label())
                .set("code_size", config.architecture().codeSize())
                .set("noise_kind", config.noise().kind().specName())
                .set("noise_level", config.noise().level())
                .set("replicate", config.replicate())
                .set("epoch", epoch)
                .set("train_loss", 0.25)
                .set("test_loss", 0.2)
                .set("seconds", 1.5)
                .set("samples_per_second", 400.0)
                .build();
    }

    private static Schema olderSchema(String name) throws IOException {
        try (InputStream in = OlderSchemaReadTest.class.getResourceAsStream("/older-schemas/" + name + ".avsc")) {
            return new Schema.Parser().parse(in);
        }
    }

    /**
     * Writes records under an older schema with parquet-avro: the Parquet columns and footer schema
     * a job of that time wrote.
     */
    private void write(org.apache.hadoop.fs.Path file, String olderSchema, List<GenericRecord> rows)
            throws IOException {
        try (ParquetWriter<GenericRecord> writer = AvroParquetWriter.<GenericRecord>builder(
                HadoopOutputFile.fromPath(file, conf)).withSchema(olderSchema(olderSchema))
                .withDataModel(GenericData.get()).build()) {
            for (GenericRecord row : rows) {
                writer.write(row);
            }
        }
    }

    private org.apache.hadoop.fs.Path path(String name) {
        return new org.apache.hadoop.fs.Path(work.resolve(name).toUri());
    }
}
