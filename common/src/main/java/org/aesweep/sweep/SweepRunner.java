package org.aesweep.sweep;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.aesweep.grid.RunConfig;
import org.aesweep.io.CommittedRuns;
import org.aesweep.io.Table;
import org.aesweep.io.TableLayout;
import org.aesweep.train.RunStatus;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The driver side of a sweep: skips runs an earlier attempt committed, fans the others out one per
 * Spark task (executors read the data themselves; only run configs and small summaries cross the
 * wire), and marks the sweep complete with a {@code _SUCCESS} file in its runs partition.
 */
public final class SweepRunner {
    private static final Logger LOG = LoggerFactory.getLogger(SweepRunner.class);

    private final SparkSession spark;

    public SweepRunner(SparkSession spark) {
        this.spark = spark;
    }

    public SweepOutcome run(SweepSettings settings, List<RunConfig> runs) throws IOException {
        TableLayout layout = settings.layout();
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        Set<String> committed = CommittedRuns.list(layout, conf);
        List<RunConfig> pending = new ArrayList<>();
        for (RunConfig run : runs) {
            if (!committed.contains(run.runId())) {
                pending.add(run);
            }
        }
        int skipped = runs.size() - pending.size();
        LOG.info("sweep {}: {} run(s) in the grid, {} already committed by an earlier attempt and skipped, {} to train",
                layout.sweepId(), runs.size(), skipped, pending.size());

        List<RunSummary> trained = pending.isEmpty() ? List.of() : train(settings, pending, conf);
        SweepOutcome outcome = new SweepOutcome(trained, skipped);
        writeSuccessMarker(layout, runs.size(), outcome, conf);
        return outcome;
    }

    private List<RunSummary> train(SweepSettings settings, List<RunConfig> pending, Configuration conf) {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        String sweepId = settings.layout().sweepId();
        jsc.setJobGroup("aesweep-sweep-" + sweepId,
                "aesweep sweep " + sweepId + ": train " + pending.size() + " run(s)", false);
        try {
            RunTask task = new RunTask(settings, conf);
            // One partition per run: Spark schedules each run as its own task on a free executor core.
            JavaRDD<RunConfig> runs = jsc.parallelize(pending, pending.size());
            return runs.map(task::execute).collect();
        } finally {
            jsc.clearJobGroup();
        }
    }

    private static void writeSuccessMarker(TableLayout layout, int gridRuns, SweepOutcome outcome,
                                           Configuration conf) throws IOException {
        Path marker = new Path(layout.tablePartition(Table.RUNS), "_SUCCESS");
        String summary = String.format(Locale.ROOT,
                "{\"sweep_id\":\"%s\",\"grid_runs\":%d,\"skipped\":%d,\"trained\":%d,\"ok\":%d,\"diverged\":%d,\"failed\":%d}%n",
                layout.sweepId(), gridRuns, outcome.skipped(), outcome.trained().size(),
                outcome.count(RunStatus.OK), outcome.count(RunStatus.DIVERGED), outcome.count(RunStatus.FAILED));
        try (OutputStream out = marker.getFileSystem(conf).create(marker, true)) {
            out.write(summary.getBytes(StandardCharsets.UTF_8));
        }
    }
}
