package org.aesweep.spec;

import java.util.Locale;

/** How a run is trained: on one executor, or data-parallel over the cluster. */
public enum TrainingMode {
    /** The planner decides by the run's estimated cost against parameter_averaging.cost_threshold. */
    AUTO,
    /** One Spark task trains the run on one executor. */
    LOCAL,
    /** DL4J parameter averaging across the cluster's executors. */
    PARAMETER_AVERAGING;

    public String specName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
