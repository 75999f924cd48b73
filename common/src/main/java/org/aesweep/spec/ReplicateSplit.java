package org.aesweep.spec;

import java.util.Locale;

/** What makes the replicates of a grid point differ, and so what their spread measures. */
public enum ReplicateSplit {
    /** Same training data, different initialisation and minibatch order. */
    SEED,
    /** The training set cut into N disjoint parts, one per replicate (Yang et al. 2020). */
    DISJOINT,
    /** Each replicate draws as many training samples as there are, with replacement. */
    BOOTSTRAP;

    public String specName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
