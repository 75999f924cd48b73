package org.aesweep.spec;

import java.util.Locale;

/** What makes the replicates of a grid point differ, and so what their spread measures. */
public enum ReplicateSplit {
    /** Same training data, different initialisation and minibatch order. */
    SEED,
    /** The training set cut into N disjoint parts, one per replicate (Yang et al. 2020). */
    DISJOINT,
    /** Each replicate draws as many training samples as there are, with replacement. */
    BOOTSTRAP,
    /**
     * D disjoint parts crossed with S seeds, one run per pair, so that the variance over replicates
     * splits into the part from the data sample and the part from initialisation and minibatch
     * order (Neal et al. 2018).
     */
    CROSSED;

    public String specName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
