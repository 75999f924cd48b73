package org.aesweep.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.aesweep.analysis.SavedRun;
import org.aesweep.data.LabeledImages;
import org.aesweep.spark.ExecutorDataCache;
import org.aesweep.spec.InputScaling;
import org.aesweep.tables.SweepTables;
import org.aesweep.tables.TableCatalog;
import org.aesweep.tables.TableLayout;
import org.aesweep.tables.avro.BiasVarianceRow;
import org.aesweep.tables.avro.EpochMetricRow;
import org.aesweep.tables.avro.LatentCodeRow;
import org.aesweep.tables.avro.RunRow;
import org.aesweep.testing.RealData;
import org.aesweep.train.PixelScaling;
import org.aesweep.train.TrainingArrays;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A sweep on real MNIST with two [-1, 1] tanh/MSE architectures (one trained in a task, one with
 * parameter averaging) beside a default [0, 1] one, through SweepJob and AggregateJob: the tables
 * record each run's scaling, its losses and codes are those of its network fed scaled images, and
 * the aggregation decomposes and draws every architecture.
 */
class SweepJobInputScalingTest {
    private static final String SWEEP = "scaled";
    private static final int TEST_SAMPLES = 100;
    private static final Map<String, String> SCALING_OF = Map.of("shallow", "unit", "symmetric", "symmetric",
            "symmetric-averaged", "symmetric");

    @TempDir
    Path work;

    @Test
    void symmetricRunsTrainScoreEncodeAndAggregateInMinusOneToOne() throws Exception {
        String out = work.resolve("out").toString();
        String data = RealData.root().toString();
        Path grid = Files.writeString(work.resolve("spec.yaml"), String.join("\n",
                "dataset: mnist",
                "code_sizes: [8]",
                "architectures:",
                "  - shallow",
                "  - {name: shallow, label: symmetric, input_scaling: symmetric, output_activation: tanh, loss: mse}",
                "  - {name: deep, hidden: [32], label: symmetric-averaged, input_scaling: symmetric,",
                "     output_activation: tanh, loss: mse, training_mode: parameter_averaging}",
                "noise: {kind: gaussian, levels: [0.2]}",
                "replicates: 2",
                "training: {epochs: 1, batch_size: 32, optimizer: adam, learning_rate: 0.003}",
                "parameter_averaging: {workers: 2}",
                "data: {train_limit: 300, test_limit: " + TEST_SAMPLES + "}", ""));
        assertEquals(0, TinySweeps.sweep(grid, out, SWEEP, "--data", data));
        assertEquals(0, AggregateJob.run(new String[] {"--out", out, "--sweep-id", SWEEP, "--data", data,
                "--master", "local[2]"}));

        try (TableCatalog catalog = TinySweeps.catalog(Map.of(), out)) {
            SweepTables tables = new SweepTables(catalog, new TableLayout(catalog.outRoot(), SWEEP));
            List<RunRow> runs = tables.allRows(RunRow.class);
            assertEquals(6, runs.size());
            for (RunRow run : runs) {
                assertEquals("ok", run.getStatus(), run.toString());
                assertEquals(SCALING_OF.get(run.getArchitecture()), run.getInputScaling(), run.getArchitecture());
                assertTrue(Double.isFinite(run.getFinalTrainLoss()) && Double.isFinite(run.getFinalTestLoss())
                        && Double.isFinite(run.getFullTrainLoss()), run.toString());
                if (run.getInputScaling().equals("symmetric")) {
                    checkLossAndCodesAreThoseOfScaledImages(tables, run, data);
                }
            }
            for (EpochMetricRow epoch : tables.allRows(EpochMetricRow.class)) {
                assertTrue(Double.isFinite(epoch.getTrainLoss()) && Double.isFinite(epoch.getTestLoss())
                        && Double.isFinite(epoch.getDenoisingTestLoss()), epoch.toString());
            }
            assertEquals(6 * TEST_SAMPLES, tables.allRows(LatentCodeRow.class).size());

            Map<String, BiasVarianceRow> curves = tables.allRows(BiasVarianceRow.class).stream()
                    .collect(Collectors.toMap(row -> row.getArchitecture().toString(), row -> row));
            assertEquals(SCALING_OF.keySet(), curves.keySet());
            for (String symmetric : List.of("symmetric", "symmetric-averaged")) {
                BiasVarianceRow curve = curves.get(symmetric);
                assertNotNull(curve.getRisk(), curve.toString());
                // Squared error of clean reconstructions in [-1, 1]: what an MSE run's test loss is.
                assertEquals(curve.getTestLossMean(), curve.getRisk(), 1e-4 * curve.getRisk(), curve.toString());
            }
        }
        try (Stream<Path> files = Files.list(Path.of(out, "reports", "sweep_id=" + SWEEP))) {
            List<String> names = files.map(file -> file.getFileName().toString()).toList();
            assertTrue(names.contains("index.html") && names.contains("reconstructions_code=8.png"), names.toString());
            assertTrue(names.contains("class-means_mnist_symmetric_noise=gaussian_0.2_code=8.png"), names.toString());
        }
    }

    /**
     * The run's final test loss is 4x the [0, 1] MSE of its network's reconstructions of the clean
     * test set, and its latent codes are the codes of the scaled test images.
     */
    private static void checkLossAndCodesAreThoseOfScaledImages(SweepTables tables, RunRow run, String data)
            throws Exception {
        SavedRun saved = SavedRun.load(tables, run.getRunId());
        LabeledImages test = ExecutorDataCache.get(data, saved.config(), InputScaling.UNIT, new Configuration()).test();
        INDArray clean = TrainingArrays.toMatrix(test);
        double unitMse = saved.reconstructedImages(clean).castTo(DataType.DOUBLE)
                .squaredDistance(clean.castTo(DataType.DOUBLE)) / clean.length();
        assertEquals(4 * unitMse, run.getFinalTestLoss(), 1e-4 * run.getFinalTestLoss(), run.getArchitecture());

        INDArray codes = saved.model().encode(PixelScaling.scale(clean, InputScaling.SYMMETRIC));
        Map<Integer, Integer> rowOfSample = new HashMap<>();
        for (int i = 0; i < test.count(); i++) {
            rowOfSample.put(test.sourceIndex(i), i);
        }
        List<LatentCodeRow> rows = tables.rows(LatentCodeRow.class, run.getRunId());
        assertEquals(TEST_SAMPLES, rows.size());
        for (LatentCodeRow row : rows) {
            float[] expected = codes.getRow(rowOfSample.get(row.getSampleIndex())).toFloatVector();
            for (int unit = 0; unit < expected.length; unit++) {
                assertEquals(expected[unit], row.getCode().get(unit), 1e-4 * (1 + Math.abs(expected[unit])),
                        run.getArchitecture() + " sample " + row.getSampleIndex());
            }
        }
    }
}
