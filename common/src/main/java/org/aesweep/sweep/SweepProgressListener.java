package org.aesweep.sweep;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import org.aesweep.plan.PlannedRun;
import org.apache.spark.Success$;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerTaskEnd;

/**
 * Reports the local runs of a sweep as their Spark tasks end: a progress line per finished run,
 * and a line when an attempt is lost (an executor died) and Spark retries it. It listens only to
 * the jobs of one job group (see {@link SparkStage}), in which task i trains run i.
 */
public final class SweepProgressListener extends SparkListener {
    private static final String JOB_GROUP_PROPERTY = "spark.jobGroup.id";

    private final String groupId;
    private final SweepProgress progress;
    private final List<PlannedRun> runs;
    private final int firstIndex;
    private final Consumer<String> sink;
    private final Set<Integer> stageIds = ConcurrentHashMap.newKeySet();

    /**
     * @param runs       the runs of the job, task i trains runs.get(i)
     * @param firstIndex the index in {@code progress} of runs.get(0)
     * @param sink       where the lines go (the driver's log)
     */
    public SweepProgressListener(String groupId, SweepProgress progress, List<PlannedRun> runs, int firstIndex,
                                 Consumer<String> sink) {
        this.groupId = groupId;
        this.progress = progress;
        this.runs = List.copyOf(runs);
        this.firstIndex = firstIndex;
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
        if (taskEnd.reason() == Success$.MODULE$) {
            RunStatusAccumulators.statusOf(taskEnd.taskInfo())
                    .flatMap(status -> progress.finished(firstIndex + task, status,
                            taskEnd.taskInfo().duration() / 1000.0))
                    .ifPresent(sink);
        } else {
            sink.accept("run " + runs.get(task).runId() + ": attempt " + taskEnd.taskInfo().attemptNumber()
                    + " on executor " + taskEnd.taskInfo().executorId() + " ended without a result ("
                    + taskEnd.reason().getClass().getSimpleName() + "); Spark retries it");
        }
    }
}
