package org.aesweep.spec;

import java.io.Serializable;

/**
 * How the replicates of a grid point sample the training set, and which seed each trains with.
 *
 * @param split      seed, disjoint, bootstrap or crossed
 * @param replicates how many replicates the grid point has
 * @param dataSplits how many disjoint parts the training set is cut into: the replicates for a
 *                   disjoint split, D for a crossed one (replicates = D x seeds), 1 otherwise
 */
public record ReplicateSampling(ReplicateSplit split, int replicates, int dataSplits) implements Serializable {
    public ReplicateSampling {
        if (replicates < 1) {
            throw new IllegalArgumentException("replicates must be >= 1, got " + replicates);
        }
        int expectedSplits = switch (split) {
            case SEED, BOOTSTRAP -> 1;
            case DISJOINT -> replicates;
            case CROSSED -> dataSplits;
        };
        if (dataSplits != expectedSplits || dataSplits < 1 || replicates % dataSplits != 0) {
            throw new IllegalArgumentException("a " + split.specName() + " split of " + replicates
                    + " replicates cannot have " + dataSplits + " data splits");
        }
    }

    /** Seed, disjoint and bootstrap splits, whose data splits follow from the replicates. */
    public ReplicateSampling(ReplicateSplit split, int replicates) {
        this(split, replicates, split == ReplicateSplit.DISJOINT ? replicates : 1);
    }

    /** Replicates that differ only by seed: the training set every run sees is the same. */
    public static ReplicateSampling seeds(int replicates) {
        return new ReplicateSampling(ReplicateSplit.SEED, replicates);
    }

    /** {@code dataSplits} disjoint parts, each trained with {@code seeds} seeds shared by all parts. */
    public static ReplicateSampling crossed(int dataSplits, int seeds) {
        return new ReplicateSampling(ReplicateSplit.CROSSED, dataSplits * seeds, dataSplits);
    }

    public boolean sharesTrainingData() {
        return split == ReplicateSplit.SEED;
    }

    /** Whether the training set is cut into disjoint parts (disjoint and crossed splits). */
    public boolean cutsTrainingData() {
        return split == ReplicateSplit.DISJOINT || split == ReplicateSplit.CROSSED;
    }

    /** How many seeds each data split trains with: replicates / dataSplits. */
    public int seedsPerSplit() {
        return replicates / dataSplits;
    }

    /** The part of the training set that {@code replicate} trains on (0 when nothing is cut). */
    public int dataSplitOf(int replicate) {
        return replicate % dataSplits;
    }

    /**
     * Which seed {@code replicate} trains with. Crossed replicates of one seed index share it across
     * data splits; every other split gives each replicate its own.
     */
    public int seedIndexOf(int replicate) {
        return split == ReplicateSplit.CROSSED ? replicate / dataSplits : replicate;
    }

    /** About how many of {@code trainSamples} training images one replicate sees. */
    public long samplesPerReplicate(long trainSamples) {
        return cutsTrainingData() ? trainSamples / dataSplits : trainSamples;
    }
}
