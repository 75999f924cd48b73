package org.aesweep.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import org.aesweep.tables.SweepTables;
import org.aesweep.tables.Table;
import org.aesweep.tables.TableCatalog;
import org.aesweep.tables.TableLayout;
import org.aesweep.testing.RealData;
import org.apache.hadoop.conf.Configuration;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.expressions.Expressions;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Failures on a real standalone cluster: an executor JVM killed with SIGKILL while runs train (R1);
 * the driver killed while a parameter-averaged run trains (R4) and again mid-sweep (R2), each time
 * followed by a rerun; a rerun of the finished sweep (R3). Every run must end up exactly once in
 * every table, and reruns must train only what is missing.
 */
class ClusterFailureIT {
    private static final String JAR = "jobs/target/aesweep-jobs-0.1.0-SNAPSHOT-spark.jar";
    private static final int TEST_SAMPLES = 300;
    private static final int EPOCHS = 3;
    private static final long POLL_MILLIS = 200;

    @TempDir
    static Path work;
    private static StandaloneCluster cluster;

    @BeforeAll
    static void startCluster() throws Exception {
        cluster = StandaloneCluster.start(work.resolve("logs"), "--workers", "2", "--cores", "2", "--memory", "3g");
    }

    @AfterAll
    static void stopCluster() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void r1AKilledExecutorLosesNoRunAndDuplicatesNone() throws Exception {
        Path out = work.resolve("r1");
        List<String> spec = List.of("--set", "architectures=[shallow]", "--set", "code_sizes=[2,4,8,12,16,24,32,48]");
        Process driver = cluster.start("r1.log", submit(out, "r1", spec));
        awaitOrFail(() -> committedRunsWhileRunning(out, "r1") >= 1, driver, "r1.log");
        System.out.println("r1: killing an executor with " + committedRuns(out, "r1") + " of 8 runs committed");
        ProcessHandle executor = ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().orElse("").contains("CoarseGrainedExecutorBackend"))
                .findFirst().orElseThrow();
        executor.destroyForcibly();

