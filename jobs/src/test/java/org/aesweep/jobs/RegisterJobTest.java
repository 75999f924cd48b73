package org.aesweep.jobs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.aesweep.spec.RunConfig;
import org.aesweep.tables.Table;
import org.aesweep.tables.TableCatalog;
import org.aesweep.testing.LocalFiles;
import org.aesweep.testing.OldLayoutRoot.Era;
import org.aesweep.testing.OldLayoutRoot;
import org.aesweep.testing.TableFooters;
import org.aesweep.testing.TestRuns;
import org.apache.hadoop.conf.Configuration;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.spark.SparkConf;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * RegisterTables brings an output root of the layout before the catalog into the catalog: every
 * row of the old files once, as Iceberg's own reader and DuckDB (through duckdb.sql) read them,
 * with older schemas, millisecond timestamps and 2-level lists resolved; and running it again
 * changes nothing.
 */
class RegisterJobTest {
    /** An Airflow-style id, all digits: it must stay a string. */
    private static final String DIGITS = "20261203";
    private static final String LEGACY = "legacy";
    private static final RunConfig FIRST = TestRuns.shallow(2).deep(List.of(32, 16)).build();
    private static final RunConfig SECOND = TestRuns.shallow(4).build();
    private static final RunConfig THIRD = TestRuns.shallow(6).deep(List.of(24)).build();
    /** The runs (sweep/run id) whose files lack the columns added since d6fc72b, which read as their defaults. */
    private static final Set<String> OLDEST = Set.of(DIGITS + "/" + FIRST.runId(), LEGACY + "/" + THIRD.runId());

    @TempDir
    Path work;

    private final Configuration conf = new Configuration();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream originalOut;
    private PrintStream originalErr;

