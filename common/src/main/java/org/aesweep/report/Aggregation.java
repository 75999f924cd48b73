package org.aesweep.report;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.aesweep.BadInputException;
import org.aesweep.analysis.BiasVarianceAggregator;
import org.aesweep.analysis.BiasVarianceDecomposition;
import org.aesweep.analysis.BootstrapSettings;
import org.aesweep.analysis.PcaBaseline;
import org.aesweep.analysis.PcaBaselines;
import org.aesweep.spark.SparkStage;
import org.aesweep.tables.ParquetFiles;
import org.aesweep.tables.ReplaceSweep;
import org.aesweep.tables.SweepTables;
import org.aesweep.tables.Table;
import org.aesweep.tables.TableLayout;
import org.aesweep.tables.avro.BiasVarianceRow;
import org.aesweep.tables.avro.RunRow;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;

/**
 * The aggregation step of a sweep: decomposes each grid point's risk over its replicates, writes
 * the bias_variance table (its sweep's rows replaced in one commit, so a rerun replaces them),
 * fits each dataset's PCA baseline, draws the plots and montages, and writes a self-contained
 * index.html report.
 */
public final class Aggregation {
    private final SparkSession spark;

    public Aggregation(SparkSession spark) {
        this.spark = spark;
    }

    /** What the aggregation wrote. */
    public record Outcome(List<BiasVarianceRow> rows, Path table, List<Path> plots, Path report) {
    }

    /**
     * @param dataRoot  where the sweep read its data; the decomposition reconstructs its test set
     * @param bootstrap the decomposition's confidence intervals
     */
    public Outcome run(SweepTables tables, String dataRoot, BootstrapSettings bootstrap)
            throws IOException, BadInputException {
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        TableLayout layout = tables.layout();
        if (tables.committedRunIds().isEmpty()) {
            throw new BadInputException("sweep '" + layout.sweepId() + "' has no runs in "
                    + tables.catalog().qualifiedName(Table.RUNS) + ": run the sweep job first");
        }
        List<BiasVarianceRow> rows;
        try (SparkStage stage = stage(layout, "bias-variance", "bias/variance decomposition per grid point")) {
            rows = new BiasVarianceAggregator(spark).aggregate(tables,
                    new BiasVarianceDecomposition(spark).decompose(tables, dataRoot, bootstrap));
        }
        Path table = writeTable(tables, rows, conf);
        Map<String, PcaBaseline> baselines;
        try (SparkStage stage = stage(layout, "pca-baselines", "PCA baseline per dataset")) {
            baselines = PcaBaselines.compute(spark, tables, dataRoot);
        }
        Map<Curve, String> losses = curveLosses(tables);
        LossCurvePlotter.Plots plots = LossCurvePlotter.plot(rows, baselines, losses, layout.reportDir(), conf);
        List<Path> learningCurves;
        List<Path> scatters;
        RunPictures.Pictures runPictures;
        List<Path> reconstructions;
        CodeSizeMontages.Montages montages;
        List<Path> codeValues;
        Path report;
        try (SparkStage stage = stage(layout, "learning-curves", "learning curves per curve")) {
            learningCurves = LearningCurvePlotter.plot(spark, tables, layout.reportDir());
        }
        try (SparkStage stage = stage(layout, "latent-scatters", "latent scatter plots")) {
            scatters = LatentScatterPlotter.plot(spark, tables, layout.reportDir());
        }
        try (SparkStage stage = stage(layout, "run-pictures", "class-mean decodings and weight images")) {
            runPictures = RunPictures.draw(spark, tables, layout.reportDir());
        }
        try (SparkStage stage = stage(layout, "reconstructions", "reconstruction montages")) {
            reconstructions = ReconstructionMontage.draw(spark, tables, dataRoot, layout.reportDir());
            montages = CodeSizeMontages.draw(spark, tables, dataRoot, layout.reportDir());
        }
        try (SparkStage stage = stage(layout, "code-values", "code value histograms")) {
            codeValues = CodeValueHistograms.plot(spark, tables, layout.reportDir());
        }
        HtmlReport.Pictures pictures = new HtmlReport.Pictures(plots.overviews(), plots.curves(),
                plots.varianceSplits(), learningCurves, montages.byCodeSize(), montages.denoising(), reconstructions,
                codeValues, scatters, runPictures.classMeans(), runPictures.weights());
        try (SparkStage stage = stage(layout, "report", "latent probe summaries and the HTML report")) {
            report = HtmlReport.write(layout.sweepId(), pictures, rows, losses, ProbeSummaries.read(spark, tables),
                    layout.reportDir(), conf);
        }
        List<Path> all = new ArrayList<>(plots.all());
        for (List<Path> more : List.of(learningCurves, montages.byCodeSize(), montages.denoising(), reconstructions,
                codeValues, scatters, runPictures.classMeans(), runPictures.weights())) {
            all.addAll(more);
        }
        return new Outcome(rows, table, all, report);
    }

    /** The loss each curve's runs trained on, from its finished runs. */
    private static Map<Curve, String> curveLosses(SweepTables tables) throws IOException {
        Map<Curve, String> losses = new HashMap<>();
        for (RunRow row : tables.allRows(RunRow.class)) {
            if (row.getStatus().equals("ok")) {
                losses.putIfAbsent(Curve.of(row), row.getLoss());
            }
        }
        return losses;
    }

    /** Writes the rows into a new file that replaces the sweep's bias_variance rows in one commit. */
    private static Path writeTable(SweepTables tables, List<BiasVarianceRow> rows, Configuration conf)
            throws IOException {
        Path file = tables.layout().compactedFile(Table.BIAS_VARIANCE, UUID.randomUUID().toString());
        ParquetFiles.write(file, BiasVarianceRow.class, BiasVarianceRow.getClassSchema(), rows, conf);
        ReplaceSweep.replace(tables.catalog(), tables.sweepId(), Map.of(Table.BIAS_VARIANCE, List.of(file.toString())));
        return file;
    }

    private SparkStage stage(TableLayout layout, String key, String description) {
        return SparkStage.begin(spark.sparkContext(), "aggregate", layout.sweepId(), key, description);
    }
}
