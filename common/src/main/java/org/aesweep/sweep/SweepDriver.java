package org.aesweep.sweep;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.aesweep.BadInputException;
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
import org.aesweep.spark.TaskResultStream;
import org.aesweep.spark.TaskSlots;
import org.aesweep.tables.PartitionSwap;
import org.aesweep.tables.RemoveOrphans;
import org.aesweep.tables.RemoveRuns;
import org.aesweep.tables.SweepTables;
import org.aesweep.tables.TableCatalog;
import org.aesweep.tables.TableLayout;
import org.aesweep.tables.avro.RunRow;
import org.aesweep.train.RunStatus;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The driver side of a sweep: removes what killed attempts left, keeps the runs an earlier attempt
 * committed ok or diverged and trains the rest again (or, overwriting, retrains all and replaces
 * the sweep's rows at the end), committing runs to the tables as their tasks end. It trains the data-parallel
 * runs one after another on the whole cluster, then fans the local runs out one per Spark task,
 * most expensive first (see {@link SweepPlan} for why this order), those that would hold up the
 * sweep with a whole executor's cores (see {@link CoreAllocation}), and marks the sweep complete
 * with a {@code _SUCCESS} file in its runs partition. Executors read the data themselves; only
 * run configs, parameters and small summaries cross the wire.
 */
public final class SweepDriver {
    private static final Logger LOG = LoggerFactory.getLogger(SweepDriver.class);

    private final SparkSession spark;
    private final TableCatalog catalog;
    private final boolean estimateWallTime;

    public SweepDriver(SparkSession spark, TableCatalog catalog) {
        this(spark, catalog, false);
    }

    /**
     * @param estimateWallTime whether to time each pending network on the driver and log the
     *                         attempt's estimated wall time before training (see {@link WallTimeEstimator})
     */
    public SweepDriver(SparkSession spark, TableCatalog catalog, boolean estimateWallTime) {
        this.spark = spark;
        this.catalog = catalog;
        this.estimateWallTime = estimateWallTime;
    }

    /**
     * Trains the runs of the plan that are not committed under this sweep id, or whose committed
     * row says they failed (a first attempt, a resume, or a scheduler's retry). Diverged runs are
     * kept unless {@code retrainDiverged}: their result is deterministic. The rows of the runs to
     * train again are removed first, so no run ends up with two. Committed runs the plan does not
     * have (the spec was edited between attempts) are refused, dropped or kept as {@code notInGrid} says.
     * @throws BadInputException before anything trains, when committed runs are not in the plan and
     *                           {@code notInGrid} is {@link RunsNotInGrid#REFUSE}
     */
    public SweepOutcome run(SweepSettings settings, SweepPlan plan, boolean retrainDiverged, RunsNotInGrid notInGrid)
            throws IOException, BadInputException {
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        TableLayout layout = settings.layout();
        removeLeftovers(layout, conf);
        Set<String> planned = new TreeSet<>();
        plan.all().forEach(run -> planned.add(run.runId()));
        Set<String> kept = new TreeSet<>();
        List<RunRow> stale = new ArrayList<>();
        for (RunRow row : new SweepTables(catalog, layout).allRows(RunRow.class)) {
            RunStatus status = RunStatus.ofTableValue(row.getStatus());
            if (!planned.contains(row.getRunId()) && notInGrid != RunsNotInGrid.KEEP) {
                stale.add(row);
            } else if (status == RunStatus.OK || (status == RunStatus.DIVERGED && !retrainDiverged)) {
                kept.add(row.getRunId());
            }
        }
        if (!stale.isEmpty() && notInGrid == RunsNotInGrid.REFUSE) {
            throw new BadInputException(RunsNotInGrid.describe(layout.sweepId(), stale));
        }
        Set<String> again = new TreeSet<>();
        for (String runId : planned) {
            if (!kept.contains(runId)) {
                again.add(runId);
            }
        }
        Set<String> dropped = new TreeSet<>();
        stale.forEach(row -> dropped.add(row.getRunId()));
        // One removal for both, so each table is scanned and rewritten once.
        Set<String> removing = new TreeSet<>(again);
        removing.addAll(dropped);
        long removed = RemoveRuns.remove(catalog, layout, removing);
        if (removed > 0) {
            LOG.info("sweep {}: removed {} row(s) of runs that failed{} or were left partly committed, to train them"
                    + " again{}", layout.sweepId(), removed, retrainDiverged ? " or diverged" : "",
                    dropped.isEmpty() ? "" : ", and of " + dropped.size() + " committed run(s) the spec no longer has");
        }
        // The dropped runs' rows are gone, so nothing reads their models any more.
        for (String runId : dropped) {
            Path model = layout.modelFile(runId);
            model.getFileSystem(conf).delete(model, false);
        }
        return train(settings, plan, kept, RunCommitter.appending(catalog, layout.sweepId()), conf);
    }

    /**
     * Trains every run, then replaces the sweep's rows in each table with theirs and swaps its
     * models and reports in, so readers see the old results until the new ones are complete.
     */
    public SweepOutcome overwrite(SweepSettings settings, SweepPlan plan) throws IOException {
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        removeLeftovers(settings.layout(), conf);
        TableLayout shadow = settings.layout().shadow("overwrite-" + UUID.randomUUID());
        RunCommitter committer = RunCommitter.replacing(catalog, settings.layout().sweepId());
        SweepOutcome outcome = train(new SweepSettings(settings.dataRoot(), shadow), plan, Set.of(), committer, conf);
        committer.finish();
        PartitionSwap.replace(settings.layout(), shadow, conf);
        return outcome;
    }

    /** What killed attempts left: uncommitted table files, staging directories, unfinished overwrites. */
    private void removeLeftovers(TableLayout layout, Configuration conf) throws IOException {
        int orphans = RemoveOrphans.remove(catalog, layout);
        if (orphans > 0) {
            LOG.info("sweep {}: deleted {} table file(s) that attempts which died never committed", layout.sweepId(),
                    orphans);
        }
        PartitionSwap.removeLeftovers(layout, conf);
    }

    private SweepOutcome train(SweepSettings settings, SweepPlan plan, Set<String> committed, RunCommitter committer,
                               Configuration conf) throws IOException {
        TableLayout layout = settings.layout();
        SweepPlan pending = plan.without(committed);
        int skipped = plan.size() - pending.size();
        LOG.info("sweep {}: {} run(s) in the grid, {} already committed by an earlier attempt and kept, {} to train"
                        + " ({} with parameter averaging, {} local)", layout.sweepId(), plan.size(), skipped,
                pending.size(), pending.parameterAveraged().size(), pending.local().size());

        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        List<RunBatch> batches = RunBatches.of(pending.local(), pending.fusion());
        if (estimateWallTime && pending.size() > 0) {
            logEstimate(layout.sweepId(), pending, localStages(jsc, batches), ExecutorCores.of(jsc), TaskSlots.of(jsc));
        }
        // Widened batches are the costliest, so they stay first in the plan's order (the ETA's).
        List<PlannedRun> order = new ArrayList<>(pending.parameterAveraged());
        batches.forEach(batch -> order.addAll(batch.runs()));
        SweepProgress progress = new SweepProgress(layout.sweepId(), order, TaskSlots.of(jsc), Clock.systemUTC());
        List<RunSummary> trained = new ArrayList<>(trainParameterAveraged(jsc, settings, pending, progress, committer));
        trained.addAll(trainLocal(jsc, settings, batches, progress, committer, conf));
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
                                                           SweepPlan pending, SweepProgress progress,
                                                           RunCommitter committer) {
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
                committer.accept(List.of(summary));
                progress.finished(run.runId(), summary.status(), summary.wallSeconds()).ifPresent(LOG::info);
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
                                               SweepProgress progress, RunCommitter committer, Configuration conf) {
        if (batches.isEmpty()) {
            return List.of();
        }
        RunTask task = new RunTask(settings, conf);
        RunStatusAccumulators statuses = RunStatusAccumulators.register(jsc.sc());
        List<RunSummary> trained = new ArrayList<>();
        for (LocalStage stage : localStages(jsc, batches)) {
            trained.addAll(trainStage(jsc, settings, stage, task, statuses, progress, committer));
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
     * One stage's batches as one Spark job; a listener logs progress as tasks end, and each task's
     * runs are committed as its results arrive.
     */
    private static List<RunSummary> trainStage(JavaSparkContext jsc, SweepSettings settings, LocalStage stage,
                                               RunTask task, RunStatusAccumulators statuses,
                                               SweepProgress progress, RunCommitter committer) {
        List<RunBatch> batches = stage.batches();
        try (SparkStage sparkStage = SparkStage.begin(jsc.sc(), "sweep", settings.layout().sweepId(), stage.key(),
                stage.description())) {
            LOG.info("sweep {}: {}", settings.layout().sweepId(), stage.description());
            SweepProgressListener listener =
                    new SweepProgressListener(sparkStage.groupId(), progress, batches, LOG::info);
            jsc.sc().addSparkListener(listener);
            try {
                // One partition per batch, in plan order: Spark hands partitions to free task slots by index.
                JavaRDD<RunBatch> rdd = jsc.parallelize(batches, batches.size());
                if (stage.profile() != null) {
                    rdd = rdd.withResources(stage.profile());
                }
                List<RunSummary> trained = new ArrayList<>();
                TaskResultStream.forEach(rdd, batch -> statuses.record(task.execute(batch)), results -> {
                    committer.accept(results.stream().flatMap(List::stream).toList());
                    for (List<RunSummary> batch : results) {
                        for (RunSummary run : batch) {
                            progress.finished(run.config().runId(), run.status(),
                                    run.wallSeconds() / batch.size()).ifPresent(LOG::info);
                            trained.add(run);
                        }
                    }
                });
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