    @BeforeEach
    void captureOutput() {
        originalOut = System.out;
        originalErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreOutput() {
        System.setOut(originalOut);
        System.setErr(originalErr);
    }

    /**
     * Sweep 20261203 as its runs committed them, one file per run and table (one run in the oldest
     * readable schemas, one in today's columns with millisecond timestamps), aggregated and
     * finished; sweep legacy compacted after two runs, with a third run trained later.
     */
    private OldLayoutRoot oldRoot() throws IOException {
        OldLayoutRoot old = new OldLayoutRoot(work.resolve("out"));
        old.perRunFiles(DIGITS, FIRST, Era.OLDEST_READABLE);
        old.perRunFiles(DIGITS, SECOND, Era.MILLIS);
        old.biasVariance(DIGITS, 2);
        old.successMarker(DIGITS);
        old.compacted(LEGACY, List.of(FIRST, SECOND), Era.MILLIS);
        old.perRunFiles(LEGACY, THIRD, Era.OLDEST_READABLE);
        old.biasVariance(LEGACY, 1);
        return old;
    }

    @Test
    void everyRowOfTheOldFilesIsRegisteredOnceAsIcebergAndDuckDbReadIt() throws Exception {
        OldLayoutRoot old = oldRoot();
        Path model = LocalFiles.of(old.layout(DIGITS).modelFile(FIRST.runId()));
        byte[] modelBytes = Files.readAllBytes(model);

        assertEquals(0, RegisterTables.run(new String[] {"--out", old.outRoot()}), errors());

        for (String sweepId : List.of(DIGITS, LEGACY)) {
            for (Table table : Table.values()) {
                assertTrue(output().contains("sweep " + sweepId + ", " + table.directoryName() + ": "
                        + old.rows(sweepId, table) + " row(s) registered\n"), output());
            }
        }
        try (TableCatalog catalog = TableCatalog.open(new SparkConf(false), old.outRoot(), conf)) {
            for (Table table : Table.values()) {
                List<Record> rows = icebergRows(catalog, table);
                Map<String, Integer> perSweep = new TreeMap<>();
                for (Record row : rows) {
                    // The partition value, read from the catalog's metadata, not from a path.
                    Object sweepId = row.getField("sweep_id");
                    assertInstanceOf(String.class, sweepId, table.toString());
                    perSweep.merge((String) sweepId, 1, Integer::sum);
                }
                assertEquals(Map.of(DIGITS, (int) old.rows(DIGITS, table), LEGACY, (int) old.rows(LEGACY, table)),
                        perSweep, table.toString());
                assertEquals(rows.size(), new HashSet<>(rows.stream().map(row -> key(table, row)).toList()).size(),
                        table + " has duplicate rows");
                for (FileScanTask file : files(catalog, table)) {
                    TableFooters.assertTodaysSchema(new org.apache.hadoop.fs.Path(file.file().location()), table, conf);
                }
            }
            checkRuns(icebergRows(catalog, Table.RUNS));
            checkEpochs(icebergRows(catalog, Table.EPOCH_METRICS));
            checkCodes(icebergRows(catalog, Table.LATENT_CODES));
        }
        checkDuckDb(old);
        assertArrayEquals(modelBytes, Files.readAllBytes(model), "models keep their paths and bytes");
    }

    /** Timestamps are the same instants; columns the oldest files lack hold their defaults; lists are intact. */
    private static void checkRuns(List<Record> runs) {
        assertEquals(5, runs.size());
        for (Record run : runs) {
            String runId = (String) run.getField("run_id");
            boolean oldest = OLDEST.contains(run.getField("sweep_id") + "/" + runId);
            assertEquals(OldLayoutRoot.STARTED, ((OffsetDateTime) run.getField("started_at")).toInstant(), runId);
            assertEquals(OldLayoutRoot.FINISHED, ((OffsetDateTime) run.getField("finished_at")).toInstant(), runId);
            assertEquals(oldest ? "seed" : "disjoint", run.getField("replicate_split"), runId);
            assertEquals(oldest ? 1 : 2, run.getField("replicates"), runId);
            assertEquals(oldest ? 10.0 : 5.0, run.getField("divergence_factor"), runId);
            assertEquals(oldest ? 0 : 3, run.getField("early_stopping_patience"), runId);
            assertEquals(oldest ? 1 : 2, run.getField("fused_runs"), runId);
            assertEquals(oldest ? 1 : 4, run.getField("threads"), runId);
            assertEquals(config(runId).architecture().hiddenSizes(), run.getField("hidden_sizes"), runId);
            assertEquals(0.12, run.getField("final_test_loss"), runId);
            assertNull(run.getField("device"), runId);
        }
    }

    private static void checkEpochs(List<Record> epochs) {
        for (Record epoch : epochs) {
            String runId = (String) epoch.getField("run_id");
            assertEquals(OLDEST.contains(epoch.getField("sweep_id") + "/" + runId) ? null : 0.5, epoch.getField("evaluation_seconds"), runId);
            assertEquals(0.0, epoch.getField("sparsity_weight"), runId);
        }
    }

    private static void checkCodes(List<Record> codes) {
        for (Record code : codes) {
            RunConfig run = config((String) code.getField("run_id"));
            assertEquals(OldLayoutRoot.code(run.architecture().codeSize(), (Integer) code.getField("sample_index")),
                    code.getField("code"), run.runId());
        }
    }

    /** DuckDB, through the views the tool wrote, sees the same rows, sweep ids as text and the same instants. */
    private static void checkDuckDb(OldLayoutRoot old) throws Exception {
        try (Connection duck = duckDb(old); Statement sql = duck.createStatement()) {
            for (Table table : Table.values()) {
                Map<String, Long> perSweep = new TreeMap<>();
                try (ResultSet rows = sql.executeQuery("SELECT sweep_id, typeof(sweep_id), count(*) FROM "
                        + table.directoryName() + " GROUP BY ALL")) {
                    while (rows.next()) {
                        assertEquals("VARCHAR", rows.getString(2), table.toString());
                        assertInstanceOf(String.class, rows.getObject(1), table.toString());
                        perSweep.put(rows.getString(1), rows.getLong(3));
                    }
                }
                assertEquals(Map.of(DIGITS, old.rows(DIGITS, table), LEGACY, old.rows(LEGACY, table)), perSweep,
                        table.toString());
            }
            try (ResultSet instants = sql.executeQuery(
                    "SELECT DISTINCT epoch_ms(started_at), epoch_ms(finished_at) FROM runs")) {
                assertTrue(instants.next());
                assertEquals(OldLayoutRoot.STARTED.toEpochMilli(), instants.getLong(1));
                assertEquals(OldLayoutRoot.FINISHED.toEpochMilli(), instants.getLong(2));
                assertFalse(instants.next());
            }
            try (ResultSet lists = sql.executeQuery("SELECT sum(len(code)) FROM latent_codes WHERE sweep_id = '"
                    + DIGITS + "'")) {
                lists.next();
                assertEquals((long) OldLayoutRoot.SAMPLES * (FIRST.architecture().codeSize()
                        + SECOND.architecture().codeSize()), lists.getLong(1));
            }
        }
    }

    @Test
    void runningAgainRegistersNothingAndOneSweepCanGoFirst() throws Exception {
        OldLayoutRoot old = oldRoot();
        assertEquals(0, RegisterTables.run(new String[] {"--out", old.outRoot(), "--sweep-id", DIGITS}), errors());
        assertFalse(output().contains("sweep " + LEGACY), output());
        Map<Table, Map<String, Integer>> afterFirst = countsPerSweep(old);
        assertEquals(Set.of(DIGITS), afterFirst.get(Table.RUNS).keySet());
        // Only digits among the sweep ids DuckDB sees now, which it would take for a number unless told.
        try (Connection duck = duckDb(old); Statement sql = duck.createStatement();
             ResultSet ids = sql.executeQuery("SELECT DISTINCT sweep_id, typeof(sweep_id) FROM runs")) {
            assertTrue(ids.next());
            assertEquals(DIGITS, ids.getObject(1));
            assertEquals("VARCHAR", ids.getString(2));
            assertFalse(ids.next());
        }

        assertEquals(0, RegisterTables.run(new String[] {"--out", old.outRoot()}), errors());
        assertTrue(output().contains("sweep " + DIGITS + ", runs: already registered\n"), output());
        assertTrue(output().contains("sweep " + LEGACY + ", runs: " + old.rows(LEGACY, Table.RUNS)
                + " row(s) registered\n"), output());
        Map<Table, Map<String, Integer>> registered = countsPerSweep(old);
        Map<Table, Long> snapshots = currentSnapshots(old);
        out.reset();

        assertEquals(0, RegisterTables.run(new String[] {"--out", old.outRoot()}), errors());

        for (String sweepId : List.of(DIGITS, LEGACY)) {
            for (Table table : Table.values()) {
                assertTrue(output().contains("sweep " + sweepId + ", " + table.directoryName() + ": already registered\n"),
                        output());
            }
        }
        assertFalse(output().contains("row(s) registered"), output());
        assertEquals(registered, countsPerSweep(old));
        assertEquals(snapshots, currentSnapshots(old), "no table has a new snapshot");
        for (Table table : Table.values()) {
            assertEquals(Map.of(DIGITS, (int) old.rows(DIGITS, table), LEGACY, (int) old.rows(LEGACY, table)),
                    registered.get(table), table.toString());
        }
    }

    @Test
    void aMissingRootARootWithoutTablesAndAnUnknownSweepAreBadInput() throws Exception {
        Path missing = work.resolve("missing");
        assertEquals(2, RegisterTables.run(new String[] {"--out", missing.toString()}));
        assertTrue(errors().contains("no output root at"), errors());
        assertFalse(Files.exists(missing), "nothing is created for a missing root");

        Path empty = Files.createDirectories(work.resolve("empty"));
        assertEquals(2, RegisterTables.run(new String[] {"--out", empty.toString()}));
        assertTrue(errors().contains("no tables/ under"), errors());
        try (var created = Files.list(empty)) {
            assertEquals(0, created.count(), "no catalog is created in a root without tables");
        }

        OldLayoutRoot old = oldRoot();
        assertEquals(2, RegisterTables.run(new String[] {"--out", old.outRoot(), "--sweep-id", "nope"}));
        assertTrue(errors().contains("no sweep_id=nope directory"), errors());
        assertEquals(2, RegisterTables.run(new String[] {"--out", old.outRoot(), "--sweep-id", "../x"}));
        assertTrue(errors().contains("--sweep-id"), errors());
    }

    @Test
    void aSweepWithAFileNoDefaultCanCompleteIsRefusedAndTheOthersRegistered() throws Exception {
        OldLayoutRoot old = oldRoot();
        old.perRunFiles("first-schema", FIRST, Era.OLDEST_READABLE);
        old.perRunFiles("first-schema", SECOND, Era.UNREADABLE);

        assertEquals(2, RegisterTables.run(new String[] {"--out", old.outRoot()}));

        assertTrue(errors().contains("sweep first-schema: refused, nothing registered"), errors());
        assertTrue(errors().contains("train_limit"), errors());
        Map<Table, Map<String, Integer>> counts = countsPerSweep(old);
        for (Table table : Table.values()) {
            assertEquals(Set.of(DIGITS, LEGACY), counts.get(table).keySet(), table.toString());
        }
        assertTrue(output().contains("for DuckDB: duckdb -init "), output());
    }

    /** An in-memory DuckDB with the views of the root's duckdb.sql. */
    private static Connection duckDb(OldLayoutRoot old) throws Exception {
        Connection duck = DriverManager.getConnection("jdbc:duckdb:");
        try (Statement sql = duck.createStatement()) {
            for (String statement : Files.readString(Path.of(old.outRoot(), "duckdb.sql")).split(";\n")) {
                if (!statement.isBlank()) {
                    sql.execute(statement);
                }
            }
        }
        return duck;
    }

    private Map<Table, Map<String, Integer>> countsPerSweep(OldLayoutRoot old) throws Exception {
        Map<Table, Map<String, Integer>> counts = new EnumMap<>(Table.class);
        try (TableCatalog catalog = TableCatalog.open(new SparkConf(false), old.outRoot(), conf)) {
            for (Table table : Table.values()) {
                Map<String, Integer> perSweep = new TreeMap<>();
                for (Record row : icebergRows(catalog, table)) {
                    perSweep.merge((String) row.getField("sweep_id"), 1, Integer::sum);
                }
                counts.put(table, perSweep);
            }
        }
        return counts;
    }

    private Map<Table, Long> currentSnapshots(OldLayoutRoot old) throws Exception {
        Map<Table, Long> ids = new HashMap<>();
        try (TableCatalog catalog = TableCatalog.open(new SparkConf(false), old.outRoot(), conf)) {
            for (Table table : Table.values()) {
                Snapshot current = catalog.load(table).currentSnapshot();
                ids.put(table, current == null ? null : current.snapshotId());
            }
        }
        return ids;
    }

    private static List<Record> icebergRows(TableCatalog catalog, Table table) throws IOException {
        List<Record> rows = new ArrayList<>();
        try (CloseableIterable<Record> records = IcebergGenerics.read(catalog.load(table)).build()) {
            records.forEach(rows::add);
        }
        return rows;
    }

    private static List<FileScanTask> files(TableCatalog catalog, Table table) throws IOException {
        List<FileScanTask> files = new ArrayList<>();
        try (CloseableIterable<FileScanTask> tasks = catalog.load(table).newScan().planFiles()) {
            tasks.forEach(files::add);
        }
        return files;
    }

    /** What identifies a row of the table within its sweep. */
    private static List<Object> key(Table table, Record row) {
        return switch (table) {
            case RUNS, LATENT_PROBES -> List.of(row.getField("sweep_id"), row.getField("run_id"));
            case EPOCH_METRICS -> List.of(row.getField("sweep_id"), row.getField("run_id"), row.getField("epoch"));
            case LATENT_CODES -> List.of(row.getField("sweep_id"), row.getField("run_id"), row.getField("sample_index"));
            case BIAS_VARIANCE -> List.of(row.getField("sweep_id"), row.getField("code_size"));
        };
    }

    private static RunConfig config(String runId) {
        for (RunConfig run : List.of(FIRST, SECOND, THIRD)) {
            if (run.runId().equals(runId)) {
                return run;
            }
        }
        throw new IllegalArgumentException("no run " + runId);
    }

    private String output() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String errors() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
