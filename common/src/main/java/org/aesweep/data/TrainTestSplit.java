package org.aesweep.data;

import org.aesweep.spec.InputScaling;

/**
 * Training, validation and test samples of one dataset, all with the same image shape.
 *
 * @param train      the samples a run trains on
 * @param test       the samples it is reported on
 * @param validation the samples held out of the training set for model selection; null when the
 *                   spec asks for no validation split
 */
public record TrainTestSplit(LabeledImages train, LabeledImages test, LabeledImages validation) {

    /** No validation split. */
    public TrainTestSplit(LabeledImages train, LabeledImages test) {
        this(train, test, null);
    }

    public boolean hasValidation() {
        return validation != null;
    }

    /** The same samples with their pixels in {@code scaling}'s range (see {@link LabeledImages#scaled}). */
    public TrainTestSplit scaled(InputScaling scaling) {
        return new TrainTestSplit(train.scaled(scaling), test.scaled(scaling),
                hasValidation() ? validation.scaled(scaling) : null);
    }

    /** The same split with another training set (a replicate's part or resample). */
    public TrainTestSplit withTrain(LabeledImages newTrain) {
        return new TrainTestSplit(newTrain, test, validation);
    }
}
