package org.aesweep.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.aesweep.analysis.PcaBaseline;
import org.aesweep.tables.avro.BiasVarianceRow;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

class LossCurvePlotterTest {
    private static final Curve CLEAN = new Curve("fashion-mnist", "linear", "none", 0.0, 0.0);
    private static final Curve NOISY = new Curve("fashion-mnist", "shallow", "gaussian", 0.3, 0.0);
    private static final PcaBaseline BASELINE = new PcaBaseline(2500, List.of(new PcaBaseline.Point(2, 0.05, 0.40),
            new PcaBaseline.Point(8, 0.03, 0.33), new PcaBaseline.Point(32, 0.02, 0.30)));

    @TempDir
    Path work;

    private static BiasVarianceRow row(Curve curve, int codeSize, double testLoss) {
        return BiasVarianceRow.newBuilder().setDataset(curve.dataset()).setArchitecture(curve.architecture())
                .setNoiseKind(curve.noiseKind()).setNoiseLevel(curve.noiseLevel()).setCodeSize(codeSize)
                .setReplicates(2).setTrainLossMean(testLoss + 0.01).setTrainLossStd(0.001).setTestLossMean(testLoss)
                .setTestLossStd(0.002).setFullTrainLossMean(testLoss).setRisk(testLoss).setBiasSquared(testLoss * 0.9)
                .setVariance(testLoss * 0.1).build();
    }

    private static List<BiasVarianceRow> points(Curve curve) {
        return List.of(row(curve, 2, 0.06), row(curve, 8, 0.04), row(curve, 32, 0.03));
    }

    private static XYSeries baselineSeries(XYChart chart) {
        return chart.getSeriesMap().entrySet().stream().filter(entry -> entry.getKey().startsWith("PCA"))
                .findFirst().orElseThrow().getValue();
    }

    @Test
    void codeSizesSitAtTheirLogarithmAndTheLossChartCarriesTheBaselineInTheCurvesLoss() {
        XYChart mse = LossCurvePlotter.lossChart(CLEAN, points(CLEAN), BASELINE, "mse");
        assertArrayEquals(new double[] {1, 3, 5}, mse.getSeriesMap().get("test loss").getXData(), 1e-12);
        assertArrayEquals(new double[] {0.05, 0.03, 0.02}, baselineSeries(mse).getYData(), 0.0);
        assertTrue(mse.getSeriesMap().containsKey("PCA baseline, MSE (fit on 2500 training images)"),
                mse.getSeriesMap().keySet().toString());

        XYChart bce = LossCurvePlotter.lossChart(CLEAN, points(CLEAN), BASELINE, "bce");
        assertArrayEquals(new double[] {0.40, 0.33, 0.30}, baselineSeries(bce).getYData(), 0.0);
        assertTrue(bce.getSeriesMap().keySet().stream()
                .anyMatch(name -> name.contains("BCE") && name.contains("clipped to [1e-7, 1-1e-7]")));
    }

    @Test
    void theBaselineShowsOnlyTheCurvesCodeSizes() {
        XYChart chart = LossCurvePlotter.lossChart(CLEAN, List.of(row(CLEAN, 8, 0.04)), BASELINE, "mse");
        assertArrayEquals(new double[] {3}, baselineSeries(chart).getXData(), 1e-12);
    }

    @Test
    void withoutABaselineOrAKnownLossTheChartHasTheLossesAlone() {
        assertEquals(2, LossCurvePlotter.lossChart(CLEAN, points(CLEAN), null, "mse").getSeriesMap().size());
        assertEquals(2, LossCurvePlotter.lossChart(CLEAN, points(CLEAN), BASELINE, null).getSeriesMap().size());
    }

    @Test
    void aSquaredErrorDecompositionComparesWithTheBaselinesSquaredError() {
        XYChart chart = LossCurvePlotter.decompositionChart(NOISY, points(NOISY), BASELINE);
        assertEquals(List.of("risk", "bias²", "variance"), chart.getSeriesMap().keySet().stream().limit(3).toList());
        assertArrayEquals(new double[] {0.05, 0.03, 0.02}, baselineSeries(chart).getYData(), 0.0);
    }

