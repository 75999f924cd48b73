package org.aesweep.train;

import java.util.List;

import org.aesweep.model.Autoencoder;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The outcome of training one run on one JVM.
 *
 * @param message       why the run stopped early; null for runs that finished
 * @param fullTrainLoss the final model's loss on the whole clean training set; NaN unless the run finished
 * @param trainCodes    the final model's codes of the clean training set, from the same pass; null
 *                      unless the run finished
 */
public record TrainedRun(Autoencoder model, List<EpochMetrics> epochs, RunStatus status, String message,
                         double fullTrainLoss, INDArray trainCodes) {

    public TrainedRun {
        epochs = List.copyOf(epochs);
    }

    /** A run that finished (stopping early counts), with its final model's loss and codes of the training set. */
    public static TrainedRun finished(Autoencoder model, List<EpochMetrics> epochs, String message,
                                      LossEvaluator.CodedLoss onTrainingSet) {
        return new TrainedRun(model, epochs, RunStatus.OK, message, onTrainingSet.loss(), onTrainingSet.codes());
    }

    /** A run that did not finish: it diverged or failed; {@code model} may be null. */
    public static TrainedRun unfinished(Autoencoder model, List<EpochMetrics> epochs, RunStatus status,
                                        String message) {
        return new TrainedRun(model, epochs, status, message, Double.NaN, null);
    }

    public EpochMetrics lastEpoch() {
        return epochs.isEmpty() ? null : epochs.get(epochs.size() - 1);
    }

    /** 1-based epoch with the lowest {@code selection} loss, or 0 when no epoch finished. */
    public int bestEpoch(SelectionLoss selection) {
        return StoppingRules.bestEpoch(epochs, selection);
    }
}
