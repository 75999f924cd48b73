package org.aesweep.train;

import java.util.List;

import org.aesweep.model.Autoencoder;

/**
 * The outcome of training one run on one JVM.
 *
 * @param fullTrainLoss the final model's loss on the whole clean training set; NaN if it diverged
 * @param message       why the run stopped early; null for runs that finished
 */
public record TrainedRun(Autoencoder model, List<EpochMetrics> epochs, RunStatus status, String message,
                         double fullTrainLoss) {

    public TrainedRun {
        epochs = List.copyOf(epochs);
    }

    public EpochMetrics lastEpoch() {
        return epochs.isEmpty() ? null : epochs.get(epochs.size() - 1);
    }

    /** 1-based epoch with the lowest test loss, or 0 when no epoch finished. */
    public int bestEpoch() {
        int best = 0;
        double bestLoss = Double.POSITIVE_INFINITY;
        for (EpochMetrics metrics : epochs) {
            if (metrics.testLoss() < bestLoss) {
                bestLoss = metrics.testLoss();
                best = metrics.epoch();
            }
        }
        return best;
    }
}
