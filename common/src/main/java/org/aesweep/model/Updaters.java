package org.aesweep.model;

import org.aesweep.engine.JvmAdam;
import org.aesweep.spec.OptimizerKind;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.config.Sgd;

/**
 * The DL4J updater for a spec's optimizer; Adam and Nesterov keep their usual defaults. Adam is
 * {@link JvmAdam}, ND4J's Adam computed in the JVM, which is many times faster on CPU.
 */
final class Updaters {
    private static final double NESTEROV_MOMENTUM = 0.9;

    private Updaters() {
    }

    /**
     * @param elementsPerScore how many per-element losses the network's score sums ({@link ScoreScale}):
     *                         SGD and Nesterov steps grow with the gradient, so their rate is divided
     *                         by it to step as they would on the per-element mean the spec's rate is
     *                         meant for; Adam's steps do not depend on the gradient's scale
     */
    static IUpdater of(OptimizerKind optimizer, double learningRate, double elementsPerScore) {
        return switch (optimizer) {
            case ADAM -> new JvmAdam(learningRate);
            case SGD -> new Sgd(learningRate / elementsPerScore);
            case NESTEROVS -> new Nesterovs(learningRate / elementsPerScore, NESTEROV_MOMENTUM);
        };
    }
}
