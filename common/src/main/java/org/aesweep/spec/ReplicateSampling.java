package org.aesweep.spec;

import java.io.Serializable;

/**
 * How the replicates of a grid point sample the training set.
 *
 * @param split      seed, disjoint or bootstrap
 * @param replicates how many replicates the grid point has (the N of a disjoint split)
 */
public record ReplicateSampling(ReplicateSplit split, int replicates) implements Serializable {
    public ReplicateSampling {
        if (replicates < 1) {
            throw new IllegalArgumentException("replicates must be >= 1, got " + replicates);
        }
    }

    /** Replicates that differ only by seed: the training set every run sees is the same. */
    public static ReplicateSampling seeds(int replicates) {
        return new ReplicateSampling(ReplicateSplit.SEED, replicates);
    }

    public boolean sharesTrainingData() {
        return split == ReplicateSplit.SEED;
    }

    /** About how many of {@code trainSamples} training images one replicate sees. */
    public long samplesPerReplicate(long trainSamples) {
        return split == ReplicateSplit.DISJOINT ? trainSamples / replicates : trainSamples;
    }
}
