package org.aesweep.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

import org.aesweep.analysis.DecompositionKind;
import org.aesweep.analysis.PcaBaseline;
import org.aesweep.tables.avro.BiasVarianceRow;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.knowm.xchart.AnnotationLine;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Draws the curves against code size: per dataset x architecture x noise, train and test loss with
 * error bars of one standard deviation over replicates, and the decomposition of the test
 * reconstructions' risk in the curve's loss (risk = bias² + variance in squared error, risk =
 * noise + bias + variance in BCE); for crossed replicate designs, the variance's split into its
 * data and initialisation parts; and overviews of test loss and of variance with every curve in one
 * chart. Risk, bias and variance and the variance's parts carry shaded confidence bands where the
 * rows have intervals (see {@link BandedLines}). Every loss chart carries the dataset's PCA baseline
 * in the curve's loss (see {@link PcaBaseline}) in black, dashed in MSE and dotted in BCE. Code
 * sizes sit on a log2 axis (see {@link ChartAxes}).
 */
public final class LossCurvePlotter {
    private static final int WIDTH = 800;
    private static final int HEIGHT = 520;
    private static final int LEGEND_LINE = 20;
    static final String OVERVIEW_MISSING = "points without a band have no interval (the curve's decomposition chart"
            + " says why)";

    private LossCurvePlotter() {
    }

    /**
     * The PNGs written: overviews across curves, the per-curve loss and decomposition plots, and the
     * variance splits of the curves with a crossed replicate design.
     */
    public record Plots(List<Path> overviews, List<Path> curves, List<Path> varianceSplits) {
        public List<Path> all() {
            List<Path> all = new ArrayList<>(overviews);
            all.addAll(curves);
            all.addAll(varianceSplits);
            return all;
        }
    }

    /**
     * Writes the plots into {@code reportDir}.
     *
     * @param baselines PCA baselines by dataset; a dataset without one gets no baseline series
     * @param losses    the loss each curve's runs trained on ("bce" or "mse"), which the loss axis shows
     */
    public static Plots plot(List<BiasVarianceRow> rows, Map<String, PcaBaseline> baselines, Map<Curve, String> losses,
                             Path reportDir, Configuration conf) throws IOException {
        List<Path> overviews = new ArrayList<>();
        List<Path> written = new ArrayList<>();
        List<Path> splits = new ArrayList<>();
        Map<Curve, List<BiasVarianceRow>> curves = byCurve(rows);
        Map<DatasetLoss, TreeSet<Integer>> overviewBaselines = overviewBaselines(curves, losses);
        // Curves may train on different losses: each says which.
        Function<Curve, String> titleAndLoss =
                curve -> curve.title() + (losses.containsKey(curve) ? " (" + losses.get(curve) + ")" : "");
        XYChart testLoss = overview("test loss against code size", "test loss (per-element mean)", curves,
                Estimate.TEST_LOSS, overviewBaselines.size(), titleAndLoss);
        overviewBaselines.forEach((datasetLoss, sizes) -> addBaseline(testLoss, baselines.get(datasetLoss.dataset()),
                datasetLoss.loss(), sizes.stream().mapToInt(Integer::intValue).toArray(),
                "PCA " + datasetLoss.dataset()));
        overviews.add(ChartFiles.write(testLoss, new Path(reportDir, "overview_test-loss.png"), conf));
        // A sweep without two replicates of any grid point has no variance to draw: no empty chart.
        if (rows.stream().anyMatch(row -> row.getVariance() != null)) {
            overviews.add(ChartFiles.write(overview("variance over replicates against code size",
                    "variance (per element: squared error for mse, KL for bce)",
                    curves, Estimate.VARIANCE, 0, titleAndLoss),
                    new Path(reportDir, "overview_variance.png"), conf));
        }
        for (Map.Entry<Curve, List<BiasVarianceRow>> curve : curves.entrySet()) {
            Curve key = curve.getKey();
            PcaBaseline baseline = baselines.get(key.dataset());
            String name = key.fileName();
            written.add(ChartFiles.write(lossChart(key, curve.getValue(), baseline, losses.get(key)),
                    new Path(reportDir, "loss-vs-code-size_" + name + ".png"), conf));
            List<BiasVarianceRow> decomposed = curve.getValue().stream().filter(row -> row.getRisk() != null).toList();
            if (!decomposed.isEmpty()) {
                written.add(ChartFiles.write(decompositionChart(key, decomposed, baseline),
                        new Path(reportDir, "bias-variance_" + name + ".png"), conf));
            }
            List<BiasVarianceRow> split = curve.getValue().stream()
                    .filter(row -> row.getVarianceData() != null && row.getVarianceInit() != null).toList();
            if (!split.isEmpty()) {
                splits.add(ChartFiles.write(varianceSplitChart(key, split),
                        new Path(reportDir, "variance-split_" + name + ".png"), conf));
            }
        }
        return new Plots(overviews, written, splits);
    }

