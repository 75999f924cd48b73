package org.aesweep.train;

import java.io.Serializable;

/**
 * What one epoch of a run measured. Losses are per-element means.
 *
 * @param validationLoss    clean validation inputs against themselves; NaN for runs without a validation split
 * @param denoisingTestLoss noisy test inputs against clean targets; NaN for runs without noise
 * @param seconds           training time of the epoch; evaluation is not included
 * @param evaluationSeconds time of the epoch's evaluation on the test set
 */
public record EpochMetrics(int epoch, double trainLoss, double testLoss, double validationLoss,
                           double denoisingTestLoss, double seconds, double samplesPerSecond,
                           double evaluationSeconds) implements Serializable {

    /** An epoch of a run without a validation split. */
    public EpochMetrics(int epoch, double trainLoss, double testLoss, double denoisingTestLoss, double seconds,
                        double samplesPerSecond, double evaluationSeconds) {
        this(epoch, trainLoss, testLoss, Double.NaN, denoisingTestLoss, seconds, samplesPerSecond, evaluationSeconds);
    }
}
