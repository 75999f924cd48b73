package org.aesweep.spark;

import java.util.ArrayList;
import java.util.List;

import org.aesweep.plan.CoreAllocation;
import org.aesweep.plan.RunBatch;
import org.apache.spark.SparkConf;
import org.apache.spark.resource.ResourceProfile;

/**
 * The Spark jobs that train a sweep's local batches, one after another: first the batches widened
 * to a whole executor (see {@link org.aesweep.plan.CoreAllocation}), then the rest, one task each
 * with the task's ordinary share of cores.
 *
 * <p>The stages never overlap because ND4J's thread counts are per JVM, not per task: a wide task
 * and ordinary ones side by side in one executor would each set them for the other. Where the
 * master supports stage-level scheduling, the wide batches are one job under a
 * {@link WholeExecutorProfile}, and Spark runs them one per executor at a time; in local mode,
 * where it does not, each wide batch is a job of its own, which gives it the single executor.
 *
 * @param profile the wide batches' resource profile; null for the default one
 */
public record LocalStage(String key, String description, List<RunBatch> batches, ResourceProfile profile) {
    public static List<LocalStage> of(List<RunBatch> batches, ExecutorCores cores, SparkConf conf) {
        List<RunBatch> wide = batches.stream().filter(RunBatch::wide).toList();
        List<RunBatch> ordinary = batches.stream().filter(batch -> !batch.wide()).toList();
        List<LocalStage> stages = new ArrayList<>();
        if (!wide.isEmpty() && cores.taskProfiles()) {
            stages.add(new LocalStage("wide-runs", describe(wide, cores.executorCores() + " cores per task"), wide,
                    WholeExecutorProfile.of(conf, cores.executorCores())));
        } else {
            for (int i = 0; i < wide.size(); i++) {
                stages.add(new LocalStage("wide-run-" + (i + 1), describe(List.of(wide.get(i)),
                        wide.get(i).cores() + " cores"), List.of(wide.get(i)), null));
            }
        }
        if (!ordinary.isEmpty()) {
            stages.add(new LocalStage("local-runs", describe(ordinary, cores.taskCpus() + " core(s) per task"),
                    ordinary, null));
        }
        return stages;
    }

    private static String describe(List<RunBatch> batches, String cores) {
        int runs = batches.stream().mapToInt(RunBatch::size).sum();
        return "train " + runs + " local run(s) in " + batches.size() + " task(s), " + cores;
    }
}