    /**
     * One line per curve, skipping points without a value, with its bands where the rows carry
     * intervals, and room in the legend for {@code more}.
     */
    static XYChart overview(String title, String yTitle, Map<Curve, List<BiasVarianceRow>> curves,
                           Estimate estimate, int more, Function<Curve, String> name) {
        List<BandedLines.Line> lines = curves.entrySet().stream()
                .map(curve -> new BandedLines.Line(name.apply(curve.getKey()), curve.getValue(), estimate, null))
                .toList();
        boolean missing = curves.values().stream().flatMap(List::stream)
                .anyMatch(row -> IntervalTexts.lacksAnInterval(row, List.of(estimate)));
        XYChart chart = axes(title, yTitle, BandedLines.legendEntries(lines) + (missing ? 1 : 0) + more);
        BandedLines.draw(chart, lines);
        if (missing) {
            BandedLines.note(chart, OVERVIEW_MISSING);
        }
        return chart;
    }

    /** Each dataset with each loss its curves trained on, and the code sizes of those curves. */
    private static Map<DatasetLoss, TreeSet<Integer>> overviewBaselines(Map<Curve, List<BiasVarianceRow>> curves,
                                                                        Map<Curve, String> losses) {
        Map<DatasetLoss, TreeSet<Integer>> codeSizes = new LinkedHashMap<>();
        curves.forEach((curve, points) -> codeSizes.computeIfAbsent(new DatasetLoss(curve.dataset(), losses.get(curve)),
                ignored -> new TreeSet<>()).addAll(points.stream().map(BiasVarianceRow::getCodeSize).toList()));
        return codeSizes;
    }

    private record DatasetLoss(String dataset, String loss) {
    }

    /**
     * A black series of the baseline in {@code loss} at {@code codeSizes} (dashed for MSE, dotted for
     * BCE), labelled with what it is; nothing when there is no baseline or the loss has none.
     */
    private static void addBaseline(XYChart chart, PcaBaseline baseline, String loss, int[] codeSizes, String name) {
        if (baseline == null || !("mse".equals(loss) || "bce".equals(loss))) {
            return;
        }
        List<PcaBaseline.Point> points = new ArrayList<>();
        for (int codeSize : codeSizes) {
            baseline.at(codeSize).ifPresent(points::add);
        }
        if (points.isEmpty()) {
            return;
        }
        boolean bce = loss.equals("bce");
        String label = name + (bce ? ", BCE of its reconstruction clipped to [1e-7, 1-1e-7]" : ", MSE") + " (fit on "
                + baseline.fitImages() + " training images)";
        ToDoubleFunction<PcaBaseline.Point> value = bce ? PcaBaseline.Point::clippedBce : PcaBaseline.Point::mse;
        XYSeries series = chart.addSeries(label,
                points.stream().mapToDouble(point -> ChartAxes.codeSizePosition(point.codeSize())).toArray(),
                points.stream().mapToDouble(value).toArray());
        series.setMarker(SeriesMarkers.NONE);
        // Dashes for MSE, dots for BCE: an overview may hold both.
        series.setLineStyle(bce ? SeriesLines.DOT_DOT : SeriesLines.DASH_DASH);
        series.setLineColor(Color.BLACK);
    }

    /**
     * Risk and its parts of a curve's grid points in the decomposition they hold, with their
     * confidence bands where the rows carry intervals, and the baseline in that decomposition's
     * loss: risk, bias² and variance in squared error, or risk, noise, bias and variance in BCE.
     */
    static XYChart decompositionChart(Curve curve, List<BiasVarianceRow> points, PcaBaseline baseline) {
        boolean bce = bernoulli(points);
        List<BandedLines.Line> lines = new ArrayList<>();
        lines.add(new BandedLines.Line("risk", points, Estimate.RISK, SeriesMarkers.CIRCLE));
        if (bce) {
            lines.add(new BandedLines.Line("noise (entropy of the test images)", points, Estimate.NOISE,
                    SeriesMarkers.TRIANGLE_UP));
        }
        lines.add(new BandedLines.Line(bce ? "bias (KL from the images to the central prediction)" : "bias²", points,
                Estimate.BIAS, SeriesMarkers.SQUARE));
        lines.add(new BandedLines.Line(bce ? "variance (mean KL from the central prediction to each replicate)"
                : "variance", points, Estimate.VARIANCE, SeriesMarkers.DIAMOND));
        XYChart chart = bandedChart(curve.title() + (bce ? ": BCE risk = noise + bias + variance"
                : ": risk = bias² + variance"), bce ? "per-element BCE (nats)" : "per-element squared error",
                lines, 1);
        addBaseline(chart, baseline, bce ? "bce" : "mse", codeSizes(points), "PCA baseline");
        return chart;
    }

