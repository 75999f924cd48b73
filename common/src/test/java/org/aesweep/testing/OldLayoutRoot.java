package org.aesweep.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.aesweep.spec.RunConfig;
import org.aesweep.tables.Table;
import org.aesweep.tables.TableLayout;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.generic.GenericRecordBuilder;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.avro.AvroWriteSupport;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.util.HadoopOutputFile;

/**
 * Writes an output root as aesweep wrote it before its tables had a catalog: per-run files
 * {@code run-<run_id>.parquet}, compacted {@code part-<uuid>.parquet}, the aggregation's
 * {@code part-00000.parquet}, a {@code _SUCCESS} marker, and no catalog. Files are written as jobs
 * of that time wrote them: parquet-avro's legacy 2-level lists, timestamps in milliseconds, and in
 * the schema of their {@link Era} (real older schemas, from the test resources older-schemas/).
 * It counts the rows it writes per table and sweep.
 */
public final class OldLayoutRoot {
    /** When every run started and finished; milliseconds that a unit mix-up would lose or shift. */
    public static final Instant STARTED = Instant.parse("2026-11-23T12:00:00.123Z");
    public static final Instant FINISHED = Instant.parse("2026-11-23T12:03:30.456Z");
    /** Latent code rows per run. */
    public static final int SAMPLES = 3;

    /** Which schemas a file was written in. */
    public enum Era {
        /**
         * runs before replicate_split, replicates, divergence_factor, early_stopping_patience,
         * fused_runs and threads (d6fc72b); epoch_metrics and latent_codes before sparsity_weight
         * and evaluation_seconds (935fca4); bias_variance before decomposition, noise and bias
         * (aac80ac). Every column they lack has a default today.
         */
        OLDEST_READABLE("runs-d6fc72b", "epoch_metrics-935fca4", "latent_codes-935fca4", "bias_variance-aac80ac"),
        /** runs with its timestamps still in milliseconds (f1eef2f); bias_variance as in OLDEST_READABLE. */
        MILLIS("runs-f1eef2f", null, null, "bias_variance-aac80ac"),
        /** runs before train_limit, test_limit, image_rows and image_cols, which have no default (935fca4). */
        UNREADABLE("runs-935fca4", null, null, null);

        private final String runs;
        private final String epochMetrics;
        private final String latentCodes;
        private final String biasVariance;

        Era(String runs, String epochMetrics, String latentCodes, String biasVariance) {
            this.runs = runs;
            this.epochMetrics = epochMetrics;
            this.latentCodes = latentCodes;
            this.biasVariance = biasVariance;
        }

        /** The schema of the table's files in this era; today's where the table had not changed. */
        public Schema schema(Table table) throws IOException {
            String older = switch (table) {
                case RUNS -> runs;
                case EPOCH_METRICS -> epochMetrics;
                case LATENT_CODES -> latentCodes;
                case BIAS_VARIANCE -> biasVariance;
                default -> null;
            };
            return older == null ? table.schema() : olderSchema(older);
        }
    }

    private final String outRoot;
    private final Configuration conf = new Configuration();
    private final Map<String, Map<Table, Long>> rows = new HashMap<>();

    public OldLayoutRoot(java.nio.file.Path outRoot) {
        this.outRoot = outRoot.toAbsolutePath().toString();
    }

    public String outRoot() {
        return outRoot;
    }

    public TableLayout layout(String sweepId) {
        return new TableLayout(outRoot, sweepId);
    }

    /** The rows written of {@code table} in {@code sweepId}'s partition, over all its files. */
    public long rows(String sweepId, Table table) {
        return rows.getOrDefault(sweepId, Map.of()).getOrDefault(table, 0L);
    }

    /** One file per per-run table of the run, as the old RunPublisher committed them, and its model. */
    public void perRunFiles(String sweepId, RunConfig run, Era era) throws IOException {
        for (Table table : Table.perRunInCommitOrder()) {
            perRunFile(sweepId, run, era, table);
        }
        Path model = layout(sweepId).modelFile(run.runId());
        try (OutputStream out = model.getFileSystem(conf).create(model)) {
            out.write(("model of " + run.runId()).getBytes(StandardCharsets.UTF_8));
        }
    }

    /** The run's file of one table, {@code run-<run_id>.parquet}. */
    public Path perRunFile(String sweepId, RunConfig run, Era era, Table table) throws IOException {
        Path file = new Path(layout(sweepId).tablePartition(table), "run-" + run.runId() + ".parquet");
        write(sweepId, table, file, era, rowsOf(table, run));
        return file;
    }

