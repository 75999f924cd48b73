package org.aesweep.plan;

import java.io.Serializable;
import java.util.List;

/**
 * The runs one Spark task trains: a single run, or several compatible runs fused into one network
 * (see {@link RunBatches}), and the cores the task trains them with.
 *
 * @param cores the cores reserved for the batch's task, all of an executor's for a batch that
 *              {@link CoreAllocation} widened; 0 for the task's ordinary share (spark.task.cpus)
 */
public record RunBatch(List<PlannedRun> runs, int cores) implements Serializable {
    public RunBatch {
        runs = List.copyOf(runs);
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("a batch holds at least one run");
        }
        if (cores < 0) {
            throw new IllegalArgumentException("a batch's cores are 0 (the task's share) or more, got " + cores);
        }
    }

    /** A batch that trains with its task's ordinary share of cores. */
    public RunBatch(List<PlannedRun> runs) {
        this(runs, 0);
    }

    public RunBatch withCores(int cores) {
        return new RunBatch(runs, cores);
    }

    /** Whether the batch's task holds more cores than an ordinary task, i.e. a whole executor. */
    public boolean wide() {
        return cores > 0;
    }

    public boolean fused() {
        return runs.size() > 1;
    }

    public int size() {
        return runs.size();
    }

    /** The planner's estimate for all its runs together; NaN when a run has none. */
    public double estimatedCost() {
        return runs.stream().mapToDouble(PlannedRun::estimatedCost).sum();
    }
}