    /**
     * The variance of a crossed design's grid points and its two parts by the law of total variance
     * (Neal et al. 2018), with their confidence bands: from the training data, and from
     * initialisation and minibatch order. The parts are unbiased estimates and may dip below 0, so a
     * grey line marks 0 when anything drawn is negative.
     *
     * @param points grid points that carry the split
     */
    static XYChart varianceSplitChart(Curve curve, List<BiasVarianceRow> points) {
        List<BandedLines.Line> lines = List.of(
                new BandedLines.Line("variance (total)", points, Estimate.VARIANCE, SeriesMarkers.DIAMOND),
                new BandedLines.Line("from the training data (variance_data)", points, Estimate.VARIANCE_DATA,
                        SeriesMarkers.SQUARE),
                new BandedLines.Line("from initialisation and minibatch order (variance_init)", points,
                        Estimate.VARIANCE_INIT, SeriesMarkers.TRIANGLE_UP));
        XYChart chart = bandedChart(curve.title() + ": variance = data part + initialisation part",
                bernoulli(points) ? "per-element KL (nats)" : "per-element squared error", lines, 0);
        if (chart.getSeriesMap().values().stream().flatMapToDouble(series -> Arrays.stream(series.getYData()))
                .anyMatch(value -> value < 0)) {
            AnnotationLine zero = new AnnotationLine(0, false, false);
            chart.getStyler().setAnnotationLineColor(Color.GRAY);
            chart.getStyler().setAnnotationLineStroke(new BasicStroke(1f));
            chart.addAnnotation(zero);
        }
        return chart;
    }

    /**
     * A chart of lines that share their points, with their bands, and a legend entry per reason
     * for the points without an interval, with room for {@code more} legend entries.
     */
    private static XYChart bandedChart(String title, String yTitle, List<BandedLines.Line> lines, int more) {
        List<String> missing = IntervalTexts.missing(lines.get(0).points(),
                lines.stream().map(BandedLines.Line::estimate).toList());
        XYChart chart = axes(title, yTitle, BandedLines.legendEntries(lines) + missing.size() + more);
        BandedLines.draw(chart, lines);
        missing.forEach(note -> BandedLines.note(chart, note));
        return chart;
    }

    private static boolean bernoulli(List<BiasVarianceRow> points) {
        return DecompositionKind.BERNOULLI_KL.tableName().equals(points.get(0).getDecomposition());
    }

    /** Axes with room below the plot for {@code legendEntries} lines of legend. */
    private static XYChart axes(String title, String yTitle, int legendEntries) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT + LEGEND_LINE * legendEntries).title(title)
                .xAxisTitle("code size (log scale)").yAxisTitle(yTitle).build();
        ChartAxes.codeSizeAxis(chart);
        // Below the plot, one entry a line: long curve names never cover the lines.
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setLegendLayout(Styler.LegendLayout.Vertical);
        return chart;
    }

    private static Map<Curve, List<BiasVarianceRow>> byCurve(List<BiasVarianceRow> rows) {
        Map<Curve, List<BiasVarianceRow>> curves = new LinkedHashMap<>();
        for (BiasVarianceRow row : rows) {
            curves.computeIfAbsent(Curve.of(row), ignored -> new ArrayList<>()).add(row);
        }
        curves.values().forEach(points -> points.sort((a, b) -> Integer.compare(a.getCodeSize(), b.getCodeSize())));
        return curves;
    }

    /** Train and test loss of a curve's grid points, and the baseline in the loss they trained on. */
    static XYChart lossChart(Curve curve, List<BiasVarianceRow> points, PcaBaseline baseline, String loss) {
        XYChart chart = axes(curve.title(), "loss (per-element mean)", 3);
        double[] codeSizes = positions(points);
        // Denoising runs train on corrupted inputs, so their train loss is not comparable with the test loss.
        chart.addSeries(curve.noisy() ? "train loss (noisy inputs)" : "train loss", codeSizes,
                points.stream().mapToDouble(BiasVarianceRow::getTrainLossMean).toArray(),
                points.stream().mapToDouble(row -> zeroIfNull(row.getTrainLossStd())).toArray())
                .setMarker(SeriesMarkers.CIRCLE);
        chart.addSeries("test loss", codeSizes,
                points.stream().mapToDouble(BiasVarianceRow::getTestLossMean).toArray(),
                points.stream().mapToDouble(row -> zeroIfNull(row.getTestLossStd())).toArray())
                .setMarker(SeriesMarkers.SQUARE);
        addBaseline(chart, baseline, loss, codeSizes(points), "PCA baseline");
        return chart;
    }

    private static double[] positions(List<BiasVarianceRow> points) {
        return points.stream().mapToDouble(row -> ChartAxes.codeSizePosition(row.getCodeSize())).toArray();
    }

    private static int[] codeSizes(List<BiasVarianceRow> points) {
        return points.stream().mapToInt(BiasVarianceRow::getCodeSize).toArray();
    }

    private static double zeroIfNull(Double value) {
        return value == null ? 0.0 : value;
    }
}
