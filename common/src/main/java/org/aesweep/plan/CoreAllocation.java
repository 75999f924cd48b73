package org.aesweep.plan;

import java.util.ArrayList;
import java.util.List;

/**
 * Decides which batches train with all of an executor's cores instead of one task's share.
 *
 * <p>One core per run keeps every core busy as long as there are more runs than task slots, and
 * costs nothing in parallel efficiency. It leaves cores idle when a run is so large that the rest
 * of the sweep finishes before it: a lone run on a two-core executor, or a conv run among dense
 * ones. A batch is widened when its estimated cost exceeds the sweep's average load per task slot
 * ({@code total cost / task slots}), i.e. when it would still be running, alone on its core, after
 * the other slots ran out of work. Several runs of equal cost therefore stay side by side, one
 * core each, and a lone run gets the whole executor.
 */
public final class CoreAllocation {
    private CoreAllocation() {
    }

    /**
     * @param batches       the local batches, with the planner's cost estimates
     * @param taskSlots     how many ordinary tasks the cluster runs at once
     * @param executorCores cores of one executor; 0 when unknown
     * @param taskCpus      cores of an ordinary task (spark.task.cpus)
     * @return the same batches in the same order, the widened ones with {@code executorCores} cores
     */
    public static List<RunBatch> allocate(List<RunBatch> batches, int taskSlots, int executorCores, int taskCpus) {
        if (executorCores <= taskCpus || batches.isEmpty()) {
            return batches;
        }
        double total = 0;
        for (RunBatch batch : batches) {
            double cost = batch.estimatedCost();
            if (!Double.isFinite(cost)) {
                // Without estimates nothing tells a straggler from the rest.
                return batches;
            }
            total += cost;
        }
        double averageLoadPerSlot = total / Math.max(1, taskSlots);
        List<RunBatch> allocated = new ArrayList<>(batches.size());
        for (RunBatch batch : batches) {
            allocated.add(batch.estimatedCost() > averageLoadPerSlot ? batch.withCores(executorCores) : batch);
        }
        return allocated;
    }
}
