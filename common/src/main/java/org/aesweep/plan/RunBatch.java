package org.aesweep.plan;

import java.io.Serializable;
import java.util.List;

/**
 * The runs one Spark task trains: a single run, or several compatible runs fused into one network
 * (see {@link RunBatches}).
 */
public record RunBatch(List<PlannedRun> runs) implements Serializable {
    public RunBatch {
        runs = List.copyOf(runs);
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("a batch holds at least one run");
        }
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
