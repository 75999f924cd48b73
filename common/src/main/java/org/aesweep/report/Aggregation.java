package org.aesweep.report;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.aesweep.analysis.BiasVarianceAggregator;
import org.aesweep.analysis.BiasVarianceDecomposition;
import org.aesweep.spark.SparkStage;
import org.aesweep.tables.FileMoves;
import org.aesweep.tables.ParquetFiles;
import org.aesweep.tables.Table;
import org.aesweep.tables.TableLayout;
import org.aesweep.tables.avro.BiasVarianceRow;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;

/**
 * The aggregation step of a sweep: decomposes each grid point's risk over its replicates, writes
 * the bias_variance table (staged, then moved into place under a fixed name, so a rerun replaces
 * it), the curve plots and a self-contained index.html report.
 */
public final class Aggregation {
    private final SparkSession spark;

    public Aggregation(SparkSession spark) {
        this.spark = spark;
    }

    /** What the aggregation wrote. */
    public record Outcome(List<BiasVarianceRow> rows, Path table, List<Path> plots, Path report) {
    }

    /** @param dataRoot where the sweep read its data; the decomposition reconstructs its test set */
    public Outcome run(TableLayout layout, String dataRoot) throws IOException {
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        List<BiasVarianceRow> rows;
        try (SparkStage stage = stage(layout, "bias-variance", "bias/variance decomposition per grid point")) {
            rows = new BiasVarianceAggregator(spark).aggregate(layout,
                    new BiasVarianceDecomposition(spark).decompose(layout, dataRoot));
        }
        Path table = writeTable(layout, rows, conf);
        LossCurvePlotter.Plots plots = LossCurvePlotter.plot(rows, layout.reportDir(), conf);
        List<Path> scatters;
        RunPictures.Pictures runPictures;
        List<Path> reconstructions;
        HtmlReport.Pictures pictures;
        Path report;
        try (SparkStage stage = stage(layout, "latent-scatters", "latent scatter plots")) {
            scatters = LatentScatterPlotter.plot(spark, layout, layout.reportDir());
        }
        try (SparkStage stage = stage(layout, "run-pictures", "class-mean decodings and weight images")) {
            runPictures = RunPictures.draw(spark, layout, layout.reportDir());
        }
        try (SparkStage stage = stage(layout, "reconstructions", "reconstruction montages")) {
            reconstructions = ReconstructionMontage.draw(spark, layout, dataRoot, layout.reportDir());
        }
        pictures = new HtmlReport.Pictures(plots.overviews(), plots.curves(), reconstructions, scatters,
                runPictures.classMeans(), runPictures.weights());
        try (SparkStage stage = stage(layout, "report", "latent probe summaries and the HTML report")) {
            report = HtmlReport.write(layout.sweepId(), pictures, rows, ProbeSummaries.read(spark, layout),
                    layout.reportDir(), conf);
        }
        List<Path> all = new ArrayList<>(plots.all());
        all.addAll(reconstructions);
        all.addAll(scatters);
        all.addAll(runPictures.classMeans());
        all.addAll(runPictures.weights());
        return new Outcome(rows, table, all, report);
    }

    /** Writes the table under a fixed name through staging, so a rerun replaces it whole. */
    private static Path writeTable(TableLayout layout, List<BiasVarianceRow> rows, Configuration conf)
            throws IOException {
        Path table = layout.wholeTableFile(Table.BIAS_VARIANCE);
        Path staged = TableLayout.stagedTableFile(layout.stagingDir("aggregate", UUID.randomUUID().toString()),
                Table.BIAS_VARIANCE);
        ParquetFiles.write(staged, BiasVarianceRow.class, BiasVarianceRow.getClassSchema(), rows, conf);
        FileSystem fs = table.getFileSystem(conf);
        FileMoves.replace(fs, staged, table);
        fs.delete(staged.getParent(), true);
        return table;
    }

    private SparkStage stage(TableLayout layout, String key, String description) {
        return SparkStage.begin(spark.sparkContext(), "aggregate", layout.sweepId(), key, description);
    }
}
