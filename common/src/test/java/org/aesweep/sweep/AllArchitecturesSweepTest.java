package org.aesweep.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

import org.aesweep.analysis.BootstrapSettings;
import org.aesweep.plan.SweepPlan;
import org.aesweep.report.Aggregation;
import org.aesweep.spark.SparkSessions;
import org.aesweep.spec.ArchitectureKind;
import org.aesweep.spec.NoiseKind;
import org.aesweep.spec.RunConfig;
import org.aesweep.tables.SweepTables;
import org.aesweep.tables.Table;
import org.aesweep.tables.TableCatalog;
import org.aesweep.tables.TableLayout;
import org.aesweep.testing.LocalFiles;
import org.aesweep.testing.SyntheticImages;
import org.aesweep.testing.TestRuns;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A mini sweep over every implemented architecture and two noise kinds fills every table on local
 * Spark, and the aggregation draws every picture each architecture has from its saved model, the
 * per-curve montages and learning curves included.
 */
class AllArchitecturesSweepTest {
    private static final int TEST = 300;

    @TempDir
    Path work;

    @Test
    void everyArchitectureAndNoiseKindTrainsAndPublishes() throws Exception {
        Path data = work.resolve("synthetic");
        SyntheticImages.writeDataset(data, 200, TEST);
        List<RunConfig> runs = new ArrayList<>();
        for (TestRuns architecture : List.of(TestRuns.shallow(4).kind(ArchitectureKind.LINEAR, List.of()),
                TestRuns.shallow(4), TestRuns.shallow(4).deep(List.of(16)),
                TestRuns.shallow(4).kind(ArchitectureKind.CONV, List.of(4, 8)),
                TestRuns.shallow(4).kind(ArchitectureKind.LSTM, List.of(8)),
                TestRuns.shallow(4).kind(ArchitectureKind.SPARSE, List.of()))) {
            runs.add(architecture.dataset(data.toString()).epochs(1).noise(NoiseKind.MASKING, 0.3).build());
            runs.add(architecture.dataset(data.toString()).epochs(1).noise(NoiseKind.SALT_AND_PEPPER, 0.1).build());
        }
        TableLayout layout = new TableLayout(work.resolve("out").toString(), "all");
        try (SparkSession spark = SparkSessions.create("aesweep-all-architectures", "local[2]")) {
            SweepTables tables = new SweepTables(TableCatalog.open(spark, layout.root().toString()), layout);
            SweepOutcome outcome = new SweepDriver(spark, tables.catalog()).run(new SweepSettings(work.toString(), layout),
                    SweepPlan.allLocal(runs), false, RunsNotInGrid.REFUSE);
            assertTrue(outcome.allSucceeded(), outcome.toString());

            assertEquals(runs.size(), tables.dataset(spark, Table.RUNS)
                    .where("status = 'ok'").count());
            assertEquals(2, tables.dataset(spark, Table.RUNS)
                    .where("sparsity_weight > 0").count());
            assertEquals(runs.size(), tables.dataset(spark, Table.EPOCH_METRICS)
                    .where("denoising_test_loss is not null").count());
            assertEquals(runs.size() * TEST,
                    tables.dataset(spark, Table.LATENT_CODES)
                            .where("size(code) = 4").count());
            assertEquals(List.of("conv", "deep", "linear", "lstm", "shallow", "sparse"),
                    tables.dataset(spark, Table.RUNS).select("architecture")
                            .distinct().orderBy("architecture").as(org.apache.spark.sql.Encoders.STRING())
                            .collectAsList());

            Aggregation.Outcome aggregated = new Aggregation(spark).run(tables, work.toString(),
                    BootstrapSettings.DEFAULTS);
            assertEquals(runs.size(), aggregated.rows().size());
            assertTrue(Files.isRegularFile(LocalFiles.of(aggregated.report())));
            for (String architecture : List.of("conv", "deep", "linear", "lstm", "shallow", "sparse")) {
                // Both noise kinds of each architecture draw their class means; dense encoders also their weights.
                assertEquals(2, readablePictures(aggregated, "class-means_", architecture), architecture);
                boolean dense = !architecture.equals("conv") && !architecture.equals("lstm");
                assertEquals(dense ? 2 : 0, readablePictures(aggregated, "weights_", architecture), architecture);
                // Every curve is noisy: each draws its reconstructions across code sizes and its denoising.
                assertEquals(2, readablePictures(aggregated, "reconstructions-by-code-size_", architecture),
                        architecture);
                assertEquals(2, readablePictures(aggregated, "denoising_", architecture), architecture);
                assertEquals(2, readablePictures(aggregated, "learning-curves_", architecture), architecture);
            }
        }
    }

    /** How many of the aggregation's pictures of this kind show this architecture and read back as images. */
    private static long readablePictures(Aggregation.Outcome aggregated, String prefix, String architecture)
            throws IOException {
        long count = 0;
        for (org.apache.hadoop.fs.Path picture : aggregated.plots()) {
            String name = picture.getName();
            if (name.startsWith(prefix) && name.contains("_" + architecture + "_")) {
                BufferedImage image = ImageIO.read(LocalFiles.of(picture).toFile());
                assertTrue(image != null && image.getWidth() > 0, name);
                count++;
            }
        }
        return count;
    }
}
