package org.aesweep.model;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.AdamUpdater;

/**
 * Applies {@link JvmAdam}: copies gradient, m and v off-heap into Java arrays, updates them in one
 * loop with libnd4j's arithmetic (single precision, bias correction folded into the step size),
 * and copies the three back. Arrays that are not contiguous FLOAT (a double-precision gradient
 * check, say) go to ND4J's own updater.
 */
final class JvmAdamUpdater extends AdamUpdater {
    private float[] gradient;
    private float[] m;
    private float[] v;

    JvmAdamUpdater(JvmAdam config) {
        super(config);
    }

    @Override
    public void applyUpdater(INDArray gradientView, int iteration, int epoch) {
        if (getM() == null || getV() == null) {
            throw new IllegalStateException("Adam's state has not been set: call setStateViewArray or setState first");
        }
        if (!FlatFloats.isFlat(gradientView) || !FlatFloats.isFlat(getM()) || !FlatFloats.isFlat(getV())
                || gradientView.length() != getM().length()) {
            super.applyUpdater(gradientView, iteration, epoch);
            return;
        }
        gradient = FlatFloats.read(gradientView, gradient);
        m = FlatFloats.read(getM(), m);
        v = FlatFloats.read(getV(), v);
        step(gradient, m, v, (int) gradientView.length(), iteration, epoch);
        FlatFloats.write(gradient, gradientView);
        FlatFloats.write(m, getM());
        FlatFloats.write(v, getV());
    }

    /** Turns {@code g} into the update and advances m and v, as libnd4j's adam_updater does. */
    private void step(float[] g, float[] m, float[] v, int length, int iteration, int epoch) {
        float beta1 = (float) getConfig().getBeta1();
        float beta2 = (float) getConfig().getBeta2();
        float epsilon = (float) getConfig().getEpsilon();
        if (epsilon == 0f) {
            epsilon = 1e-7f; // as libnd4j: keeps the denominator off zero
        }
        float learningRate = (float) getConfig().getLearningRate(iteration, epoch);
        float beta1T = (float) Math.pow(beta1, iteration + 1);
        float beta2T = (float) Math.pow(beta2, iteration + 1);
        float stepSize = learningRate * (float) Math.sqrt(1.0 - beta2T) / (1f - beta1T);
        if (Float.isNaN(stepSize) || Float.isInfinite(stepSize) || stepSize == 0f) {
            stepSize = epsilon;
        }
        float keep1 = 1f - beta1;
        float keep2 = 1f - beta2;
        for (int i = 0; i < length; i++) {
            float gi = g[i];
            float mi = beta1 * m[i] + gi * keep1;
            float vi = beta2 * v[i] + gi * gi * keep2;
            m[i] = mi;
            v[i] = vi;
            g[i] = mi * stepSize / ((float) Math.sqrt(vi) + epsilon);
        }
    }
}
