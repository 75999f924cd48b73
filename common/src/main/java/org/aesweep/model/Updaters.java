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

    static IUpdater of(OptimizerKind optimizer, double learningRate) {
        return switch (optimizer) {
            case ADAM -> new JvmAdam(learningRate);
            case SGD -> new Sgd(learningRate);
            case NESTEROVS -> new Nesterovs(learningRate, NESTEROV_MOMENTUM);
        };
    }
}
