package org.aesweep.engine;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.Adam;

import java.util.Map;

/**
 * ND4J's Adam, with the update computed by a JVM loop instead of libnd4j's {@code adam_updater}.
 * On the contiguous views DL4J hands an updater, that op falls back to per-element index
 * arithmetic, which made the update a large share of a small dense net's training step; a flat
 * vectorised loop over the same memory is an order of magnitude cheaper (figures in
 * docs/performance.md). Same formula, same state layout (first half m, second half v of the state view), so
 * models, saved updater state and parameter averaging are unaffected; it serialises as its own
 * class with Adam's fields.
 */
public final class JvmAdam extends Adam {
    private static final long serialVersionUID = 1L;

    /** For JSON deserialisation. */
    public JvmAdam() {
    }

    public JvmAdam(double learningRate) {
        super(learningRate);
    }

    @Override
    public GradientUpdater instantiate(INDArray viewArray, boolean initializeViewArray) {
        JvmAdamUpdater updater = new JvmAdamUpdater(this);
        long[] gradientShape = viewArray.shape().clone();
        gradientShape[gradientShape.length - 1] /= 2;
        updater.setStateViewArray(viewArray, gradientShape, viewArray.ordering(), initializeViewArray);
        return updater;
    }

    @Override
    public GradientUpdater instantiate(Map<String, INDArray> updaterState, boolean initializeStateArrays) {
        JvmAdamUpdater updater = new JvmAdamUpdater(this);
        updater.setState(updaterState, initializeStateArrays);
        return updater;
    }

    @Override
    public JvmAdam clone() {
        JvmAdam copy = new JvmAdam(getLearningRate());
        copy.setLearningRateSchedule(getLearningRateSchedule() == null ? null : getLearningRateSchedule().clone());
        copy.setBeta1(getBeta1());
        copy.setBeta2(getBeta2());
        copy.setEpsilon(getEpsilon());
        return copy;
    }

    @Override
    public String toString() {
        return "JvmAdam(" + super.toString() + ")";
    }
}