    /** One {@code part-<uuid>.parquet} per per-run table holding every given run's rows, as the old compaction left. */
    public void compacted(String sweepId, List<RunConfig> runs, Era era) throws IOException {
        for (Table table : Table.perRunInCommitOrder()) {
            compactedFile(sweepId, runs, era, table);
        }
    }

    /** The compacted file of one table. */
    public Path compactedFile(String sweepId, List<RunConfig> runs, Era era, Table table) throws IOException {
        List<Map<String, Object>> values = new ArrayList<>();
        runs.forEach(run -> values.addAll(rowsOf(table, run)));
        Path file = layout(sweepId).compactedFile(table, UUID.randomUUID().toString());
        write(sweepId, table, file, era, values);
        return file;
    }

    /** The aggregation's whole table, {@code part-00000.parquet}, with {@code groups} rows. */
    public void biasVariance(String sweepId, int groups) throws IOException {
        List<Map<String, Object>> values = new ArrayList<>();
        for (int i = 0; i < groups; i++) {
            values.add(biasVarianceRow(2 << i));
        }
        write(sweepId, Table.BIAS_VARIANCE, layout(sweepId).compactedFile(Table.BIAS_VARIANCE, "00000"),
                Era.MILLIS, values);
    }

    /** The marker of a finished sweep, with its summary. */
    public void successMarker(String sweepId) throws IOException {
        Path marker = new Path(layout(sweepId).tablePartition(Table.RUNS), "_SUCCESS");
        try (OutputStream out = marker.getFileSystem(conf).create(marker)) {
            out.write(("{\"sweep_id\":\"" + sweepId + "\"}\n").getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Writes rows of {@code table} into {@code file} under the era's schema, setting the columns it has. */
    public void write(String sweepId, Table table, Path file, Era era, List<Map<String, Object>> values)
            throws IOException {
        Schema schema = era.schema(table);
        Configuration writeConf = new Configuration(conf);
        // parquet-avro's default then, spelled out: Iceberg and Trino misread these lists.
        writeConf.setBoolean(AvroWriteSupport.WRITE_OLD_LIST_STRUCTURE, true);
        try (ParquetWriter<GenericRecord> writer = AvroParquetWriter.<GenericRecord>builder(
                HadoopOutputFile.fromPath(file, writeConf)).withConf(writeConf).withSchema(schema)
                .withDataModel(GenericData.get()).build()) {
            for (Map<String, Object> row : values) {
                GenericRecordBuilder record = new GenericRecordBuilder(schema);
                for (Schema.Field field : schema.getFields()) {
                    record.set(field, row.get(field.name()));
                }
                writer.write(record.build());
            }
        }
        rows.computeIfAbsent(sweepId, id -> new EnumMap<>(Table.class)).merge(table, (long) values.size(), Long::sum);
    }

    /** The rows a run has in {@code table}, by today's column names (older schemas take the ones they have). */
    public static List<Map<String, Object>> rowsOf(Table table, RunConfig run) {
        return switch (table) {
            case RUNS -> List.of(runsRow(run));
            case EPOCH_METRICS -> {
                List<Map<String, Object>> epochs = new ArrayList<>();
                for (int epoch = 1; epoch <= run.recipe().epochs(); epoch++) {
                    Map<String, Object> row = gridPoint(run);
                    row.put("epoch", epoch);
                    row.put("train_loss", 0.3 / epoch);
                    row.put("test_loss", 0.25 / epoch);
                    row.put("denoising_test_loss", null);
                    row.put("seconds", 1.5);
                    row.put("samples_per_second", 400.0);
                    row.put("evaluation_seconds", 0.5);
                    epochs.add(row);
                }
                yield epochs;
            }
            case LATENT_CODES -> {
                List<Map<String, Object>> codes = new ArrayList<>();
                for (int sample = 0; sample < SAMPLES; sample++) {
                    Map<String, Object> row = gridPoint(run);
                    row.put("sample_index", sample);
                    row.put("label", sample % 10);
                    row.put("code", code(run.architecture().codeSize(), sample));
                    codes.add(row);
                }
                yield codes;
            }
            case LATENT_PROBES -> {
                Map<String, Object> row = gridPoint(run);
                row.put("test_samples", SAMPLES);
                row.put("train_samples", 600);
                row.put("knn1_labelled_accuracy", 0.6);
                row.put("knn5_accuracy", 0.7);
                row.put("mean_activation", 0.4);
                row.put("near_zero_share", 0.1);
                row.put("dead_unit_share", 0.0);
                row.put("top_two_variance_share", 0.8);
                yield List.of(row);
            }
            case BIAS_VARIANCE -> throw new IllegalArgumentException("bias_variance has no rows per run");
        };
    }

    /** The code of a sample: distinct values, so a list read wrongly shows. */
    public static List<Float> code(int codeSize, int sample) {
        List<Float> code = new ArrayList<>();
        for (int unit = 0; unit < codeSize; unit++) {
            code.add(sample + unit / 10f);
        }
        return code;
    }

    private static Map<String, Object> gridPoint(RunConfig run) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("run_id", run.runId());
        row.put("dataset", run.data().dataset());
        row.put("architecture", run.architecture().label());
        row.put("code_size", run.architecture().codeSize());
        row.put("noise_kind", run.noise().kind().specName());
        row.put("noise_level", run.noise().level());
        row.put("sparsity_weight", run.architecture().sparsityWeight());
        row.put("replicate", run.replicate());
        return row;
    }

    /**
     * A runs row whose columns added since d6fc72b hold values other than their defaults, so a file
     * that has them and one that lacks them read differently.
     */
    private static Map<String, Object> runsRow(RunConfig run) {
        Map<String, Object> row = gridPoint(run);
        row.put("architecture_kind", run.architecture().kind().specName());
        row.put("hidden_sizes", run.architecture().hiddenSizes());
        row.put("activation", run.architecture().activation());
        row.put("epochs", run.recipe().epochs());
        row.put("batch_size", run.recipe().batchSize());
        row.put("optimizer", run.recipe().optimizer().specName());
        row.put("learning_rate", run.recipe().learningRate());
        row.put("loss", run.recipe().loss().specName());
        row.put("seed", run.seed());
        row.put("run_seed", run.runSeed());
        row.put("replicate_split", "disjoint");
        row.put("replicates", 2);
        row.put("divergence_factor", 5.0);
        row.put("early_stopping_patience", 3);
        row.put("train_limit", run.data().trainLimit());
        row.put("test_limit", run.data().testLimit());
        row.put("image_rows", 28);
        row.put("image_cols", 28);
        row.put("train_samples", 600);
        row.put("test_samples", 100);
        row.put("training_mode", "local");
        row.put("workers", 1);
        row.put("fused_runs", 2);
        row.put("threads", 4);
        row.put("backend", "cpu");
        row.put("device", null);
        row.put("executor", "driver localhost");
        row.put("status", "ok");
        row.put("message", null);
        row.put("final_train_loss", 0.1);
        row.put("final_test_loss", 0.12);
        row.put("full_train_loss", 0.11);
        row.put("best_epoch", 2);
        row.put("parameter_count", 12_345L);
        row.put("estimated_cost", 1e8);
        row.put("wall_seconds", 210.0);
        // Every era of these files stored milliseconds.
        row.put("started_at", STARTED.toEpochMilli());
        row.put("finished_at", FINISHED.toEpochMilli());
        row.put("software_version", "0.1.0-SNAPSHOT");
        return row;
    }

    private static Map<String, Object> biasVarianceRow(int codeSize) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("dataset", "synthetic");
        row.put("architecture", "shallow");
        row.put("noise_kind", "none");
        row.put("noise_level", 0.0);
        row.put("sparsity_weight", 0.0);
        row.put("code_size", codeSize);
        row.put("replicate_split", "seed");
        row.put("replicates", 2);
        row.put("train_loss_mean", 0.1);
        row.put("train_loss_std", 0.01);
        row.put("test_loss_mean", 0.12);
        row.put("test_loss_std", 0.02);
        row.put("full_train_loss_mean", 0.11);
        row.put("risk", 0.05);
        row.put("bias_squared", 0.04);
        row.put("variance", 0.01);
        return row;
    }

    /** A real older schema from the test resources older-schemas/. */
    public static Schema olderSchema(String name) throws IOException {
        try (InputStream in = OldLayoutRoot.class.getResourceAsStream("/older-schemas/" + name + ".avsc")) {
            if (in == null) {
                throw new IOException("no older schema " + name);
            }
            return new Schema.Parser().parse(in);
        }
    }
}
