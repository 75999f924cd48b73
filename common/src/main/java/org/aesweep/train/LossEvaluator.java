package org.aesweep.train;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Scores a run's network on a whole set, as a per-element mean loss over every sample, with the
 * same loss function and conversion as the training loss so the two compare. {@link RunEngine}
 * gives the one for a run's engine.
 */
public interface LossEvaluator {
    /** A set's mean per-element loss of reconstructing itself, and the codes of its rows. */
    record CodedLoss(double loss, INDArray codes) {
    }

    /** Mean loss of reconstructing flat {@code targets} from flat {@code inputs} (one row per sample). */
    double evaluate(INDArray inputs, INDArray targets);

    /** The loss of reconstructing the clean {@code images} from themselves, and their codes. */
    CodedLoss evaluateAndEncode(INDArray images);
}
