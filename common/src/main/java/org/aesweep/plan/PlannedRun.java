package org.aesweep.plan;

import java.io.Serializable;

import org.aesweep.spec.RunConfig;
import org.aesweep.spec.TrainingMode;

/**
 * A run with the planner's decisions: how it trains and what it was estimated to cost.
 *
 * @param mode          LOCAL or PARAMETER_AVERAGING, never AUTO
 * @param estimatedCost multiply-accumulates to train it (see RunCostModel); NaN when not estimated
 */
public record PlannedRun(RunConfig config, TrainingMode mode, double estimatedCost) implements Serializable {
    public PlannedRun {
        if (mode == TrainingMode.AUTO) {
            throw new IllegalArgumentException("a planned run has a definite training mode");
        }
    }

    public static PlannedRun local(RunConfig config) {
        return new PlannedRun(config, TrainingMode.LOCAL, Double.NaN);
    }

    public String runId() {
        return config.runId();
    }
}
