package org.aesweep.model;

import org.aesweep.engine.ReconstructionLoss;
import org.aesweep.spec.RunConfig;

/**
 * How many per-element losses one example's DL4J score adds up, for the network a run config
 * names. The studies train on the per-element mean loss (Keras and PyTorch convention); DL4J's
 * score, and so its gradient, is that mean times this count:
 * <ul>
 *   <li>a dense net's output layer scores an image as one example, BCE summed over its outputs and
 *       MSE already averaged over them;</li>
 *   <li>the conv net's CNN loss layer scores every pixel as an example of one channel, summed per image;</li>
 *   <li>the LSTM's output layer scores each of the image's rows (time steps) over its cols outputs
 *       and sums the steps.</li>
 * </ul>
 * Models divide scores by it ({@link Autoencoder#perElementLoss}); the factory divides plain SGD
 * learning rates by it and the sparse penalty is multiplied by it, so a spec's learning rate and
 * L1 weight mean what they mean in the study's Keras code.
 */
final class ScoreScale {
    private ScoreScale() {
    }

    static double elementsPerScore(RunConfig config, int rows, int cols) {
        ReconstructionLoss loss = Losses.of(config.recipe().loss());
        return switch (config.architecture().kind()) {
            case LINEAR, SHALLOW, DEEP, SPARSE -> 1.0 / loss.perElementFactor(rows * cols);
            case CONV -> rows * cols / loss.perElementFactor(1);
            case LSTM -> rows / loss.perElementFactor(cols);
        };
    }
}
