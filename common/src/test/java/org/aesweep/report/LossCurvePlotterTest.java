package org.aesweep.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
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

    /** The row with 95% intervals of risk, bias and variance from 0.9 to 1.2 times their values. */
    private static BiasVarianceRow withIntervals(BiasVarianceRow row) {
        return BiasVarianceRow.newBuilder(row).setReplicates(8).setBias(row.getBiasSquared())
                .setIntervalMethod("percentile_bootstrap").setIntervalLevel(0.95).setBootstrapDraws(1000)
                .setBootstrapSeed(7L).setIntervalNote("resampled test images and replicates")
                .setRiskLow(row.getRisk() * 0.9).setRiskHigh(row.getRisk() * 1.2)
                .setBiasLow(row.getBiasSquared() * 0.9).setBiasHigh(row.getBiasSquared() * 1.2)
                .setVarianceLow(row.getVariance() * 0.9).setVarianceHigh(row.getVariance() * 1.2).build();
    }

    /** The row of a group too small for intervals, as the aggregation writes it. */
    private static BiasVarianceRow tooFewForIntervals(BiasVarianceRow row) {
        return BiasVarianceRow.newBuilder(row).setIntervalMethod("none")
                .setIntervalNote("2 replicates: intervals need at least 3").build();
    }

    /** Code sizes 2 and 4 without intervals, 8, 16 and 32 with. */
    private static List<BiasVarianceRow> partlyIntervals(Curve curve) {
        return List.of(tooFewForIntervals(row(curve, 2, 0.06)), tooFewForIntervals(row(curve, 4, 0.05)),
                withIntervals(row(curve, 8, 0.04)), withIntervals(row(curve, 16, 0.035)),
                withIntervals(row(curve, 32, 0.03)));
    }

    /** A crossed group's row: variance 0.004 split as data + init, each with an interval. */
    private static BiasVarianceRow crossed(BiasVarianceRow row, double varianceData) {
        double variance = row.getVariance();
        return BiasVarianceRow.newBuilder(withIntervals(row)).setReplicateSplit("crossed")
                .setVarianceData(varianceData).setVarianceInit(variance - varianceData)
                .setVarianceDataLow(varianceData - 0.001).setVarianceDataHigh(varianceData + 0.001)
                .setVarianceInitLow(variance - varianceData - 0.001)
                .setVarianceInitHigh(variance - varianceData + 0.002).build();
    }

    private static List<String> names(XYChart chart) {
        return List.copyOf(chart.getSeriesMap().keySet());
    }

    /** The x positions a band covers, without the NaN between its runs. */
    private static double[] covered(XYSeries band) {
        return Arrays.stream(band.getXData()).filter(x -> !Double.isNaN(x)).distinct().sorted().toArray();
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
    void risksBiasAndVarianceGetBandsExactlyWhereTheRowsCarryIntervals() {
        List<BiasVarianceRow> points = partlyIntervals(NOISY);

        XYChart chart = LossCurvePlotter.decompositionChart(NOISY, points, BASELINE);

        for (String line : List.of("risk", "bias²", "variance")) {
            XYSeries band = chart.getSeriesMap().get(line + BandedLines.BAND_SUFFIX);
            assertEquals(XYSeries.XYSeriesRenderStyle.PolygonArea, band.getXYSeriesRenderStyle(), line);
            assertFalse(band.isShowInLegend(), line);
            // Code sizes 8, 16 and 32 only: none at 2 or 4, whose groups have no interval.
            assertArrayEquals(new double[] {3, 4, 5}, covered(band), 1e-12, line);
            // Every band holds its line at the code sizes it covers.
            double[] values = chart.getSeriesMap().get(line).getYData();
            for (int i = 2; i < points.size(); i++) {
                assertTrue(lowest(band, i - 2 + 3) <= values[i] && values[i] <= highest(band, i - 2 + 3), line);
            }
        }
        XYSeries risk = chart.getSeriesMap().get("risk" + BandedLines.BAND_SUFFIX);
        double[] expected = {0.04 * 0.9, 0.035 * 0.9, 0.03 * 0.9, 0.03 * 1.2, 0.035 * 1.2, 0.04 * 1.2, 0.04 * 0.9};
        assertArrayEquals(expected, risk.getYData(), 1e-15, "lows forward, highs back, closed at the start");
        assertArrayEquals(new double[] {3, 4, 5, 5, 4, 3, 3}, risk.getXData(), 1e-12);
        assertTrue(names(chart).contains("bands: 95% percentile bootstrap, 1000 draws"), names(chart).toString());
    }

    private static double lowest(XYSeries band, double position) {
        return valuesAt(band, position).min().orElseThrow();
    }

    private static double highest(XYSeries band, double position) {
        return valuesAt(band, position).max().orElseThrow();
    }

    private static java.util.stream.DoubleStream valuesAt(XYSeries band, double position) {
        double[] x = band.getXData();
        double[] y = band.getYData();
        return java.util.stream.IntStream.range(0, x.length).filter(i -> Math.abs(x[i] - position) < 1e-12)
                .mapToDouble(i -> y[i]);
    }

    @Test
    void theLegendNamesTheCodeSizesWithoutAnIntervalAndWhy() {
        List<BiasVarianceRow> points = new java.util.ArrayList<>(partlyIntervals(NOISY));
        points.add(BiasVarianceRow.newBuilder(tooFewForIntervals(row(NOISY, 64, 0.02)))
                .setIntervalNote("1 replicate left after failures").build());

        List<String> names = names(LossCurvePlotter.decompositionChart(NOISY, points, BASELINE));

        assertTrue(names.contains("no interval at code size 2, 4: 2 replicates: intervals need at least 3"),
                names.toString());
        assertTrue(names.contains("no interval at code size 64: 1 replicate left after failures"), names.toString());
        assertEquals(2, names.stream().filter(name -> name.startsWith("no interval")).count());
    }

    @Test
    void aPointWithoutAnIntervalBreaksTheBandAndALonePointGetsACappedStroke() {
        List<BiasVarianceRow> points = List.of(withIntervals(row(NOISY, 2, 0.06)), withIntervals(row(NOISY, 4, 0.05)),
                tooFewForIntervals(row(NOISY, 8, 0.04)), withIntervals(row(NOISY, 16, 0.035)),
                tooFewForIntervals(row(NOISY, 32, 0.03)));

        XYSeries band = LossCurvePlotter.decompositionChart(NOISY, points, BASELINE).getSeriesMap()
                .get("risk" + BandedLines.BAND_SUFFIX);

        assertEquals(1, Arrays.stream(band.getYData()).filter(Double::isNaN).count(), "two runs");
        double[] lone = Arrays.copyOfRange(band.getXData(), 6, band.getXData().length);
        assertTrue(Arrays.stream(lone).allMatch(x -> Math.abs(x - 4) < 0.1), Arrays.toString(lone));
        assertEquals(0.035 * 0.9, lowest(band, 4), 1e-15);
        assertEquals(0.035 * 1.2, highest(band, 4), 1e-15);
        assertFalse(Arrays.stream(band.getXData()).anyMatch(x -> Math.abs(x - 3) < 0.1 || Math.abs(x - 5) < 0.1),
                "no band at 8 or 32");
    }

    @Test
    void eachBandTakesItsLinesColourTranslucentAndTheLinesKeepTheThemesColours() {
        XYChart chart = LossCurvePlotter.decompositionChart(NOISY, partlyIntervals(NOISY), BASELINE);
        java.awt.Color[] theme = chart.getStyler().getSeriesColors();
        List<String> lines = List.of("risk", "bias²", "variance");
        for (int n = 0; n < lines.size(); n++) {
            java.awt.Color line = chart.getSeriesMap().get(lines.get(n)).getLineColor();
            java.awt.Color fill = chart.getSeriesMap().get(lines.get(n) + BandedLines.BAND_SUFFIX).getFillColor();
            assertEquals(theme[n], line);
            assertEquals(List.of(line.getRed(), line.getGreen(), line.getBlue()),
                    List.of(fill.getRed(), fill.getGreen(), fill.getBlue()));
            assertTrue(fill.getAlpha() < line.getAlpha() / 2, "translucent");
        }
    }

    @Test
    void rowsWrittenBeforeIntervalsExistedDrawAsBefore() {
        XYChart chart = LossCurvePlotter.decompositionChart(NOISY, points(NOISY), BASELINE);
        assertEquals(List.of("risk", "bias²", "variance", "PCA baseline, MSE (fit on 2500 training images)"),
                names(chart));
        XYChart withIntervals = LossCurvePlotter.decompositionChart(NOISY,
                points(NOISY).stream().map(LossCurvePlotterTest::withIntervals).toList(), BASELINE);
        assertTrue(chart.getHeight() < withIntervals.getHeight(), "no room taken for a bands entry");
    }

    @Test
    void theVarianceSplitDrawsTheTotalAndBothPartsWithTheirBands() {
        List<BiasVarianceRow> points = List.of(crossed(row(NOISY, 2, 0.06), -0.0005),
                crossed(row(NOISY, 8, 0.04), 0.001), crossed(row(NOISY, 32, 0.03), 0.002));

        XYChart chart = LossCurvePlotter.varianceSplitChart(NOISY, points);

        assertEquals(List.of("variance (total)", "from the training data (variance_data)",
                "from initialisation and minibatch order (variance_init)"), names(chart).stream()
                .filter(name -> !name.endsWith(BandedLines.BAND_SUFFIX)).limit(3).toList());
        XYSeries data = chart.getSeriesMap().get("from the training data (variance_data)");
        XYSeries init = chart.getSeriesMap().get("from initialisation and minibatch order (variance_init)");
        XYSeries total = chart.getSeriesMap().get("variance (total)");
        for (int i = 0; i < points.size(); i++) {
            assertEquals(total.getYData()[i], data.getYData()[i] + init.getYData()[i], 1e-15, "parts add up");
        }
        assertEquals(-0.0015, lowest(chart.getSeriesMap().get(data.getName() + BandedLines.BAND_SUFFIX), 1), 1e-15);
        assertArrayEquals(new double[] {1, 3, 5},
                covered(chart.getSeriesMap().get(init.getName() + BandedLines.BAND_SUFFIX)), 1e-12);
    }

    @Test
    void theVarianceOverviewHasBandsForTheCurvesWithIntervalsAndSaysSomePointsHaveNone() {
        Map<Curve, List<BiasVarianceRow>> curves = new java.util.LinkedHashMap<>();
        curves.put(CLEAN, points(CLEAN));
        curves.put(NOISY, partlyIntervals(NOISY));

        XYChart chart = LossCurvePlotter.overview("variance", "variance", curves, Estimate.VARIANCE, 0,
                Curve::title);

        assertFalse(chart.getSeriesMap().containsKey(CLEAN.title() + BandedLines.BAND_SUFFIX));
        assertArrayEquals(new double[] {3, 4, 5},
                covered(chart.getSeriesMap().get(NOISY.title() + BandedLines.BAND_SUFFIX)), 1e-12);
        assertTrue(names(chart).contains(LossCurvePlotter.OVERVIEW_MISSING), names(chart).toString());
        // A curve's line keeps the theme's colour of its place, bands or not.
        assertEquals(chart.getStyler().getSeriesColors()[1], chart.getSeriesMap().get(NOISY.title()).getLineColor());
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
        assertEquals(List.of(), plots.varianceSplits(), "no crossed design, no split");
        for (org.apache.hadoop.fs.Path png : plots.all()) {
            assertTrue(javax.imageio.ImageIO.read(work.resolve(png.getName()).toFile()).getWidth() > 0, png.getName());
        }
    }

    @Test
    void onlyTheCurvesWithAVarianceSplitGetTheSplitChart() throws Exception {
        List<BiasVarianceRow> rows = new java.util.ArrayList<>(points(CLEAN));
        rows.addAll(points(NOISY).stream().map(row -> crossed(row, 0.001)).toList());
        LossCurvePlotter.Plots plots = LossCurvePlotter.plot(rows, Map.of("fashion-mnist", BASELINE),
                Map.of(CLEAN, "mse", NOISY, "mse"), new org.apache.hadoop.fs.Path(work.toString()),
                new Configuration());
        assertEquals(List.of("variance-split_fashion-mnist_shallow_noise=gaussian_0.3.png"),
                plots.varianceSplits().stream().map(org.apache.hadoop.fs.Path::getName).toList());
        assertTrue(plots.all().containsAll(plots.varianceSplits()));
        assertTrue(javax.imageio.ImageIO.read(work.resolve(plots.varianceSplits().get(0).getName()).toFile())
                .getWidth() > 0);
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
