package org.aesweep.report;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.aesweep.tables.avro.BiasVarianceRow;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Draws the curves against code size: per dataset x architecture x noise, train and test loss with
 * error bars of one standard deviation over replicates, and the risk = bias² + variance
 * decomposition of the test reconstructions; and overviews of test loss and of variance with every
 * curve in one chart. Code sizes span orders of magnitude, so the x axis is logarithmic.
 */
public final class LossCurvePlotter {
    private static final int WIDTH = 800;
    private static final int HEIGHT = 560;

    private LossCurvePlotter() {
    }

    /** The PNGs written: overviews across curves, and the per-curve plots. */
    public record Plots(List<Path> overviews, List<Path> curves) {
        public List<Path> all() {
            List<Path> all = new ArrayList<>(overviews);
            all.addAll(curves);
            return all;
        }
    }

    /** Writes the plots into {@code reportDir}. */
    public static Plots plot(List<BiasVarianceRow> rows, Path reportDir, Configuration conf) throws IOException {
        List<Path> overviews = new ArrayList<>();
        List<Path> written = new ArrayList<>();
        Map<String, List<BiasVarianceRow>> curves = byCurve(rows);
        overviews.add(ChartFiles.write(overview("test loss against code size", "test loss (per-element mean)", curves,
                BiasVarianceRow::getTestLossMean), new Path(reportDir, "overview_test-loss.png"), conf));
        overviews.add(ChartFiles.write(overview("variance over replicates against code size",
                "variance (per-element squared error)",
                curves, BiasVarianceRow::getVariance), new Path(reportDir, "overview_variance.png"), conf));
        for (Map.Entry<String, List<BiasVarianceRow>> curve : curves.entrySet()) {
            String name = ChartFiles.fileSafe(curve.getKey());
            written.add(ChartFiles.write(chart(curve.getKey(), curve.getValue()),
                    new Path(reportDir, "loss-vs-code-size_" + name + ".png"), conf));
            List<BiasVarianceRow> decomposed = curve.getValue().stream().filter(row -> row.getRisk() != null).toList();
            if (!decomposed.isEmpty()) {
                written.add(ChartFiles.write(decomposition(curve.getKey(), decomposed),
                        new Path(reportDir, "bias-variance_" + name + ".png"), conf));
            }
        }
        return new Plots(overviews, written);
    }

    /** One series per curve, skipping points without a value. */
    private static XYChart overview(String title, String yTitle, Map<String, List<BiasVarianceRow>> curves,
                                    Function<BiasVarianceRow, Double> value) {
        XYChart chart = axes(title, yTitle, curves.values().stream().anyMatch(points -> points.size() > 1));
        for (Map.Entry<String, List<BiasVarianceRow>> curve : curves.entrySet()) {
            List<BiasVarianceRow> points = curve.getValue().stream().filter(row -> value.apply(row) != null).toList();
            if (!points.isEmpty()) {
                chart.addSeries(curve.getKey(), points.stream().mapToDouble(BiasVarianceRow::getCodeSize).toArray(),
                        points.stream().mapToDouble(value::apply).toArray());
            }
        }
        return chart;
    }

    private static XYChart decomposition(String title, List<BiasVarianceRow> points) {
        XYChart chart = axes(title + ": risk = bias² + variance", "per-element squared error", points.size() > 1);
        double[] codeSizes = points.stream().mapToDouble(BiasVarianceRow::getCodeSize).toArray();
        chart.addSeries("risk", codeSizes, points.stream().mapToDouble(BiasVarianceRow::getRisk).toArray())
                .setMarker(SeriesMarkers.CIRCLE);
        chart.addSeries("bias²", codeSizes, points.stream().mapToDouble(BiasVarianceRow::getBiasSquared).toArray())
                .setMarker(SeriesMarkers.SQUARE);
        chart.addSeries("variance", codeSizes, points.stream().mapToDouble(BiasVarianceRow::getVariance).toArray())
                .setMarker(SeriesMarkers.DIAMOND);
        return chart;
    }

    private static XYChart axes(String title, String yTitle, boolean logX) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .xAxisTitle("code size").yAxisTitle(yTitle).build();
        chart.getStyler().setXAxisLogarithmic(logX);
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNE);
        return chart;
    }

    private static Map<String, List<BiasVarianceRow>> byCurve(List<BiasVarianceRow> rows) {
        Map<String, List<BiasVarianceRow>> curves = new LinkedHashMap<>();
        for (BiasVarianceRow row : rows) {
            String title = String.format(Locale.ROOT, "%s %s noise=%s %s", row.getDataset(), row.getArchitecture(),
                    row.getNoiseKind(), row.getNoiseLevel())
                    + (row.getSparsityWeight() > 0 ? " l1=" + row.getSparsityWeight() : "");
            curves.computeIfAbsent(title, ignored -> new ArrayList<>()).add(row);
        }
        curves.values().forEach(points -> points.sort((a, b) -> Integer.compare(a.getCodeSize(), b.getCodeSize())));
        return curves;
    }

    private static XYChart chart(String title, List<BiasVarianceRow> points) {
        XYChart chart = axes(title, "loss (per-element mean)", points.size() > 1);
        double[] codeSizes = points.stream().mapToDouble(BiasVarianceRow::getCodeSize).toArray();
        chart.addSeries("train loss", codeSizes,
                points.stream().mapToDouble(BiasVarianceRow::getTrainLossMean).toArray(),
                points.stream().mapToDouble(row -> zeroIfNull(row.getTrainLossStd())).toArray())
                .setMarker(SeriesMarkers.CIRCLE);
        chart.addSeries("test loss", codeSizes,
                points.stream().mapToDouble(BiasVarianceRow::getTestLossMean).toArray(),
                points.stream().mapToDouble(row -> zeroIfNull(row.getTestLossStd())).toArray())
                .setMarker(SeriesMarkers.SQUARE);
        return chart;
    }

    private static double zeroIfNull(Double value) {
        return value == null ? 0.0 : value;
    }
}
