package org.aesweep.tables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.aesweep.spec.RunConfig;
import org.aesweep.tables.avro.EpochMetricRow;
import org.aesweep.tables.avro.RunRow;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.hadoop.fs.Path;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.data.Record;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.hadoop.util.HadoopOutputFile;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.junit.jupiter.api.Test;

/** Merging a sweep's files of each per-run table into one: {@link CompactSweep}. */
class CompactSweepTest extends TableTestBase {
    @Test
    void aSweepsFilesBecomeOneFilePerTable() throws Exception {
        AppendRuns.commit(catalog, SWEEP, List.of(writeRun(SWEEP, run(0)), writeRun(SWEEP, run(1)),
                writeRun(SWEEP, run(2))));

        int rewritten = CompactSweep.compact(catalog, layout(SWEEP));

        assertEquals(Table.perRunInCommitOrder().size(), rewritten);
        Map<Table, Long> rowsPerTable = Map.of(Table.RUNS, 3L, Table.EPOCH_METRICS, 3L * EPOCHS,
                Table.LATENT_CODES, 3L * CODES, Table.LATENT_PROBES, 3L);
        for (Table table : Table.perRunInCommitOrder()) {
            List<DataFile> files = files(table, SWEEP);
            assertEquals(1, files.size(), table.name());
            assertEquals(rowsPerTable.get(table), files.get(0).recordCount(), table.name());
            assertEquals(rowsPerTable.get(table), rows(table, SWEEP).size(), table.name());
        }
    }

    @Test
    void theRowsAreTheSameBeforeAndAfter() throws Exception {
        AppendRuns.commit(catalog, SWEEP, List.of(writeRun(SWEEP, run(0)), writeRun(SWEEP, run(1)),
                writeFailedRun(SWEEP, run(2))));
        Map<Table, List<String>> before = new HashMap<>();
        for (Table table : Table.perRunInCommitOrder()) {
            before.put(table, sorted(rows(table, SWEEP)));
        }

        CompactSweep.compact(catalog, layout(SWEEP));

        for (Table table : Table.perRunInCommitOrder()) {
            assertEquals(before.get(table), sorted(rows(table, SWEEP)), table.name());
        }
    }

    @Test
    void aPartitionWithOneFileIsLeftAlone() throws Exception {
        AppendRuns.commit(catalog, SWEEP, List.of(writeRun(SWEEP, run(0))));
        Map<Table, String> before = metadataLocations();

        assertEquals(0, CompactSweep.compact(catalog, layout(SWEEP)));
        assertEquals(before, metadataLocations());
    }

    @Test
    void otherSweepsKeepTheirFiles() throws Exception {
        AppendRuns.commit(catalog, SWEEP, List.of(writeRun(SWEEP, run(0)), writeRun(SWEEP, run(1))));
        AppendRuns.commit(catalog, OTHER_SWEEP, List.of(writeRun(OTHER_SWEEP, run(0)),
                writeRun(OTHER_SWEEP, run(1))));

        CompactSweep.compact(catalog, layout(SWEEP));

        for (Table table : Table.perRunInCommitOrder()) {
            assertEquals(1, files(table, SWEEP).size(), table.name());
            assertEquals(2, files(table, OTHER_SWEEP).size(), table.name());
        }
    }

    @Test
    void theReplacedFilesStayForTimeTravel() throws Exception {
        AppendRuns.commit(catalog, SWEEP, List.of(writeRun(SWEEP, run(0)), writeRun(SWEEP, run(1))));
        org.apache.iceberg.Table before = load(Table.LATENT_CODES);
        long snapshot = before.currentSnapshot().snapshotId();
        List<String> rowsBefore = sorted(rows(Table.LATENT_CODES, SWEEP));

        CompactSweep.compact(catalog, layout(SWEEP));

        org.apache.iceberg.Table after = load(Table.LATENT_CODES);
        assertEquals(rowsBefore, sorted(read(after, after.newScan().useSnapshot(snapshot))));
    }

