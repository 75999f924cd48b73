package org.aesweep.analysis;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.aesweep.io.avro.BiasVarianceRow;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Draws train and test loss against code size, one PNG per dataset x architecture x noise, with
 * error bars of one standard deviation over replicates. Code sizes span orders of magnitude, so
 * the x axis is logarithmic.
 */
public final class LossCurvePlotter {
    private static final int WIDTH = 800;
    private static final int HEIGHT = 560;

    private LossCurvePlotter() {
    }

    /** Writes the plots into {@code reportDir} and returns their paths. */
    public static List<Path> plot(List<BiasVarianceRow> rows, Path reportDir, Configuration conf) throws IOException {
        List<Path> written = new ArrayList<>();
        for (Map.Entry<String, List<BiasVarianceRow>> curve : byCurve(rows).entrySet()) {
            XYChart chart = chart(curve.getKey(), curve.getValue());
            Path file = new Path(reportDir, "loss-vs-code-size_" + fileSafe(curve.getKey()) + ".png");
            try (OutputStream out = file.getFileSystem(conf).create(file, true)) {
                out.write(BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG));
            }
            written.add(file);
        }
        return written;
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
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .xAxisTitle("code size").yAxisTitle("loss (per-element mean)").build();
        chart.getStyler().setXAxisLogarithmic(points.size() > 1);
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNE);
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

    private static String fileSafe(String title) {
        return title.replaceAll("[^A-Za-z0-9.=-]+", "_");
    }
}
