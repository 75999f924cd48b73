package org.aesweep.spec;

import java.io.Serializable;

/**
 * The images a run trains, is selected on and is tested on.
 *
 * @param dataset    "mnist", "fashion-mnist", or the URI of a directory of the four IDX files
 * @param trainLimit 0 for the whole training set, else a seeded subset of that many samples
 * @param testLimit  0 for the whole test set, else a seeded subset of that many samples
 * @param sampling   how the sweep's replicates sample the training set
 * @param validation the samples held out of the (limited) training set for model selection
 */
public record DataSelection(String dataset, int trainLimit, int testLimit, ReplicateSampling sampling,
                            ValidationSize validation) implements Serializable {

    /** No validation split, as every selection had before data.validation existed. */
    public DataSelection(String dataset, int trainLimit, int testLimit, ReplicateSampling sampling) {
        this(dataset, trainLimit, testLimit, sampling, ValidationSize.none());
    }

    public boolean hasValidation() {
        return !validation.isNone();
    }
}
