package org.aesweep.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.aesweep.spark.SparkSessions;
import org.aesweep.tables.TableCatalog;
import org.aesweep.testing.RealData;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shaded jobs jar submitted to a real standalone cluster of separate JVMs whose two Workers
 * each advertise one fake GPU ("0" and "1"): a sweep with local and parameter-averaged runs, then
 * the aggregation. Every local run must record the GPU its task was given, the same for every run
 * of one executor, and the runs that would outlast the rest must have held a whole executor through
 * stage-level scheduling; the tables must match a local-mode run of the same spec.
 */
class StandaloneClusterIT {
    private static final String JAR = "jobs/target/aesweep-jobs-0.1.0-SNAPSHOT-spark.jar";
    /** 3 local shallow runs and 3 deep runs trained with parameter averaging on 2 workers. */
    private static final List<String> SPEC_OVERRIDES = List.of(
            "--set", "code_sizes=[2,4,8]", "--set", "noise.levels=[0.0]", "--set", "replicates=1",
            "--set", "architectures=[shallow,{name: deep, hidden: [32], training_mode: parameter_averaging}]",
            "--set", "training.epochs=2", "--set", "data.train_limit=1200", "--set", "data.test_limit=200",
            "--set", "parameter_averaging.workers=2");
    private static final int RUNS = 6;
    private static final int TEST_SAMPLES = 200;

    @TempDir
    static Path work;
    private static StandaloneCluster cluster;

    @BeforeAll
    static void startCluster() throws Exception {
        cluster = StandaloneCluster.start(work.resolve("logs"), "--workers", "2", "--cores", "2", "--memory", "3g",
                "--fake-gpus");
    }

