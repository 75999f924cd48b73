package org.aesweep.train;

import org.aesweep.spec.RunConfig;

/**
 * The loss that chooses among a run's epochs (early stopping, best epoch): the validation loss
 * when the run holds out a validation split, so the test set is only reported. A run without one
 * never chooses: the spec refuses early stopping without a split, and its best_epoch stays null;
 * TEST serves only the stopping rules' divergence check and tests.
 */
public enum SelectionLoss {
    TEST("test"),
    VALIDATION("validation");

    private final String description;

    SelectionLoss(String description) {
        this.description = description;
    }

    public static SelectionLoss of(RunConfig config) {
        return config.data().hasValidation() ? VALIDATION : TEST;
    }

    public double of(EpochMetrics metrics) {
        return this == VALIDATION ? metrics.validationLoss() : metrics.testLoss();
    }

    /** "test" or "validation", for messages. */
    public String description() {
        return description;
    }
}
