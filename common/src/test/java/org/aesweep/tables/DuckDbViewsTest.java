package org.aesweep.tables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.apache.hadoop.fs.Path;
import org.apache.iceberg.data.Record;
import org.junit.jupiter.api.Test;

/**
 * The views {@link DuckDbViews} writes, run by DuckDB as {@code duckdb -init <out>/duckdb.sql}
 * would: plain DuckDB, no Iceberg extension, reading exactly the current snapshots' files.
 */
class DuckDbViewsTest extends TableTestBase {
    /** Airflow's sweep ids are digits, which DuckDB's hive partitioning would otherwise read as a number. */
    private static final String DIGITS_SWEEP = "20261204";

    @Test
    void duckDbSeesExactlyTheCurrentRowsAfterAppendCompactionAndOverwrite() throws Exception {
        AppendRuns.commit(catalog, SWEEP, List.of(writeRun(SWEEP, run(0)), writeRun(SWEEP, run(1))));
        CompactSweep.compact(catalog, layout(SWEEP));
        AppendRuns.commit(catalog, DIGITS_SWEEP, List.of(writeRun(DIGITS_SWEEP, run(0))));
        ReplaceSweep.replace(catalog, DIGITS_SWEEP, filesOf(writeRun(DIGITS_SWEEP, run(2))));
        // An attempt not committed leaves files in the partition too.
        writeRun(SWEEP, run(3));

        Path script = DuckDbViews.write(catalog);

        try (Connection duckDb = duckDb(script)) {
            for (Table table : Table.perRunInCommitOrder()) {
                List<String> expected = new ArrayList<>();
                for (Record row : rows(table)) {
                    expected.add(row.getField("sweep_id") + "/" + row.getField("run_id"));
                }
                List<String> actual = strings(duckDb, "SELECT sweep_id || '/' || run_id FROM " + table.directoryName());
                assertEquals(expected.stream().sorted().toList(), actual.stream().sorted().toList(), table.name());
            }
        }
    }

    @Test
    void anAllDigitsSweepIdComesBackAsVarchar() throws Exception {
        AppendRuns.commit(catalog, DIGITS_SWEEP, List.of(writeRun(DIGITS_SWEEP, run(0))));

        try (Connection duckDb = duckDb(DuckDbViews.write(catalog))) {
            assertEquals(List.of("VARCHAR"), strings(duckDb,
                    "SELECT column_type FROM (DESCRIBE runs) WHERE column_name = 'sweep_id'"));
            assertEquals(List.of(DIGITS_SWEEP), strings(duckDb, "SELECT sweep_id FROM runs"));
        }
    }

    @Test
    void timestampsReadAsTheInstantsWritten() throws Exception {
        AppendRuns.commit(catalog, SWEEP, List.of(writeRun(SWEEP, run(0))));

        try (Connection duckDb = duckDb(DuckDbViews.write(catalog))) {
            long micros = ChronoUnit.MICROS.between(java.time.Instant.EPOCH, STARTED);
            assertEquals(List.of(Long.toString(micros)), strings(duckDb, "SELECT epoch_us(started_at) FROM runs"));
        }
    }

    @Test
    void aTableWithNoRowsGetsNoView() throws Exception {
        AppendRuns.commit(catalog, SWEEP, List.of(writeRun(SWEEP, run(0))));

        Path script = DuckDbViews.write(catalog);

        String sql = Files.readString(local(script.toString()));
        assertTrue(sql.contains("-- bias_variance: no rows yet\n"), sql);
        assertFalse(sql.contains("VIEW bias_variance"), sql);
        try (Connection duckDb = duckDb(script)) {
            assertEquals(Set.of("runs", "epoch_metrics", "latent_codes", "latent_probes"),
                    Set.copyOf(strings(duckDb, "SELECT table_name FROM information_schema.tables")));
        }
    }

    @Test
    void theScriptIsInTheOutputRoot() throws Exception {
        assertEquals(new Path(catalog.outRoot(), DuckDbViews.FILE_NAME), DuckDbViews.write(catalog));
    }

    /** An in-memory DuckDB that may load no extension, with the script run in it. */
    private static Connection duckDb(Path script) throws Exception {
        Connection connection = DriverManager.getConnection("jdbc:duckdb:");
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET autoinstall_known_extensions = false");
            statement.execute("SET autoload_known_extensions = false");
            for (String sql : Files.readString(local(script.toString())).split(";\n")) {
                if (!sql.lines().allMatch(line -> line.isBlank() || line.startsWith("--"))) {
                    statement.execute(sql);
                }
            }
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
        return connection;
    }

    private static List<String> strings(Connection duckDb, String query) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement statement = duckDb.createStatement(); ResultSet rows = statement.executeQuery(query)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }
}
