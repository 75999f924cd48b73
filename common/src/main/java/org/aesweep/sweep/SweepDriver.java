package org.aesweep.sweep;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.aesweep.outputs.RunSummary;
import org.aesweep.plan.CoreAllocation;
import org.aesweep.plan.PlannedRun;
import org.aesweep.plan.RunBatch;
import org.aesweep.plan.RunBatches;
import org.aesweep.plan.SweepPlan;
import org.aesweep.plan.WallTimeEstimate;
import org.aesweep.spark.ExecutorCores;
import org.aesweep.spark.LocalStage;
import org.aesweep.spark.SparkStage;
import org.aesweep.spark.TaskSlots;
import org.aesweep.tables.CommittedRuns;
import org.aesweep.tables.PartitionSwap;
import org.aesweep.tables.TableLayout;
import org.aesweep.train.RunStatus;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The driver side of a sweep: removes what killed attempts left in staging, skips runs an earlier
 * attempt committed (or, overwriting, retrains all and swaps them in), trains the data-parallel
 * runs one after another on the whole cluster, then fans the local runs out one per Spark task,
 * most expensive first (see {@link SweepPlan} for why this order), those that would hold up the
 * sweep with a whole executor's cores (see {@link CoreAllocation}), and marks the sweep complete
 * with a {@code _SUCCESS} file in its runs partition. Executors read the data themselves; only
 * run configs, parameters and small summaries cross the wire.
 */
public final class SweepDriver {
    private static final Logger LOG = LoggerFactory.getLogger(SweepDriver.class);

    private final SparkSession spark;
    private final boolean estimateWallTime;

    public SweepDriver(SparkSession spark) {
        this(spark, false);
    }

    /**
     * @param estimateWallTime whether to time each pending network on the driver and log the
     *                         attempt's estimated wall time before training (see {@link WallTimeEstimator})
     */
    public SweepDriver(SparkSession spark, boolean estimateWallTime) {
        this.spark = spark;
        this.estimateWallTime = estimateWallTime;
    }

    /** Trains the runs not yet committed under this sweep id (a resume, or a first attempt). */
    public SweepOutcome run(SweepSettings settings, SweepPlan plan) throws IOException {
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        PartitionSwap.removeLeftovers(settings.layout(), conf);
        return train(settings, plan, CommittedRuns.list(settings.layout(), conf), conf);
    }

    /**
     * Trains every run into hidden partitions and only then replaces the sweep's partitions with
     * them, so readers see the old results until the new ones are complete.
     */
    public SweepOutcome overwrite(SweepSettings settings, SweepPlan plan) throws IOException {
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        PartitionSwap.removeLeftovers(settings.layout(), conf);
        TableLayout shadow = settings.layout().shadow("overwrite-" + UUID.randomUUID());
        SweepOutcome outcome = train(new SweepSettings(settings.dataRoot(), shadow), plan, Set.of(), conf);
        PartitionSwap.replace(settings.layout(), shadow, conf);
        return outcome;
    }

    private SweepOutcome train(SweepSettings settings, SweepPlan plan, Set<String> committed, Configuration conf)
            throws IOException {
        TableLayout layout = settings.layout();
        SweepPlan pending = plan.without(committed);
        int skipped = plan.size() - pending.size();
        LOG.info("sweep {}: {} run(s) in the grid, {} already committed by an earlier attempt and skipped, {} to train"
                        + " ({} with parameter averaging, {} local)", layout.sweepId(), plan.size(), skipped,
                pending.size(), pending.parameterAveraged().size(), pending.local().size());

        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        List<RunBatch> batches = RunBatches.of(pending.local(), pending.fusion());
        if (estimateWallTime && pending.size() > 0) {
            logEstimate(layout.sweepId(), pending, localStages(jsc, batches), ExecutorCores.of(jsc), TaskSlots.of(jsc));
        }
        // Widened batches are the costliest, so they stay first in the plan's order.
        List<PlannedRun> order = new ArrayList<>(pending.parameterAveraged());
        batches.forEach(batch -> order.addAll(batch.runs()));
        SweepProgress progress = new SweepProgress(layout.sweepId(), order, TaskSlots.of(jsc), Clock.systemUTC());
        List<RunSummary> trained = new ArrayList<>(trainParameterAveraged(jsc, settings, pending, progress));
        trained.addAll(trainLocal(jsc, settings, batches, pending.parameterAveraged().size(), progress, conf));
        SweepOutcome outcome = new SweepOutcome(trained, skipped);
        // Attempts that died with their executor left staging directories; none is running now.
        layout.stagingRoot().getFileSystem(conf).delete(layout.stagingRoot(), true);
        writeSuccessMarker(layout, plan.size(), outcome, conf);
        return outcome;
    }

    private static void logEstimate(String sweepId, SweepPlan pending, List<LocalStage> stages, ExecutorCores cores,
                                    int taskSlots) {
        if (pending.trainSamples() == 0) {
            return;
        }
        long start = System.nanoTime();
        WallTimeEstimator estimator = new WallTimeEstimator(pending);
        try {
            WallTimeEstimate estimate = estimator.estimate(pending.parameterAveraged(),
                    pending.parameterAveraging().workersOn(taskSlots), stages, cores, taskSlots);
            LOG.info("sweep {}: estimated wall time {}, from {} network(s) timed on the driver in {} s", sweepId,
                    WallTimeEstimator.describe(estimate), estimator.probes(),
                    String.format(Locale.ROOT, "%.1f", (System.nanoTime() - start) / 1e9));
        } catch (RuntimeException e) {
            // The estimate only informs; a network that fails here fails its run, reported as usual.
            LOG.warn("sweep {}: no wall-time estimate: {}", sweepId, e.toString());
        }
    }

