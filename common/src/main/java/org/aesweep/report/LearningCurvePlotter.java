package org.aesweep.report;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.awt.Color;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;

import org.aesweep.tables.SweepTables;
import org.aesweep.tables.Table;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Learning curves from the epoch_metrics table, so a reader sees whether the test loss had levelled
 * off when training stopped: per curve, one panel per code size (small multiples, all on the same
 * loss axis) with the train, validation (where the runs held a validation split out) and test loss
 * per epoch, each the mean over the replicates, and each replicate's test loss faint behind. One
 * panel per code size keeps three lines a panel however many code sizes the grid has; one chart
 * with a colour per code size would hold three lines per code size.
 */
final class LearningCurvePlotter {
    private static final int PANEL_WIDTH = 320;
    private static final int PANEL_HEIGHT = 250;
    private static final Color TRAIN = new Color(0x1f77b4);
    private static final Color VALIDATION = new Color(0x2ca02c);
    private static final Color TEST = new Color(0xd62728);
    private static final Color REPLICATE = new Color(0xd6, 0x27, 0x28, 70);

    private LearningCurvePlotter() {
    }

    /** One epoch of one finished run. */
    record Epoch(int codeSize, int replicate, int epoch, double trainLoss, Double validationLoss, double testLoss) {
    }

    /** Writes one PNG per curve into {@code reportDir}. */
    static List<Path> plot(SparkSession spark, SweepTables tables, Path reportDir) throws IOException {
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        List<Path> written = new ArrayList<>();
        for (Map.Entry<Curve, List<Epoch>> curve : read(spark, tables).entrySet()) {
            written.add(ChartGrid.write("learning curves: " + curve.getKey().title(),
                    keys(curve.getKey(), curve.getValue()), panels(curve.getKey(), curve.getValue()),
                    new Path(reportDir, "learning-curves_" + curve.getKey().fileName() + ".png"), conf));
        }
        return written;
    }

    /** The epochs of the sweep's finished runs, by curve in table order. */
    private static Map<Curve, List<Epoch>> read(SparkSession spark, SweepTables tables) {
        Dataset<Row> finished = tables.dataset(spark, Table.RUNS).where(col("status").equalTo("ok")).select("run_id");
        Dataset<Row> epochs = tables.dataset(spark, Table.EPOCH_METRICS);
        // Tables written before validation splits existed have no such column.
        Column validation = List.of(epochs.columns()).contains("validation_loss") ? col("validation_loss")
                : lit(null).cast("double");
        List<Row> rows = epochs.join(finished, "run_id")
                .select(col("dataset"), col("architecture"), col("noise_kind"), col("noise_level"),
                        col("sparsity_weight"), col("code_size"), col("replicate"), col("epoch"), col("train_loss"),
                        validation.as("validation_loss"), col("test_loss"))
                .orderBy("dataset", "architecture", "noise_kind", "noise_level", "sparsity_weight", "code_size",
                        "replicate", "epoch")
                .collectAsList();
        Map<Curve, List<Epoch>> curves = new LinkedHashMap<>();
        for (Row row : rows) {
            curves.computeIfAbsent(Curve.of(row), ignored -> new ArrayList<>()).add(new Epoch(row.getAs("code_size"),
                    row.getAs("replicate"), row.getAs("epoch"), row.getAs("train_loss"), row.getAs("validation_loss"),
                    row.getAs("test_loss")));
        }
        return curves;
    }

    /** The legend of the series the panels hold. */
    static List<ChartGrid.Key> keys(Curve curve, List<Epoch> epochs) {
        List<ChartGrid.Key> keys = new ArrayList<>(List.of(new ChartGrid.Key(trainName(curve), TRAIN),
                new ChartGrid.Key("test", TEST)));
        if (epochs.stream().anyMatch(epoch -> epoch.validationLoss() != null)) {
            keys.add(new ChartGrid.Key("validation", VALIDATION));
        }
        if (epochs.stream().anyMatch(epoch -> epoch.replicate() > 0)) {
            keys.add(new ChartGrid.Key("test, each replicate", REPLICATE));
        }
        return keys;
    }