        assertEquals(0, cluster.waitFor(driver, "r1.log"), () -> cluster.tail("r1.log"));
        assertTrue(cluster.log("r1.log").contains("Lost executor"), "the kill hit a live executor");
        assertExactlyOnce(out, "r1", 8);
    }

    @Test
    void r2r3r4KilledDriversAndRerunsEndWithEveryRunOnce() throws Exception {
        Path out = work.resolve("r2");
        List<String> spec = List.of("--set", "code_sizes=[2,8,16]",
                "--set", "architectures=[shallow,{name: deep, hidden: [64], training_mode: parameter_averaging}]");

        // R4: kill the driver while the first parameter-averaged run is in its second epoch.
        Process first = cluster.start("attempt1.log", submit(out, "r2", spec));
        awaitOrFail(() -> logContains("attempt1.log", "epoch 1/" + EPOCHS), first, "attempt1.log");
        first.destroyForcibly().waitFor(1, TimeUnit.MINUTES);
        assertEquals(0, committedRuns(out, "r2"), "an interrupted run leaves no rows");
        assertEquals(0, committedRows(out, "r2", Table.EPOCH_METRICS) + committedRows(out, "r2", Table.LATENT_CODES));

        // R2: kill the driver once the three parameter-averaged runs are in, before the local ones finish.
        Process second = cluster.start("attempt2.log", submit(out, "r2", spec));
        awaitOrFail(() -> committedRunsWhileRunning(out, "r2") >= 3, second, "attempt2.log");
        second.destroyForcibly().waitFor(1, TimeUnit.MINUTES);
        int committedBefore = committedRuns(out, "r2");
        System.out.println("r2: driver killed with " + committedBefore + " of 6 runs committed");
        assertTrue(committedBefore >= 3 && committedBefore < 6, "committed before the kill: " + committedBefore);

        assertEquals(0, cluster.submit("attempt3.log", submit(out, "r2", spec)), () -> cluster.tail("attempt3.log"));
        assertTrue(logContains("attempt3.log", committedBefore + " already committed by an earlier attempt and"
                + " kept, " + (6 - committedBefore) + " to train"), () -> cluster.tail("attempt3.log"));
        assertExactlyOnce(out, "r2", 6);

        // R3: a rerun of the finished sweep changes nothing.
        Map<String, Long> finished = listing(out);
        assertEquals(0, cluster.submit("attempt4.log", submit(out, "r2", spec)), () -> cluster.tail("attempt4.log"));
        assertTrue(logContains("attempt4.log", "6 already committed by an earlier attempt and kept, 0 to train"));
        assertEquals(finished, listing(out));
        assertExactlyOnce(out, "r2", 6);
    }

    private static List<String> submit(Path out, String sweepId, List<String> spec) {
        List<String> arguments = new ArrayList<>(List.of(
                "--properties-file", RealData.repository().resolve("conf/spark-defaults.conf").toString(),
                "--conf", "spark.executor.memory=1g", "--conf", "spark.executor.memoryOverhead=1g",
                "--conf", "spark.executor.cores=2", "--conf", "spark.task.cpus=1",
                "--class", "org.aesweep.jobs.SweepJob", RealData.repository().resolve(JAR).toString(),
                "--grid", RealData.repository().resolve("conf/grids/quickstart.yaml").toString(),
                "--data", RealData.root().toString(), "--out", out.toString(), "--sweep-id", sweepId,
                "--set", "noise.levels=[0.0]", "--set", "replicates=1", "--set", "training.epochs=" + EPOCHS,
                "--set", "data.train_limit=10000", "--set", "data.test_limit=" + TEST_SAMPLES,
                "--set", "parameter_averaging.workers=2"));
        arguments.addAll(spec);
        return arguments;
    }

    /**
     * Every run has one runs row, one epoch_metrics row per epoch and one code per test sample, in
     * the tables as the catalog has them: a partition directory also holds files of older snapshots
     * and of attempts killed before their runs were committed.
     */
    private static void assertExactlyOnce(Path out, String sweepId, int runs) throws Exception {
        // Closed before the session: its SQLite connection would otherwise hold the catalog against
        // the next driver (see TableCatalog#close).
        try (SparkSession spark = SparkSession.builder().master("local[1]").getOrCreate();
             TableCatalog catalog = TableCatalog.open(spark, out.toString())) {
            SweepTables tables = new SweepTables(catalog, new TableLayout(catalog.outRoot(), sweepId));
            Map<String, Long> runRows = countByRun(tables.dataset(spark, Table.RUNS));
            assertEquals(runs, runRows.size(), "runs: " + runRows);
            assertTrue(runRows.values().stream().allMatch(count -> count == 1), "runs: " + runRows);
            Map<String, Long> epochRows = countByRun(tables.dataset(spark, Table.EPOCH_METRICS));
            assertEquals(runRows.keySet(), epochRows.keySet());
            assertTrue(epochRows.values().stream().allMatch(count -> count == EPOCHS), "epochs: " + epochRows);
            Map<String, Long> codeRows = countByRun(tables.dataset(spark, Table.LATENT_CODES));
            assertEquals(runRows.keySet(), codeRows.keySet());
            assertTrue(codeRows.values().stream().allMatch(count -> count == TEST_SAMPLES), "codes: " + codeRows);
            assertEquals(runs, tables.dataset(spark, Table.RUNS).where("status = 'ok'").count());
            System.out.printf("%s: %d runs, each with 1 runs row, %d epoch_metrics rows and %d latent codes; the"
                    + " partitions hold %d, %d and %d files of which the current snapshots use %d, %d and %d%n",
                    sweepId, runs, EPOCHS, TEST_SAMPLES, partitionFiles(out, Table.RUNS, sweepId),
                    partitionFiles(out, Table.EPOCH_METRICS, sweepId), partitionFiles(out, Table.LATENT_CODES, sweepId),
                    currentFiles(catalog, Table.RUNS, sweepId), currentFiles(catalog, Table.EPOCH_METRICS, sweepId),
                    currentFiles(catalog, Table.LATENT_CODES, sweepId));
        }
        assertFalse(Files.exists(out.resolve("_staging").resolve("sweep_id=" + sweepId)), "staging cleared");
    }

    private static long currentFiles(TableCatalog catalog, Table table, String sweepId) throws IOException {
        try (CloseableIterable<FileScanTask> files = catalog.load(table).newScan()
                .filter(Expressions.equal("sweep_id", sweepId)).planFiles()) {
            return StreamSupport.stream(files.spliterator(), false).count();
        }
    }

    private static long partitionFiles(Path out, Table table, String sweepId) throws IOException {
        try (Stream<Path> files = Files.list(out.resolve("tables").resolve(table.directoryName())
                .resolve("sweep_id=" + sweepId))) {
            return files.filter(path -> path.getFileName().toString().endsWith(".parquet")).count();
        }
    }

    private static Map<String, Long> countByRun(Dataset<Row> rows) {
        return rows.groupBy("run_id").count().collectAsList().stream()
                .collect(Collectors.toMap(row -> row.getString(0), row -> row.getLong(1), (a, b) -> a, TreeMap::new));
    }

    /** The runs with a runs row: the committed runs. */
    private static int committedRuns(Path out, String sweepId) throws Exception {
        return (int) committedRows(out, sweepId, Table.RUNS);
    }

    /**
     * The committed runs while a driver may be committing: 0 until it has created its tables (opened
     * earlier, the catalog here would create them too), and 0 if the catalog is busy.
     */
    private static int committedRunsWhileRunning(Path out, String sweepId) {
        if (!Files.isDirectory(out.resolve("tables").resolve(Table.BIAS_VARIANCE.directoryName()).resolve("metadata"))) {
            return 0;
        }
        try {
            return committedRuns(out, sweepId);
        } catch (Exception e) {
            return 0;
        }
    }

    /** The sweep's rows in {@code table}'s current snapshot, read without Spark. */
    private static long committedRows(Path out, String sweepId, Table table) throws Exception {
        try (TableCatalog catalog = TableCatalog.open(new SparkConf(false), out.toString(), new Configuration())) {
            return new SweepTables(catalog, new TableLayout(catalog.outRoot(), sweepId)).allRows(table.rowType()).size();
        }
    }

    private static Map<String, Long> listing(Path out) throws IOException {
        try (Stream<Path> files = Files.walk(out)) {
            return files.filter(Files::isRegularFile).filter(path -> !path.getFileName().toString().equals("_SUCCESS"))
                    .collect(Collectors.toMap(path -> out.relativize(path).toString(), path -> path.toFile().length(),
                            (a, b) -> a, TreeMap::new));
        }
    }

    private static boolean logContains(String logName, String text) {
        try {
            return cluster.log(logName).contains(text);
        } catch (IOException e) {
            return false;
        }
    }

    /** Waits for {@code condition} while the driver runs; fails if the driver ends first or after 5 minutes. */
    private static void awaitOrFail(BooleanSupplier condition, Process driver, String logName) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (!condition.getAsBoolean()) {
            assertTrue(driver.isAlive(), () -> "the driver ended before the moment to kill: " + cluster.tail(logName));
            assertTrue(System.nanoTime() < deadline, () -> "timed out: " + cluster.tail(logName));
            Thread.sleep(POLL_MILLIS);
        }
    }
}
