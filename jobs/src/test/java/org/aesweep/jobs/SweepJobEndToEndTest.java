package org.aesweep.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.aesweep.spark.SparkSessions;
import org.aesweep.tables.TableCatalog;
import org.aesweep.testing.RealData;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Both jobs through their command lines on real Fashion-MNIST (a seeded subset) in local mode,
 * then every table read back with Spark SQL.
 */
class SweepJobEndToEndTest {
    @TempDir
    Path work;

    @Test
    void sweepThenAggregateOnRealFashionMnist() throws Exception {
        Path out = work.resolve("out");
        String grid = RealData.repository().resolve("conf/grids/quickstart.yaml").toString();
        int sweep = SweepJob.run(new String[] {"--grid", grid, "--data", RealData.root().toString(),
                "--out", out.toString(), "--sweep-id", "e2e", "--master", "local[2]",
                "--set", "architectures=[shallow]", "--set", "code_sizes=[2,32]", "--set", "noise.levels=[0.0]",
                "--set", "training.epochs=2", "--set", "data.train_limit=3000", "--set", "data.test_limit=500"});
        assertEquals(0, sweep);
        assertEquals(0, AggregateJob.run(new String[] {"--out", out.toString(), "--sweep-id", "e2e",
                "--data", RealData.root().toString(),
                "--master", "local[2]"}));

        try (SparkSession spark = SparkSessions.create("e2e-test", "local[1]");
             TableCatalog catalog = TableCatalog.open(spark, out.toString())) {
            Dataset<Row> runs = spark.table("aesweep.sweeps.runs");
            assertEquals(4, runs.where("sweep_id = 'e2e' and status = 'ok'").count());
            assertEquals(8, spark.table("aesweep.sweeps.epoch_metrics").count());
            assertEquals(4 * 500, spark.table("aesweep.sweeps.latent_codes").count());

            List<Row> curve = spark.table("aesweep.sweeps.bias_variance")
                    .orderBy("code_size").collectAsList();
            assertEquals(2, curve.size());
            for (Row point : curve) {
                assertEquals(2, (int) point.<Integer>getAs("replicates"));
                double risk = point.getAs("risk");
                double variance = point.getAs("variance");
                assertTrue(variance > 0 && variance < risk, point.toString());
                // The runs trained with BCE: its entropy, KL bias and KL variance.
                assertEquals("bernoulli_kl", point.getAs("decomposition"));
                assertEquals(risk, point.<Double>getAs("noise") + point.<Double>getAs("bias") + variance, 1e-12);
            }
            List<Row> probes = spark.table("aesweep.sweeps.latent_probes").collectAsList();
            assertEquals(4, probes.size());
            for (Row probe : probes) {
                // Ten Fashion-MNIST classes: chance is 0.1 (sd 0.013 on 500 samples); even 2-unit codes beat it.
                assertTrue(probe.<Double>getAs("knn5_accuracy") > 0.2, probe.toString());
                assertTrue(probe.<Double>getAs("knn1_labelled_accuracy") > 0.15, probe.toString());
                assertEquals(500, (int) probe.<Integer>getAs("test_samples"));
            }
            // A 32-unit code reconstructs Fashion-MNIST better than a 2-unit one.
            assertTrue(curve.get(1).<Double>getAs("test_loss_mean") < curve.get(0).<Double>getAs("test_loss_mean"),
                    curve.toString());
            // Per-element BCE: below ln 2 (a constant 0.5 output) after training, where a per-image
            // sum over 784 pixels would be in the hundreds.
            assertTrue(curve.get(1).<Double>getAs("test_loss_mean") < Math.log(2), curve.toString());
        }
        try (Stream<Path> plots = Files.list(out.resolve("reports/sweep_id=e2e"))) {
            assertEquals(List.of("bias-variance_fashion-mnist_shallow_noise=gaussian_0.0.png",
                    "class-means_fashion-mnist_shallow_noise=gaussian_0.0_code=2.png",
                    "class-means_fashion-mnist_shallow_noise=gaussian_0.0_code=32.png",
                    "code-values_fashion-mnist.png",
                    "latent_fashion-mnist_shallow_noise=gaussian_0.0_code=2.png",
                    "latent_fashion-mnist_shallow_noise=gaussian_0.0_code=32.png",
                    "learning-curves_fashion-mnist_shallow_noise=gaussian_0.0.png",
                    "loss-vs-code-size_fashion-mnist_shallow_noise=gaussian_0.0.png", "overview_test-loss.png",
                    "overview_variance.png",
                    "reconstructions-by-code-size_fashion-mnist_shallow_noise=gaussian_0.0.png",
                    "reconstructions_code=2.png", "reconstructions_code=32.png",
                    "tsne_fashion-mnist_shallow_noise=gaussian_0.0_code=32.png",
                    "weights_fashion-mnist_shallow_noise=gaussian_0.0_code=2.png",
                    "weights_fashion-mnist_shallow_noise=gaussian_0.0_code=32.png"),
                    plots.map(p -> p.getFileName().toString())
                    .filter(name -> name.endsWith(".png")).sorted().toList());
        }
        String report = Files.readString(out.resolve("reports/sweep_id=e2e/index.html"));
        assertTrue(report.contains("<h1>aesweep sweep e2e</h1>") && report.contains("data:image/png;base64,"),
                report.substring(0, Math.min(500, report.length())));
        assertEquals(16, report.split("<img ").length - 1, "every picture embedded");
        assertTrue(report.contains("latent_probes") && !report.contains("src=\"http"), "self-contained");
        for (String section : List.of("learning-curves", "reconstructions-by-code-size", "denoising", "code-values")) {
            assertTrue(report.contains("<h2 id=\"" + section + "\">"), section);
        }
        // A clean sweep has nothing to denoise, and says so.
        assertTrue(report.contains("No run of this sweep had input noise."));
    }
}
