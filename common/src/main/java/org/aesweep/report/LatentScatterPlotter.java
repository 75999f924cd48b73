package org.aesweep.report;

import static org.apache.spark.sql.functions.col;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.aesweep.analysis.Tsne;
import org.aesweep.tables.SweepTables;
import org.aesweep.tables.Table;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Scatter plots of test codes coloured by class, one per grid point (its first replicate): the
 * code itself when it has two units, else its projection on the first two principal components
 * and a t-SNE map of the first {@link #TSNE_POINTS} codes. Reads at most {@link #POINTS} codes per
 * run from the latent_codes table, a few hundred kilobytes.
 */
public final class LatentScatterPlotter {
    static final int POINTS = 2000;
    /** Exact t-SNE is O(n²) per iteration: 800 codes take a few seconds. */
    static final int TSNE_POINTS = 800;
    private static final double TSNE_PERPLEXITY = 30;
    private static final long TSNE_SEED = 42;
    private static final int SIDE = 640;

    private LatentScatterPlotter() {
    }

    public static List<Path> plot(SparkSession spark, SweepTables tables, Path reportDir) throws IOException {
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        List<Path> written = new ArrayList<>();
        var codes = tables.dataset(spark, Table.LATENT_CODES).where(col("replicate").equalTo(0));
        List<Row> runs = codes.select("run_id", "dataset", "architecture", "noise_kind", "noise_level", "code_size")
                .distinct().orderBy("architecture", "noise_kind", "noise_level", "code_size").collectAsList();
        for (Row run : runs) {
            List<Row> points = codes.where(col("run_id").equalTo(run.<String>getAs("run_id")))
                    .orderBy("sample_index").limit(POINTS).select("label", "code").collectAsList();
            String title = String.format(Locale.ROOT, "%s %s noise=%s %s code=%d", run.getAs("dataset"),
                    run.getAs("architecture"), run.getAs("noise_kind"), run.getAs("noise_level"),
                    run.<Integer>getAs("code_size"));
            String name = ChartFiles.fileSafe(title);
            String dataset = run.getAs("dataset");
            int[] labels = points.stream().mapToInt(point -> point.getInt(0)).toArray();
            double[][] values = points.stream().map(LatentScatterPlotter::values).toArray(double[][]::new);
            boolean flat = values[0].length == 2;
            written.add(ChartFiles.write(chart(title, flat ? "code unit 1" : "principal component 1",
                    flat ? "code unit 2" : "principal component 2",
                    flat ? values : firstTwoComponents(Nd4j.create(values)).toDoubleMatrix(), dataset, labels),
                    new Path(reportDir, "latent_" + name + ".png"), conf));
            if (!flat && values.length > TSNE_POINTS / 2) {
                int n = Math.min(TSNE_POINTS, values.length);
                double[][] map = Tsne.embed(Arrays.copyOf(values, n), TSNE_PERPLEXITY, TSNE_SEED);
                written.add(ChartFiles.write(
                        chart(title + " (t-SNE)", "t-SNE 1", "t-SNE 2", map, dataset, Arrays.copyOf(labels, n)),
                        new Path(reportDir, "tsne_" + name + ".png"), conf));
            }
        }
        return written;
    }

    private static double[] values(Row point) {
        List<Float> code = point.getList(1);
        return code.stream().mapToDouble(Float::doubleValue).toArray();
    }

    private static XYChart chart(String title, String xTitle, String yTitle, double[][] xy, String dataset,
                                 int[] labels) {
        XYChart chart = new XYChartBuilder().width(SIDE).height(SIDE).title(title).xAxisTitle(xTitle)
                .yAxisTitle(yTitle).build();
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        chart.getStyler().setMarkerSize(3);
        int classes = Arrays.stream(labels).max().orElse(0) + 1;
        for (int label = 0; label < classes; label++) {
            List<Double> x = new ArrayList<>();
            List<Double> y = new ArrayList<>();
            for (int i = 0; i < labels.length; i++) {
                if (labels[i] == label) {
                    x.add(xy[i][0]);
                    y.add(xy[i][1]);
                }
            }
            if (!x.isEmpty()) {
                chart.addSeries(ClassNames.of(dataset, label), x, y).setMarker(SeriesMarkers.CIRCLE);
            }
        }
        return chart;
    }

    /** Centred codes projected on their first two right singular vectors. */
    static INDArray firstTwoComponents(INDArray codes) {
        INDArray centred = codes.subRowVector(codes.mean(0)).dup('f');
        int units = (int) centred.columns();
        INDArray singular = Nd4j.create(DataType.DOUBLE, Math.min(centred.rows(), units));
        INDArray vt = Nd4j.create(DataType.DOUBLE, new long[] {units, units}, 'f');
        Nd4j.getBlasWrapper().lapack().gesvd(centred.dup('f'), singular, null, vt);
        return centred.mmul(vt.getRows(0, 1).transpose());
    }
}
