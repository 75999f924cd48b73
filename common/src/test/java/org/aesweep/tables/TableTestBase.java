package org.aesweep.tables;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.aesweep.outputs.GridPointColumns;
import org.aesweep.spec.RunConfig;
import org.aesweep.tables.avro.EpochMetricRow;
import org.aesweep.tables.avro.LatentCodeRow;
import org.aesweep.tables.avro.LatentProbeRow;
import org.aesweep.tables.avro.RunRow;
import org.aesweep.testing.TestRuns;
import org.apache.avro.specific.SpecificRecord;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.hadoop.conf.Configuration;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.HasTableOperations;
import org.apache.iceberg.Schema;
import org.apache.iceberg.TableProperties;
import org.apache.iceberg.TableScan;
import org.apache.iceberg.data.IdentityPartitionConverters;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.data.parquet.GenericParquetReaders;
import org.apache.iceberg.expressions.Expressions;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.mapping.NameMapping;
import org.apache.iceberg.mapping.NameMappingParser;
import org.apache.iceberg.parquet.Parquet;
import org.apache.iceberg.util.PartitionUtil;
import org.apache.spark.SparkConf;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the tests of the table operations share: a fresh embedded catalog per test (no Spark
 * session), rows of small runs written as a run attempt writes them, and Iceberg's own generic
 * reader to check what a table holds independently of the project's readers.
 */
abstract class TableTestBase {
    static final String SWEEP = "s1";
    static final String OTHER_SWEEP = "s2";
    /** Epoch, latent code and probe rows each {@link #writeRun} writes for a run that finished. */
    static final int EPOCHS = 3;
    static final int CODES = 4;
    static final Instant STARTED = Instant.parse("2026-11-23T12:00:00.123456Z");
    static final Instant FINISHED = Instant.parse("2026-11-23T12:03:30.654321Z");

    @TempDir
    Path work;

    final Configuration conf = new Configuration();
    TableCatalog catalog;

    @BeforeEach
    void openCatalog() throws Exception {
        catalog = TableCatalog.open(new SparkConf(false), work.resolve("out").toString(), conf);
    }

    @AfterEach
    void closeCatalog() throws IOException {
        if (catalog != null) {
            catalog.close();
        }
    }

    TableLayout layout(String sweepId) {
        return new TableLayout(catalog.outRoot(), sweepId);
    }

    /** A distinct small run per index: the replicate is part of the run id. */
    static RunConfig run(int index) {
        return TestRuns.shallow(4).replicate(index).build();
    }

    /** Writes a finished run's rows of every per-run table as its attempt would, uncommitted. */
    RunFiles writeRun(String sweepId, RunConfig config) throws IOException {
        RunAttempt attempt = RunAttempt.start(layout(sweepId), config.runId(), conf);
        write(attempt, RunRow.class, List.of(runRow(config, "ok")));
        write(attempt, EpochMetricRow.class, epochRows(config, EPOCHS));
        List<LatentCodeRow> codes = new ArrayList<>();
        for (int sample = 0; sample < CODES; sample++) {
            codes.add(LatentCodeRow.newBuilder(GridPointColumns.fill(new LatentCodeRow(), config))
                    .setSampleIndex(sample)
                    .setLabel(sample % 10)
                    .setCode(List.of(0.5f * sample, -1.25f, (float) config.replicate()))
                    .build());
        }
        write(attempt, LatentCodeRow.class, codes);
        write(attempt, LatentProbeRow.class, List.of(probeRow(config)));
        return attempt.finish(conf);
    }

    /** A run that failed in its first epoch: a runs row and one epoch row, no latent codes or probes. */
    RunFiles writeFailedRun(String sweepId, RunConfig config) throws IOException {
        RunAttempt attempt = RunAttempt.start(layout(sweepId), config.runId(), conf);
        RunRow row = runRow(config, "failed");
        row.setMessage("out of memory");
        write(attempt, RunRow.class, List.of(row));
        write(attempt, EpochMetricRow.class, epochRows(config, 1));
        return attempt.finish(conf);
    }

    /** A run's files as {@link ReplaceSweep} takes them: one list per table the run wrote. */
    static Map<Table, List<String>> filesOf(RunFiles run) {
        Map<Table, List<String>> files = new EnumMap<>(Table.class);
        run.files().forEach((table, file) -> files.put(table, List.of(file)));
        return files;
    }

    private <T extends SpecificRecord> void write(RunAttempt attempt, Class<T> type, List<T> rows) throws IOException {
        Table table = Table.of(type.asSubclass(SpecificRecordBase.class));
        ParquetFiles.write(attempt.tableFile(table), type, table.schema(), rows, conf);
    }

    static RunRow runRow(RunConfig config, String status) {
        return RunRow.newBuilder(GridPointColumns.fill(new RunRow(), config))
                .setArchitectureKind(config.architecture().kind().specName())
                .setHiddenSizes(new ArrayList<>(config.architecture().hiddenSizes()))
                .setActivation(config.architecture().activation())
                .setEpochs(config.recipe().epochs())
                .setBatchSize(config.recipe().batchSize())
                .setOptimizer(config.recipe().optimizer().specName())
                .setLearningRate(config.recipe().learningRate())
                .setLoss(config.recipe().loss().specName())
                .setSeed(config.seed())
                .setRunSeed(config.runSeed())
                .setTrainLimit(config.data().trainLimit())
                .setTestLimit(config.data().testLimit())
                .setReplicateSplit(config.data().sampling().split().specName())
                .setReplicates(config.data().sampling().replicates())
                .setDivergenceFactor(config.recipe().stopping().divergenceFactor())
                .setEarlyStoppingPatience(config.recipe().stopping().patience())
                .setImageRows(28)
                .setImageCols(28)
                .setTrainSamples(600)
                .setTestSamples(100)
                .setTrainingMode("local")
                .setWorkers(1)
                .setFusedRuns(1)
                .setThreads(2)
                .setBackend("cpu")
                .setExecutor("driver localhost")
                .setStatus(status)
                .setFinalTestLoss("ok".equals(status) ? 0.125 : null)
                .setParameterCount(12_345L)
                .setWallSeconds(210.5)
                .setStartedAt(STARTED)
                .setFinishedAt(FINISHED)
                .setSoftwareVersion("test")
                .build();
    }

