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
import java.util.Set;

import org.aesweep.outputs.RunConfigs;
import org.aesweep.spec.RunConfig;
import org.aesweep.tables.avro.EpochMetricRow;
import org.aesweep.tables.avro.RunRow;
import org.aesweep.testing.TestRuns;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.generic.GenericRecordBuilder;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.avro.AvroSchemaConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.FileMetaData;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.hadoop.util.HadoopOutputFile;
import org.apache.parquet.io.InvalidRecordException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Table files written before a column existed still read, through the production readers, as rows
 * of today's schema: the columns they lack hold their .avsc defaults and the others come through.
 * The older schemas are real ones from the history of common/src/main/avro (test resources
 * older-schemas/&lt;table&gt;-&lt;commit&gt;.avsc): runs before replicate_split, replicates,
 * divergence_factor, early_stopping_patience, fused_runs and threads; epoch_metrics before
 * sparsity_weight and evaluation_seconds.
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