    @Test
    void aBernoulliDecompositionShowsItsNoiseAndKlPartsBesideTheBaselinesBce() {
        List<BiasVarianceRow> points = points(NOISY).stream().map(row -> BiasVarianceRow.newBuilder(row)
                .setDecomposition("bernoulli_kl").setNoise(0.2).setBias(row.getRisk() - 0.25)
                .setBiasSquared(null).setVariance(0.05).build()).toList();

        XYChart chart = LossCurvePlotter.decompositionChart(NOISY, points, BASELINE);

        assertTrue(chart.getTitle().endsWith("BCE risk = noise + bias + variance"), chart.getTitle());
        assertEquals(List.of("risk", "noise (entropy of the test images)",
                        "bias (KL from the images to the central prediction)",
                        "variance (mean KL from the central prediction to each replicate)"),
                chart.getSeriesMap().keySet().stream().limit(4).toList());
        assertArrayEquals(new double[] {0.06 - 0.25, 0.04 - 0.25, 0.03 - 0.25},
                chart.getSeriesMap().get("bias (KL from the images to the central prediction)").getYData(), 1e-15);
        assertArrayEquals(new double[] {0.40, 0.33, 0.30}, baselineSeries(chart).getYData(), 0.0);
    }

    @Test
    void aDenoisingCurveSaysItsTrainLossIsOnNoisyInputs() {
        XYChart chart = LossCurvePlotter.lossChart(NOISY, points(NOISY), BASELINE, "bce");
        assertTrue(chart.getSeriesMap().containsKey("train loss (noisy inputs)"),
                chart.getSeriesMap().keySet().toString());
    }

    @Test
    void writesTheOverviewsAndTwoPlotsPerCurve() throws Exception {
        List<BiasVarianceRow> rows = new java.util.ArrayList<>(points(CLEAN));
        rows.addAll(points(NOISY));
        LossCurvePlotter.Plots plots = LossCurvePlotter.plot(rows, Map.of("fashion-mnist", BASELINE),
                Map.of(CLEAN, "mse", NOISY, "bce"), new org.apache.hadoop.fs.Path(work.toString()),
                new Configuration());
        assertEquals(List.of("overview_test-loss.png", "overview_variance.png"),
                plots.overviews().stream().map(org.apache.hadoop.fs.Path::getName).toList());
        assertEquals(List.of("loss-vs-code-size_fashion-mnist_linear_noise=none_0.0.png",
                        "bias-variance_fashion-mnist_linear_noise=none_0.0.png",
                        "loss-vs-code-size_fashion-mnist_shallow_noise=gaussian_0.3.png",
                        "bias-variance_fashion-mnist_shallow_noise=gaussian_0.3.png"),
                plots.curves().stream().map(org.apache.hadoop.fs.Path::getName).toList());
        for (org.apache.hadoop.fs.Path png : plots.all()) {
            assertTrue(javax.imageio.ImageIO.read(work.resolve(png.getName()).toFile()).getWidth() > 0, png.getName());
        }
    }

    @Test
    void withoutReplicatesThereIsNoVarianceOverview() throws Exception {
        List<BiasVarianceRow> single = points(CLEAN).stream().map(row -> BiasVarianceRow.newBuilder(row).setReplicates(1)
                .setRisk(null).setBiasSquared(null).setVariance(null).build()).toList();
        LossCurvePlotter.Plots plots = LossCurvePlotter.plot(single, Map.of("fashion-mnist", BASELINE),
                Map.of(CLEAN, "mse"), new org.apache.hadoop.fs.Path(work.toString()), new Configuration());
        assertEquals(List.of("overview_test-loss.png"),
                plots.overviews().stream().map(org.apache.hadoop.fs.Path::getName).toList());
    }
}
