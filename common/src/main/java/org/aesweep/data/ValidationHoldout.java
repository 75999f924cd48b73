package org.aesweep.data;

import org.aesweep.spec.RunConfig;

/**
 * Carves a run's validation samples out of the (limited) training set. Seeded with the data seed,
 * not the replicate's, so every run of a sweep is selected on the same images and a replicate
 * split afterwards only cuts what is left for training.
 */
public final class ValidationHoldout {
    /** Keeps this draw apart from the train/test subsets (the data seed itself) and the replicate splits. */
    private static final long SEED_OFFSET = 0x5EED_0004L;

    private ValidationHoldout() {
    }

    /** {@code data} unchanged when the run has no validation split. */
    public static TrainTestSplit apply(TrainTestSplit data, RunConfig config) {
        if (!config.data().hasValidation()) {
            return data;
        }
        int held = config.data().validation().samples(data.train().count());
        LabeledImages.Cut cut = data.train().holdOut(held, config.dataSeed() + SEED_OFFSET);
        return new TrainTestSplit(cut.kept(), data.test(), cut.held());
    }
}
