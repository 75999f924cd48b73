package org.aesweep.report;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.aesweep.BadInputException;
import org.aesweep.analysis.BiasVarianceAggregator;
import org.aesweep.analysis.BiasVarianceDecomposition;
import org.aesweep.spark.SparkStage;
import org.aesweep.tables.ParquetFiles;
import org.aesweep.tables.ReplaceSweep;
import org.aesweep.tables.SweepTables;
import org.aesweep.tables.Table;
import org.aesweep.tables.TableLayout;
import org.aesweep.tables.avro.BiasVarianceRow;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;

/**
 * The aggregation step of a sweep: decomposes each grid point's risk over its replicates, writes
 * the bias_variance table (its sweep's rows replaced in one commit, so a rerun replaces them),
 * the curve plots and a self-contained index.html report.
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
    public Outcome run(SweepTables tables, String dataRoot) throws IOException, BadInputException {
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        TableLayout layout = tables.layout();
        if (tables.committedRunIds().isEmpty()) {
            throw new BadInputException("sweep '" + layout.sweepId() + "' has no runs in "
                    + tables.catalog().qualifiedName(Table.RUNS) + ": run the sweep job first");
        }
        List<BiasVarianceRow> rows;
        try (SparkStage stage = stage(layout, "bias-variance", "bias/variance decomposition per grid point")) {
            rows = new BiasVarianceAggregator(spark).aggregate(tables,
                    new BiasVarianceDecomposition(spark).decompose(tables, dataRoot));
        }
        Path table = writeTable(tables, rows, conf);
        LossCurvePlotter.Plots plots = LossCurvePlotter.plot(rows, layout.reportDir(), conf);
        List<Path> scatters;
        RunPictures.Pictures runPictures;
        List<Path> reconstructions;
        HtmlReport.Pictures pictures;
        Path report;
        try (SparkStage stage = stage(layout, "latent-scatters", "latent scatter plots")) {
            scatters = LatentScatterPlotter.plot(spark, tables, layout.reportDir());
        }
        try (SparkStage stage = stage(layout, "run-pictures", "class-mean decodings and weight images")) {
            runPictures = RunPictures.draw(spark, tables, layout.reportDir());
        }
        try (SparkStage stage = stage(layout, "reconstructions", "reconstruction montages")) {
            reconstructions = ReconstructionMontage.draw(spark, tables, dataRoot, layout.reportDir());
        }
        pictures = new HtmlReport.Pictures(plots.overviews(), plots.curves(), reconstructions, scatters,
                runPictures.classMeans(), runPictures.weights());
        try (SparkStage stage = stage(layout, "report", "latent probe summaries and the HTML report")) {
            report = HtmlReport.write(layout.sweepId(), pictures, rows, ProbeSummaries.read(spark, tables),
                    layout.reportDir(), conf);
        }
        List<Path> all = new ArrayList<>(plots.all());
        all.addAll(reconstructions);
        all.addAll(scatters);
        all.addAll(runPictures.classMeans());
        all.addAll(runPictures.weights());
        return new Outcome(rows, table, all, report);
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