    static List<EpochMetricRow> epochRows(RunConfig config, int epochs) {
        List<EpochMetricRow> rows = new ArrayList<>();
        for (int epoch = 1; epoch <= epochs; epoch++) {
            rows.add(EpochMetricRow.newBuilder(GridPointColumns.fill(new EpochMetricRow(), config))
                    .setEpoch(epoch)
                    .setTrainLoss(0.5 / epoch)
                    .setTestLoss(0.6 / epoch)
                    .setSeconds(1.5)
                    .setSamplesPerSecond(400.0)
                    .setEvaluationSeconds(0.25)
                    .build());
        }
        return rows;
    }

    static LatentProbeRow probeRow(RunConfig config) {
        return LatentProbeRow.newBuilder(GridPointColumns.fill(new LatentProbeRow(), config))
                .setTestSamples(100)
                .setTrainSamples(600)
                .setKnn1LabelledAccuracy(0.75)
                .setKnn5Accuracy(0.8)
                .setMeanActivation(0.3)
                .setNearZeroShare(0.1)
                .setDeadUnitShare(0.0)
                .setTopTwoVarianceShare(0.6)
                .build();
    }

    org.apache.iceberg.Table load(Table table) {
        return catalog.load(table);
    }

    /** Every row of the table's current snapshot, as Iceberg reads it (see {@link #read}). */
    List<Record> rows(Table table) {
        org.apache.iceberg.Table iceberg = load(table);
        return read(iceberg, iceberg.newScan());
    }

    /** The sweep's rows of the table's current snapshot, as Iceberg reads them (see {@link #read}). */
    List<Record> rows(Table table, String sweepId) {
        org.apache.iceberg.Table iceberg = load(table);
        return read(iceberg, iceberg.newScan().filter(Expressions.equal("sweep_id", sweepId)));
    }

    /**
     * The rows a scan plans, read by Iceberg's own Parquet reader into its generic records, apart
     * from the project's parquet-avro readers. The files carry no field ids, so they are read through
     * the table's name mapping as Spark and Trino read them. {@code IcebergGenerics} would not do:
     * it ignores the mapping and falls back to ids by column position, which misreads a table whose
     * columns were added after creation. Filters on sweep_id select whole partitions, so no rows
     * need filtering after the scan.
     */
    static List<Record> read(org.apache.iceberg.Table table, TableScan scan) {
        Schema schema = scan.schema();
        NameMapping mapping = NameMappingParser.fromJson(table.properties().get(TableProperties.DEFAULT_NAME_MAPPING));
        List<Record> rows = new ArrayList<>();
        try (CloseableIterable<FileScanTask> tasks = scan.planFiles()) {
            for (FileScanTask task : tasks) {
                Map<Integer, ?> partition = PartitionUtil.constantsMap(task,
                        IdentityPartitionConverters::convertConstant);
                try (CloseableIterable<Record> records = Parquet.read(table.io().newInputFile(task.file().location()))
                        .project(schema)
                        .withNameMapping(mapping)
                        .createReaderFunc(fileSchema -> GenericParquetReaders.buildReader(schema, fileSchema, partition))
                        .build()) {
                    records.forEach(rows::add);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    /** Rows as a multiset: each row's text, sorted, so two reads compare regardless of file order. */
    static List<String> sorted(List<Record> rows) {
        return rows.stream().map(Record::toString).sorted().toList();
    }

    /** How many rows of the sweep each run has in the table, by Iceberg's reader. */
    Map<String, Long> rowsPerRun(Table table, String sweepId) {
        Map<String, Long> counts = new TreeMap<>();
        for (Record row : rows(table, sweepId)) {
            counts.merge((String) row.getField("run_id"), 1L, Long::sum);
        }
        return counts;
    }

    /** The data files of the sweep in the table's current snapshot. */
    List<DataFile> files(Table table, String sweepId) {
        List<DataFile> files = new ArrayList<>();
        org.apache.iceberg.Table iceberg = load(table);
        if (iceberg.currentSnapshot() == null) {
            return files;
        }
        try (CloseableIterable<FileScanTask> tasks = iceberg.newScan()
                .filter(Expressions.equal("sweep_id", sweepId)).planFiles()) {
            tasks.forEach(task -> files.add(task.file()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    /** The metadata file the catalog points at: unchanged when nothing was committed. */
    String metadataLocation(Table table) {
        return ((HasTableOperations) load(table)).operations().current().metadataFileLocation();
    }

    /** Every table's metadata file, to show that an operation committed nothing. */
    Map<Table, String> metadataLocations() {
        Map<Table, String> locations = new TreeMap<>();
        for (Table table : Table.values()) {
            locations.put(table, metadataLocation(table));
        }
        return locations;
    }

    static java.nio.file.Path local(String location) {
        return java.nio.file.Path.of(new org.apache.hadoop.fs.Path(location).toUri().getPath());
    }
}
