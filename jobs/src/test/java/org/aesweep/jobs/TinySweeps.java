package org.aesweep.jobs;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.aesweep.spark.SparkSessions;
import org.aesweep.tables.SweepTables;
import org.aesweep.tables.Table;
import org.aesweep.tables.TableCatalog;
import org.aesweep.tables.TableLayout;
import org.aesweep.tables.avro.EpochMetricRow;
import org.aesweep.tables.avro.RunRow;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.SparkConf;

/**
 * Sweeps of a few tiny runs (synthetic 28x28 IDX data, two epochs) through SweepJob's command
 * line in local mode, and their tables read back through the catalog: a partition directory also
 * holds files of older snapshots and of attempts never committed, so reading it would count them.
 */
final class TinySweeps {
    static final int EPOCHS = 2;
    static final int TEST_SAMPLES = 20;
    private static final String MASTER = "local[2]";

    private TinySweeps() {
    }

    /**
     * A spec over {@code codeSizes}, one run per code size and architecture, with {@code training}
     * (YAML lines indented by two) after the epochs and batch size; {@code more} is appended as
     * top-level YAML. Fusion is off, so a fault injected in one run fails that run alone.
     */
    static Path grid(Path work, String codeSizes, String training, String... more) throws IOException {
        Path data = IdxFixtures.dataset(work.resolve("data"), 200, TEST_SAMPLES, 28);
        return Files.writeString(work.resolve("spec.yaml"), "dataset: " + data + "\ncode_sizes: " + codeSizes + "\n"
                + "fusion:\n  max_runs: 1\n"
                + "training:\n  epochs: " + EPOCHS + "\n  batch_size: 32\n  " + training + "\n"
                + String.join("\n", more) + "\n");
    }

    static int sweep(Path grid, String out, String sweepId, String... more) throws Exception {
        return sweep(Map.of(), grid, out, sweepId, more);
    }

    /** @param sparkSettings settings of the job's Spark session, as spark-submit's --conf would give them */
    static int sweep(Map<String, String> sparkSettings, Path grid, String out, String sweepId, String... more)
            throws Exception {
        // The job gets this session (getOrCreate), with these settings.
        SparkSessions.create("aesweep test sweep " + sweepId, MASTER, sparkSettings);
        return sweepInSession(grid, out, sweepId, more);
    }

    /**
     * Runs the job in the Spark session the caller created, which the job gets; it closes the
     * session's catalog and stops the session when it ends.
     */
    static int sweepInSession(Path grid, String out, String sweepId, String... more) throws Exception {
        String[] base = {"--grid", grid.toString(), "--out", out, "--sweep-id", sweepId, "--master", MASTER};
        String[] all = Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return SweepJob.run(all);
    }

    /** The job's exit code and what it printed: its report. */
    record Outcome(int exitCode, String stdout) {
    }

    static Outcome sweepReporting(Path grid, String out, String sweepId, String... more) throws Exception {
        return sweepReporting(Map.of(), grid, out, sweepId, more);
    }

    static Outcome sweepReporting(Map<String, String> sparkSettings, Path grid, String out, String sweepId,
                                  String... more) throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        int exitCode;
        try {
            exitCode = sweep(sparkSettings, grid, out, sweepId, more);
        } finally {
            System.setOut(original);
        }
        String stdout = captured.toString(StandardCharsets.UTF_8);
        System.out.print(stdout);
        return new Outcome(exitCode, stdout);
    }

    /**
     * The catalog of {@code out}, opened without Spark: the embedded one, or the one that
     * {@code sparkSettings} configure. Close it before the next job.
     */
    static TableCatalog catalog(Map<String, String> sparkSettings, String out) throws Exception {
        SparkConf settings = new SparkConf(false);
        sparkSettings.forEach(settings::set);
        return TableCatalog.open(settings, out, new Configuration());
    }

    /** Rows per run id in each per-run table of the sweep, as the current snapshots hold them. */
    static Map<Table, Map<String, Long>> rowsPerRun(String out, String sweepId) throws Exception {
        return rowsPerRun(Map.of(), out, sweepId);
    }

    static Map<Table, Map<String, Long>> rowsPerRun(Map<String, String> sparkSettings, String out, String sweepId)
            throws Exception {
        Map<Table, Map<String, Long>> counts = new EnumMap<>(Table.class);
        try (TableCatalog catalog = catalog(sparkSettings, out)) {
            SweepTables tables = new SweepTables(catalog, new TableLayout(catalog.outRoot(), sweepId));
            for (Table table : Table.perRunInCommitOrder()) {
                Map<String, Long> perRun = new TreeMap<>();
                for (SpecificRecordBase row : tables.allRows(table.rowType())) {
                    perRun.merge(row.get("run_id").toString(), 1L, Long::sum);
                }
                counts.put(table, perRun);
            }
        }
        return counts;
    }

    static List<EpochMetricRow> epochRows(String out, String sweepId) throws Exception {
        try (TableCatalog catalog = catalog(Map.of(), out)) {
            return new SweepTables(catalog, new TableLayout(catalog.outRoot(), sweepId)).allRows(EpochMetricRow.class);
        }
    }

    static List<RunRow> runRows(String out, String sweepId) throws Exception {
        return runRows(Map.of(), out, sweepId);
    }

    static List<RunRow> runRows(Map<String, String> sparkSettings, String out, String sweepId) throws Exception {
        try (TableCatalog catalog = catalog(sparkSettings, out)) {
            return new SweepTables(catalog, new TableLayout(catalog.outRoot(), sweepId)).allRows(RunRow.class);
        }
    }
}
