package org.aesweep.report;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.isnan;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.not;

import java.awt.Color;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import org.aesweep.tables.SweepTables;
import org.aesweep.tables.Table;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * How the code values are distributed, so a sparse code (an L1 penalty on the code) can be told
 * from a standard one: per dataset, a panel per code size with one histogram line per architecture
 * (and sparsity weight) of the first replicate at the sweep's lowest noise level, every unit of every
 * test code counted, on a logarithmic count axis (a ReLU code piles up at 0). Spark bins the
 * latent_codes table; only the counts come back.
 */
final class CodeValueHistograms {
    static final int BINS = 50;
    private static final int PANEL_WIDTH = 400;
    private static final int PANEL_HEIGHT = 300;
    private static final Color[] PALETTE = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c),
        new Color(0xff7f0e), new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f),
        new Color(0xbcbd22), new Color(0x17becf)};

    private CodeValueHistograms() {
    }

    /** One bin of one run's code values: where they lie on average, and how many there are. */
    record Bin(Curve curve, int codeSize, double mean, long count) {
    }

    /** Writes one PNG per dataset into {@code reportDir}; none when the sweep has no codes. */
    static List<Path> plot(SparkSession spark, SweepTables tables, Path reportDir) throws IOException {
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        Dataset<Row> finished = tables.dataset(spark, Table.RUNS).where(col("status").equalTo("ok")).select("run_id");
        Dataset<Row> codes = tables.dataset(spark, Table.LATENT_CODES).where(col("replicate").equalTo(0))
                .join(finished, "run_id");
        Row lowest = codes.agg(min("noise_level")).first();
        List<Path> written = new ArrayList<>();
        if (lowest.isNullAt(0)) {
            return written;
        }
        double level = lowest.getDouble(0);
        Map<String, List<Bin>> byDataset = new LinkedHashMap<>();
        for (Bin bin : bins(codes.where(col("noise_level").equalTo(level)))) {
            byDataset.computeIfAbsent(bin.curve().dataset(), ignored -> new ArrayList<>()).add(bin);
        }
        for (Map.Entry<String, List<Bin>> dataset : byDataset.entrySet()) {
            String title = "code values: " + dataset.getKey() + ", noise level " + level + ", first replicate";
            Map<Curve, Color> colours = colours(dataset.getValue());
            List<ChartGrid.Key> keys = new ArrayList<>();
            colours.forEach((curve, colour) -> keys.add(new ChartGrid.Key(curve.label(), colour)));
            written.add(ChartGrid.write(title, keys, panels(dataset.getValue(), colours),
                    new Path(reportDir, "code-values_" + ChartFiles.fileSafe(dataset.getKey()) + ".png"), conf));
        }
        return written;
    }

    /**
     * Counts of each run's code values in {@link #BINS} equal bins spanning its dataset and code size,
     * each at the mean of its values: a pile of zeros shows at exactly 0, and the points are not
     * equally spaced, which XChart would take for categories and label one by one.
     */
    static List<Bin> bins(Dataset<Row> codes) {
        String[] curve = {"dataset", "architecture", "noise_kind", "noise_level", "sparsity_weight"};
        Dataset<Row> values = codes.select(col(curve[0]), col(curve[1]), col(curve[2]), col(curve[3]), col(curve[4]),
                col("code_size"), explode(col("code")).as("value")).where(not(isnan(col("value"))));
        WindowSpec panel = Window.partitionBy("dataset", "code_size");
        Dataset<Row> binned = values.withColumn("low", min("value").over(panel))
                .withColumn("high", max("value").over(panel))
                .withColumn("width", col("high").minus(col("low")).divide(BINS))
                // Codes all of one value span no width: the division gives null, which least() skips.
                .withColumn("bin", least(floor(col("value").minus(col("low")).divide(col("width"))), lit(BINS - 1)));
        List<Row> counts = binned.groupBy(col(curve[0]), col(curve[1]), col(curve[2]), col(curve[3]), col(curve[4]),
                        col("code_size"), col("bin"))
                .agg(count("*").as("count"), avg("value").as("mean"))
                .orderBy(curve[0], curve[1], curve[2], curve[3], curve[4], "code_size", "bin").collectAsList();
        List<Bin> bins = new ArrayList<>();
        for (Row row : counts) {
            bins.add(new Bin(Curve.of(row), row.getAs("code_size"), row.getAs("mean"), row.getAs("count")));
        }
        return bins;
    }

    /** A colour per curve, in the order the bins name them. */
    static Map<Curve, Color> colours(List<Bin> bins) {
        Map<Curve, Color> colours = new LinkedHashMap<>();
        for (Bin bin : bins) {
            colours.putIfAbsent(bin.curve(), PALETTE[colours.size() % PALETTE.length]);
        }
        return colours;
    }

    /** A panel per code size, a line per curve, each curve in its colour in every panel. */
    static List<XYChart> panels(List<Bin> bins, Map<Curve, Color> colours) {
        SortedMap<Integer, Map<Curve, List<Bin>>> byCodeSize = new TreeMap<>();
        for (Bin bin : bins) {
            byCodeSize.computeIfAbsent(bin.codeSize(), ignored -> new LinkedHashMap<>())
                    .computeIfAbsent(bin.curve(), ignored -> new ArrayList<>()).add(bin);
        }
        List<XYChart> panels = new ArrayList<>();
        for (Map.Entry<Integer, Map<Curve, List<Bin>>> codeSize : byCodeSize.entrySet()) {
            XYChart chart = new XYChartBuilder().width(PANEL_WIDTH).height(PANEL_HEIGHT)
                    .title("code size " + codeSize.getKey()).xAxisTitle("code value").yAxisTitle("count (log scale)")
                    .build();
            Styler styler = chart.getStyler();
            styler.setLegendVisible(false);
            styler.setChartBackgroundColor(Color.WHITE);
            chart.getStyler().setYAxisLogarithmic(true);
            // Decades as whole numbers (10,000, not XChart's 1E4).
            chart.getStyler().setYAxisDecimalPattern("#,##0");
            chart.setCustomXAxisTickLabelsFormatter(ChartAxes::plain);
            for (Map.Entry<Curve, List<Bin>> curve : codeSize.getValue().entrySet()) {
                XYSeries series = chart.addSeries(curve.getKey().label(),
                        curve.getValue().stream().mapToDouble(Bin::mean).toArray(),
                        curve.getValue().stream().mapToDouble(Bin::count).toArray());
                series.setMarker(SeriesMarkers.NONE);
                series.setLineColor(colours.get(curve.getKey()));
            }
            panels.add(chart);
        }
        return panels;
    }
}