    private static List<RunSummary> trainParameterAveraged(JavaSparkContext jsc, SweepSettings settings,
                                                           SweepPlan pending, SweepProgress progress) {
        if (pending.parameterAveraged().isEmpty()) {
            return List.of();
        }
        ParameterAveragingTrainer trainer =
                new ParameterAveragingTrainer(jsc, settings, pending.imageRows(), pending.imageCols());
        List<RunSummary> trained = new ArrayList<>();
        for (PlannedRun run : pending.parameterAveraged()) {
            try (SparkStage stage = SparkStage.begin(jsc.sc(), "sweep", settings.layout().sweepId(), run.runId(),
                    "run " + run.runId() + " (" + RunTask.describe(run.config()) + ") with parameter averaging")) {
                RunSummary summary = trainer.train(run, pending.parameterAveraging());
                progress.finished(trained.size(), summary.status(), summary.wallSeconds()).ifPresent(LOG::info);
                trained.add(summary);
            }
        }
        return trained;
    }

    /**
     * Fans the local runs out, one Spark task per batch (a run, or several fused), in the stages
     * {@link LocalStage} describes: batches that would otherwise hold up the sweep first, each with
     * a whole executor's cores, then the rest.
     */
    private static List<RunSummary> trainLocal(JavaSparkContext jsc, SweepSettings settings, List<RunBatch> batches,
                                               int firstIndex, SweepProgress progress, Configuration conf) {
        if (batches.isEmpty()) {
            return List.of();
        }
        RunTask task = new RunTask(settings, conf);
        RunStatusAccumulators statuses = RunStatusAccumulators.register(jsc.sc());
        List<RunSummary> trained = new ArrayList<>();
        for (LocalStage stage : localStages(jsc, batches)) {
            trained.addAll(trainStage(jsc, settings, stage, task, statuses, firstIndex + trained.size(), progress));
        }
        return trained;
    }

    /**
     * The stages that train {@code batches} on the cluster as it is now. Asked just before the local
     * runs train, when the data-parallel runs have had the executors up: a driver that has just
     * started may not have seen all its executors register, and would count too few task slots.
     */
    private static List<LocalStage> localStages(JavaSparkContext jsc, List<RunBatch> batches) {
        ExecutorCores cores = ExecutorCores.of(jsc);
        List<RunBatch> allocated = CoreAllocation.allocate(batches, TaskSlots.of(jsc), cores.executorCores(),
                cores.taskCpus());
        return LocalStage.of(allocated, cores, jsc.getConf());
    }

    /**
     * One stage's batches as one Spark job; a listener logs progress as tasks end, and the collected
     * results fill in whatever the listener had not yet reported when the job returned.
     */
    private static List<RunSummary> trainStage(JavaSparkContext jsc, SweepSettings settings, LocalStage stage,
                                               RunTask task, RunStatusAccumulators statuses, int firstIndex,
                                               SweepProgress progress) {
        List<RunBatch> batches = stage.batches();
        try (SparkStage sparkStage = SparkStage.begin(jsc.sc(), "sweep", settings.layout().sweepId(), stage.key(),
                stage.description())) {
            LOG.info("sweep {}: {}", settings.layout().sweepId(), stage.description());
            SweepProgressListener listener =
                    new SweepProgressListener(sparkStage.groupId(), progress, batches, firstIndex, LOG::info);
            jsc.sc().addSparkListener(listener);
            try {
                // One partition per batch, in plan order: Spark hands partitions to free task slots by index.
                JavaRDD<RunBatch> rdd = jsc.parallelize(batches, batches.size());
                if (stage.profile() != null) {
                    rdd = rdd.withResources(stage.profile());
                }
                List<List<RunSummary>> results = rdd.map(batch -> statuses.record(task.execute(batch))).collect();
                List<RunSummary> trained = new ArrayList<>();
                for (int b = 0; b < results.size(); b++) {
                    for (RunSummary run : results.get(b)) {
                        progress.finished(firstIndex + trained.size(), run.status(),
                                run.wallSeconds() / batches.get(b).size()).ifPresent(LOG::info);
                        trained.add(run);
                    }
                }
                return trained;
            } finally {
                jsc.sc().removeSparkListener(listener);
            }
        }
    }

    private static void writeSuccessMarker(TableLayout layout, int gridRuns, SweepOutcome outcome,
                                           Configuration conf) throws IOException {
        Path marker = layout.successMarker();
        String summary = String.format(Locale.ROOT,
                "{\"sweep_id\":\"%s\",\"grid_runs\":%d,\"skipped\":%d,\"trained\":%d,\"ok\":%d,\"diverged\":%d,\"failed\":%d}%n",
                layout.sweepId(), gridRuns, outcome.skipped(), outcome.trained().size(),
                outcome.count(RunStatus.OK), outcome.count(RunStatus.DIVERGED), outcome.count(RunStatus.FAILED));
        try (OutputStream out = marker.getFileSystem(conf).create(marker, true)) {
            out.write(summary.getBytes(StandardCharsets.UTF_8));
        }
    }
}
