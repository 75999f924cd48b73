package org.aesweep.analysis;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.aesweep.io.FileMoves;
import org.aesweep.io.ParquetFiles;
import org.aesweep.io.Table;
import org.aesweep.io.TableLayout;
import org.aesweep.io.avro.BiasVarianceRow;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;

/**
 * The aggregation step of a sweep: decomposes each grid point's risk over its replicates, writes
 * the bias_variance table (staged, then moved into place under a fixed name, so a rerun replaces
 * it), the curve plots and a self-contained index.html report.
 */
public final class AggregateRunner {
    private final SparkSession spark;

    public AggregateRunner(SparkSession spark) {
        this.spark = spark;
    }

    /** What the aggregation wrote. */
    public record Outcome(List<BiasVarianceRow> rows, Path table, List<Path> plots, Path report) {
    }

    /** @param dataRoot where the sweep read its data; the decomposition reconstructs its test set */
    public Outcome run(TableLayout layout, String dataRoot) throws IOException {
        spark.sparkContext().setJobGroup("aesweep-aggregate-" + layout.sweepId(),
                "aesweep aggregate " + layout.sweepId() + ": bias_variance table and plots", false);
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        List<BiasVarianceRow> rows = new BiasVarianceAggregator(spark).aggregate(layout,
                new BiasVarianceDecomposition(spark).decompose(layout, dataRoot));
        Path table = new Path(layout.tablePartition(Table.BIAS_VARIANCE), "part-00000.parquet");
        Path staged = new Path(layout.stagingDir("aggregate", UUID.randomUUID().toString()), "bias_variance.parquet");
        ParquetFiles.write(staged, BiasVarianceRow.class, BiasVarianceRow.getClassSchema(), rows, conf);
        FileSystem fs = table.getFileSystem(conf);
        FileMoves.replace(fs, staged, table);
        fs.delete(staged.getParent(), true);
        LossCurvePlotter.Plots plots = LossCurvePlotter.plot(rows, layout.reportDir(), conf);
        List<Path> scatters = LatentScatterPlotter.plot(spark, layout, layout.reportDir());
        RunPictures.Pictures runPictures = RunPictures.draw(spark, layout, layout.reportDir());
        List<Path> reconstructions = ReconstructionMontage.draw(spark, layout, dataRoot, layout.reportDir());
        Path report = HtmlReport.write(layout.sweepId(), new HtmlReport.Pictures(plots.overviews(), plots.curves(),
                        reconstructions, scatters, runPictures.classMeans(), runPictures.weights()), rows,
                ProbeSummaries.read(spark, layout), layout.reportDir(), conf);
        spark.sparkContext().clearJobGroup();
        List<Path> all = new ArrayList<>(plots.all());
        all.addAll(reconstructions);
        all.addAll(scatters);
        all.addAll(runPictures.classMeans());
        all.addAll(runPictures.weights());
        return new Outcome(rows, table, all, report);
    }
}