    @AfterAll
    static void stopCluster() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void sweepOnTheClusterRecordsAssignedGpusAndMatchesLocalMode() throws Exception {
        Path clusterOut = work.resolve("cluster-out");
        List<String> submit = new java.util.ArrayList<>(List.of(
                "--properties-file", RealData.repository().resolve("conf/spark-defaults.conf").toString(),
                "--conf", "spark.executor.memory=1g", "--conf", "spark.executor.memoryOverhead=1g",
                "--conf", "spark.executor.cores=2", "--conf", "spark.task.cpus=1",
                "--conf", "spark.executor.resource.gpu.amount=1", "--conf", "spark.task.resource.gpu.amount=0.5",
                "--class", "org.aesweep.jobs.SweepJob", RealData.repository().resolve(JAR).toString(),
                "--grid", grid(), "--data", RealData.root().toString(), "--out", clusterOut.toString(),
                "--sweep-id", "cluster"));
        submit.addAll(SPEC_OVERRIDES);
        assertEquals(0, cluster.submit("sweep.log", submit), () -> cluster.tail("sweep.log"));
        assertEquals(0, cluster.submit("aggregate.log", List.of(
                "--properties-file", RealData.repository().resolve("conf/spark-defaults.conf").toString(),
                "--conf", "spark.executor.memory=1g", "--conf", "spark.executor.cores=1",
                "--class", "org.aesweep.jobs.AggregateJob", RealData.repository().resolve(JAR).toString(),
                "--out", clusterOut.toString(), "--sweep-id", "cluster", "--data", RealData.root().toString())),
                () -> cluster.tail("aggregate.log"));

        Path localOut = work.resolve("local-out");
        List<String> local = new java.util.ArrayList<>(List.of("--grid", grid(), "--data",
                RealData.root().toString(), "--out", localOut.toString(), "--sweep-id", "cluster",
                "--master", "local[2]"));
        local.addAll(SPEC_OVERRIDES);
        assertEquals(0, SweepJob.run(local.toArray(String[]::new)));
        assertEquals(0, AggregateJob.run(new String[] {"--out", localOut.toString(), "--sweep-id", "cluster",
                "--data", RealData.root().toString(),
                "--master", "local[2]"}));

        // One catalog per session: Iceberg's JDBC catalog keys its tables by the catalog's name.
        Map<String, StructType> localSchemas = new HashMap<>();
        Map<String, Long> localCounts = new HashMap<>();
        try (SparkSession spark = SparkSessions.create("cluster-it-local", "local[1]");
             TableCatalog catalog = TableCatalog.open(spark, localOut.toString())) {
            for (String table : List.of("runs", "epoch_metrics", "latent_codes", "bias_variance")) {
                localSchemas.put(table, table(spark, table).schema());
                localCounts.put(table, table(spark, table).count());
            }
        }
        try (SparkSession spark = SparkSessions.create("cluster-it", "local[1]");
             TableCatalog catalog = TableCatalog.open(spark, clusterOut.toString())) {
            Dataset<Row> runs = table(spark, "runs");
            assertEquals(RUNS, runs.where("status = 'ok'").count());
            assertEquals(3, runs.where("training_mode = 'parameter_averaging' and workers = 2").count());
            assertGpuPerExecutor(runs.where("training_mode = 'local'").collectAsList());
            // Costs 3922, 7060 and 13336 MACs per sample against 24318 / 4 task slots: the two larger
            // runs would outlast the rest, so each held a whole executor (both cores and its GPU).
            assertEquals(List.of(1, 2, 2), runs.where("training_mode = 'local'").orderBy("code_size")
                    .select("threads").as(org.apache.spark.sql.Encoders.INT()).collectAsList());
            assertTrue(cluster.log("sweep.log").contains("train 2 local run(s) in 2 task(s), 2 cores per task"),
                    () -> cluster.tail("sweep.log"));
            for (Row averaged : runs.where("training_mode = 'parameter_averaging'").collectAsList()) {
                String devices = averaged.getAs("device");
                assertTrue(devices != null && devices.matches("gpu:[01](,gpu:[01])*"), "PA worker GPUs: " + devices);
            }
            for (String table : List.of("runs", "epoch_metrics", "latent_codes", "bias_variance")) {
                Dataset<Row> onCluster = table(spark, table);
                assertEquals(localSchemas.get(table), onCluster.schema(), table + " schema");
                assertEquals(localCounts.get(table), onCluster.count(), table + " rows");
            }
            assertEquals(RUNS * 2, table(spark, "epoch_metrics").count());
            assertEquals(RUNS * TEST_SAMPLES, table(spark, "latent_codes").count());
        }
        try (Stream<Path> staging = Files.exists(clusterOut.resolve("_staging"))
                ? Files.walk(clusterOut.resolve("_staging")).filter(Files::isRegularFile) : Stream.empty()) {
            assertEquals(0, staging.count(), "no staging or DL4J export files left");
        }
    }

    /** Each local run got gpu:0 or gpu:1, and all runs of one executor got that executor's GPU. */
    private static void assertGpuPerExecutor(List<Row> localRuns) {
        assertEquals(3, localRuns.size());
        Map<String, String> gpuOfExecutor = new HashMap<>();
        for (Row run : localRuns) {
            String device = run.getAs("device");
            assertTrue(Set.of("gpu:0", "gpu:1").contains(device), "device " + device);
            assertEquals("cpu", run.getAs("backend"));
            String previous = gpuOfExecutor.putIfAbsent(run.getAs("executor"), device);
            assertTrue(previous == null || previous.equals(device), "one GPU per executor: " + localRuns);
        }
        assertEquals(gpuOfExecutor.size(), Set.copyOf(gpuOfExecutor.values()).size(),
                "executors hold different GPUs: " + gpuOfExecutor);
    }

    private static Dataset<Row> table(SparkSession spark, String table) {
        return spark.table("aesweep.sweeps." + table).where("sweep_id = 'cluster'");
    }

    private static String grid() {
        return RealData.repository().resolve("conf/grids/quickstart.yaml").toString();
    }
}