    @Test
    void olderFilesComeOutInTodaysSchemaWithDefaultsAndTheSameInstants() throws Exception {
        RunConfig older = run(0);
        RunConfig today = run(1);
        Map<Table, String> olderFiles = Map.of(
                Table.RUNS, writeOlder(Table.RUNS, older, "runs-d6fc72b", List.of(runRow(older, "ok"))),
                Table.EPOCH_METRICS, writeOlder(Table.EPOCH_METRICS, older, "epoch_metrics-935fca4",
                        epochRows(older, EPOCHS)));
        AppendRuns.commit(catalog, SWEEP, List.of(new RunFiles(older.runId(), olderFiles), writeRun(SWEEP, today)));

        CompactSweep.compact(catalog, layout(SWEEP));

        for (Table table : List.of(Table.RUNS, Table.EPOCH_METRICS)) {
            List<DataFile> files = files(table, SWEEP);
            assertEquals(1, files.size(), table.name());
            assertEquals(table.schema(), footerSchema(files.get(0)), table.name());
        }
        MessageType runsColumns = parquetSchema(files(Table.RUNS, SWEEP).get(0));
        assertEquals(LogicalTypeAnnotation.timestampType(true, LogicalTypeAnnotation.TimeUnit.MICROS),
                runsColumns.getType("started_at").getLogicalTypeAnnotation());

        RunRow olderRun = new SweepTables(catalog, layout(SWEEP)).rows(RunRow.class, older.runId()).get(0);
        assertEquals("seed", olderRun.getReplicateSplit());
        assertEquals(1, olderRun.getReplicates());
        assertEquals(10.0, olderRun.getDivergenceFactor());
        assertEquals(0, olderRun.getEarlyStoppingPatience());
        assertEquals(1, olderRun.getFusedRuns());
        assertEquals(1, olderRun.getThreads());
        assertEquals(STARTED.truncatedTo(ChronoUnit.MILLIS), olderRun.getStartedAt());
        assertEquals(FINISHED.truncatedTo(ChronoUnit.MILLIS), olderRun.getFinishedAt());
        // Today's run keeps its microseconds through the copy.
        RunRow todayRun = new SweepTables(catalog, layout(SWEEP)).rows(RunRow.class, today.runId()).get(0);
        assertEquals(STARTED, todayRun.getStartedAt());
        assertEquals(2, todayRun.getThreads());

        for (EpochMetricRow epoch : new SweepTables(catalog, layout(SWEEP)).rows(EpochMetricRow.class,
                older.runId())) {
            assertEquals(0.0, epoch.getSparsityWeight());
            assertNull(epoch.getEvaluationSeconds());
        }

        // Iceberg's reader sees the same instants as timestamptz.
        for (Record row : rows(Table.RUNS, SWEEP)) {
            Instant expected = older.runId().equals(row.getField("run_id"))
                    ? STARTED.truncatedTo(ChronoUnit.MILLIS) : STARTED;
            assertEquals(expected, ((OffsetDateTime) row.getField("started_at")).toInstant());
        }
    }

    @Test
    void compactionLeavesNoOtherFileBehind() throws Exception {
        AppendRuns.commit(catalog, SWEEP, List.of(writeRun(SWEEP, run(0)), writeRun(SWEEP, run(1))));
        java.nio.file.Path partition = local(layout(SWEEP).tablePartition(Table.LATENT_CODES).toString());
        long filesBefore = parquetFilesIn(partition);

        CompactSweep.compact(catalog, layout(SWEEP));

        // The two run files stay for time travel; one compacted file is added.
        assertEquals(filesBefore + 1, parquetFilesIn(partition));
        assertTrue(files(Table.LATENT_CODES, SWEEP).get(0).location().contains("/part-"));
    }

    private static long parquetFilesIn(java.nio.file.Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".parquet")).count();
        }
    }

    /**
     * Writes rows of today's classes as a job of an older release wrote them: only the columns of
     * {@code olderSchema}, timestamps in milliseconds.
     */
    private String writeOlder(Table table, RunConfig config, String olderSchema,
                              List<? extends SpecificRecordBase> rows) throws IOException {
        Schema schema;
        try (InputStream in = getClass().getResourceAsStream("/older-schemas/" + olderSchema + ".avsc")) {
            schema = new Schema.Parser().parse(in);
        }
        Path file = layout(SWEEP).attemptFile(table, config.runId(), "older");
        try (ParquetWriter<GenericRecord> writer = AvroParquetWriter.<GenericRecord>builder(
                HadoopOutputFile.fromPath(file, conf)).withSchema(schema).withDataModel(GenericData.get()).build()) {
            for (SpecificRecordBase row : rows) {
                GenericData.Record older = new GenericData.Record(schema);
                for (Schema.Field field : schema.getFields()) {
                    Object value = row.get(field.name());
                    older.put(field.name(), value instanceof Instant instant ? instant.toEpochMilli() : value);
                }
                writer.write(older);
            }
        }
        return file.toString();
    }

    private MessageType parquetSchema(DataFile file) throws IOException {
        try (ParquetFileReader reader = ParquetFileReader.open(HadoopInputFile.fromPath(new Path(file.location()),
                conf))) {
            return reader.getFileMetaData().getSchema();
        }
    }

    /** The Avro schema parquet-avro keeps in the file's footer: the one it was written with. */
    private Schema footerSchema(DataFile file) throws IOException {
        try (ParquetFileReader reader = ParquetFileReader.open(HadoopInputFile.fromPath(new Path(file.location()),
                conf))) {
            return new Schema.Parser().parse(reader.getFileMetaData().getKeyValueMetaData().get("parquet.avro.schema"));
        }
    }
}