    private static String trainName(Curve curve) {
        return curve.noisy() ? "train (noisy inputs)" : "train";
    }

    /** A panel per code size, in ascending order, all with the same loss range. */
    static List<XYChart> panels(Curve curve, List<Epoch> epochs) {
        SortedMap<Integer, List<Epoch>> byCodeSize = new TreeMap<>();
        epochs.forEach(epoch -> byCodeSize.computeIfAbsent(epoch.codeSize(), ignored -> new ArrayList<>()).add(epoch));
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (Epoch epoch : epochs) {
            for (Double loss : new Double[] {epoch.trainLoss(), epoch.validationLoss(), epoch.testLoss()}) {
                if (loss != null && Double.isFinite(loss)) {
                    low = Math.min(low, loss);
                    high = Math.max(high, loss);
                }
            }
        }
        double margin = Math.max(1e-9, (high - low) * 0.05);
        List<XYChart> panels = new ArrayList<>();
        for (Map.Entry<Integer, List<Epoch>> codeSize : byCodeSize.entrySet()) {
            XYChart panel = panel(curve, codeSize.getKey(), codeSize.getValue());
            panel.getStyler().setYAxisMin(low - margin).setYAxisMax(high + margin);
            panels.add(panel);
        }
        return panels;
    }

    private static XYChart panel(Curve curve, int codeSize, List<Epoch> epochs) {
        XYChart chart = new XYChartBuilder().width(PANEL_WIDTH).height(PANEL_HEIGHT).title("code size " + codeSize)
                .xAxisTitle("epoch").yAxisTitle("loss (per-element mean)").build();
        Styler styler = chart.getStyler();
        styler.setLegendVisible(false);
        styler.setChartBackgroundColor(Color.WHITE);
        chart.setCustomXAxisTickLabelsFormatter(ChartAxes::plain);
        ChartAxes.plainYTicks(chart);
        SortedMap<Integer, List<Epoch>> byReplicate = new TreeMap<>();
        epochs.forEach(epoch -> byReplicate.computeIfAbsent(epoch.replicate(), ignored -> new ArrayList<>())
                .add(epoch));
        if (byReplicate.size() > 1) {
            for (Map.Entry<Integer, List<Epoch>> replicate : byReplicate.entrySet()) {
                XYSeries faint = chart.addSeries("test, replicate " + replicate.getKey(),
                        replicate.getValue().stream().mapToDouble(Epoch::epoch).toArray(),
                        replicate.getValue().stream().mapToDouble(Epoch::testLoss).toArray());
                faint.setMarker(SeriesMarkers.NONE);
                faint.setLineColor(REPLICATE);
                faint.setShowInLegend(false);
            }
        }
        mean(chart, trainName(curve), epochs, Epoch::trainLoss, TRAIN);
        mean(chart, "test", epochs, Epoch::testLoss, TEST);
        // Last and dashed: the validation loss often lies on the test loss.
        mean(chart, "validation", epochs, Epoch::validationLoss, VALIDATION)
                .ifPresent(series -> series.setLineStyle(SeriesLines.DASH_DASH));
        return chart;
    }

    /** The mean over replicates at each epoch that has values; no series when none has. */
    private static Optional<XYSeries> mean(XYChart chart, String name, List<Epoch> epochs,
                             Function<Epoch, Double> loss, Color color) {
        SortedMap<Integer, double[]> sums = new TreeMap<>();
        for (Epoch epoch : epochs) {
            Double value = loss.apply(epoch);
            if (value != null) {
                double[] sum = sums.computeIfAbsent(epoch.epoch(), ignored -> new double[2]);
                sum[0] += value;
                sum[1]++;
            }
        }
        if (sums.isEmpty()) {
            return Optional.empty();
        }
        XYSeries series = chart.addSeries(name, sums.keySet().stream().mapToDouble(Integer::doubleValue).toArray(),
                sums.values().stream().mapToDouble(sum -> sum[0] / sum[1]).toArray());
        series.setMarker(SeriesMarkers.CIRCLE);
        series.setMarkerColor(color);
        series.setLineColor(color);
        return Optional.of(series);
    }
}
