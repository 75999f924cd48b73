package org.aesweep.spec;

import java.io.Serializable;

/**
 * How a run trains: for how long, in what minibatches, with which optimiser and loss, and when it stops early.
 *
 * @param stopping divergence and early-stopping rules
 */
public record TrainingRecipe(int epochs, int batchSize, OptimizerKind optimizer, double learningRate, LossKind loss,
                             StoppingSpec stopping) implements Serializable {
    /** The same recipe for a different number of epochs (the planner's speed probes train a few). */
    public TrainingRecipe withEpochs(int newEpochs) {
        return new TrainingRecipe(newEpochs, batchSize, optimizer, learningRate, loss, stopping);
    }
}
