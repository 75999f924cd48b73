package org.aesweep.train;

import org.aesweep.spec.RunConfig;

/**
 * The loss that chooses among a run's epochs (early stopping, best epoch): the validation loss
 * when the run holds out a validation split, so the test set is only reported. Runs without one
 * (specs from before data.validation) keep choosing on the test loss, as they did.
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
