package org.aesweep.sweep;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.aesweep.plan.PlannedRun;
import org.aesweep.plan.RunBatch;
import org.aesweep.spark.SparkStage;
import org.aesweep.train.RunStatus;
import org.apache.spark.Success$;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerTaskEnd;

/**
 * Reports the local runs of a sweep as their Spark tasks end: a progress line per finished run,
 * and a line when an attempt is lost (an executor died) and Spark retries it. It listens only to
 * the jobs of one job group (see {@link SparkStage}), in which task i trains batch i (one run, or
 * several fused). Within a fused batch it learns how many runs ended how, not which did which; the
 * driver's collected results settle that, and the progress counts are the same either way.
 */
public final class SweepProgressListener extends SparkListener {
    private static final String JOB_GROUP_PROPERTY = "spark.jobGroup.id";

    private final String groupId;
    private final SweepProgress progress;
    private final List<RunBatch> batches;
    private final Consumer<String> sink;
    private final Set<Integer> stageIds = ConcurrentHashMap.newKeySet();

    /**
     * @param batches the batches of the job, task i trains batches.get(i)
     * @param sink    where the lines go (the driver's log)
     */
    public SweepProgressListener(String groupId, SweepProgress progress, List<RunBatch> batches,
                                 Consumer<String> sink) {
        this.groupId = groupId;
        this.progress = progress;
        this.batches = List.copyOf(batches);
        this.sink = sink;
    }

    @Override
    public void onJobStart(SparkListenerJobStart jobStart) {
        if (jobStart.properties() != null && groupId.equals(jobStart.properties().getProperty(JOB_GROUP_PROPERTY))) {
            for (Object stageId : scala.collection.JavaConverters.seqAsJavaList(jobStart.stageIds())) {
                stageIds.add((Integer) stageId);
            }
        }
    }

    @Override
    public void onTaskEnd(SparkListenerTaskEnd taskEnd) {
        if (!stageIds.contains(taskEnd.stageId())) {
            return;
        }
        int task = taskEnd.taskInfo().index();
        RunBatch batch = batches.get(task);
        if (taskEnd.reason() == Success$.MODULE$) {
            List<RunStatus> statuses = RunStatusAccumulators.statusesOf(taskEnd.taskInfo());
            double secondsPerRun = taskEnd.taskInfo().duration() / 1000.0 / batch.size();
            for (int i = 0; i < statuses.size() && i < batch.size(); i++) {
                progress.finished(batch.runs().get(i).runId(), statuses.get(i), secondsPerRun).ifPresent(sink);
            }
        } else {
            String runs = batch.runs().stream().map(PlannedRun::runId).collect(Collectors.joining(", "));
            sink.accept("run(s) " + runs + ": attempt " + taskEnd.taskInfo().attemptNumber()
                    + " on executor " + taskEnd.taskInfo().executorId() + " ended without a result ("
                    + taskEnd.reason().getClass().getSimpleName() + "); Spark retries it");
        }
    }
}
