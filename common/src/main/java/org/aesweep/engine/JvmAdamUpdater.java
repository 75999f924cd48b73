package org.aesweep.engine;

import org.aesweep.engine.kernels.AdamCoefficients;
import org.aesweep.engine.kernels.AdamVectorKernel;
import org.aesweep.engine.kernels.FlatFloats;
import org.aesweep.engine.kernels.VectorApi;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.AdamUpdater;

/**
 * Applies {@link JvmAdam} with libnd4j's arithmetic (single precision, bias corrections folded into
 * the step size, see {@link AdamCoefficients}). With the Vector API ({@link VectorApi}) it works on
 * the off-heap arrays in place ({@link AdamVectorKernel}); without it, it copies gradient, m and v
 * into Java arrays, runs one loop the JIT vectorises, and copies them back. Arrays that are not
 * contiguous FLOAT (a double-precision gradient check, say) go to ND4J's own updater.
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
        AdamCoefficients coefficients = AdamCoefficients.of(getConfig(), iteration, epoch);
        int length = (int) gradientView.length();
        if (VectorApi.available()) {
            AdamVectorKernel.step(FlatFloats.bytes(gradientView), FlatFloats.bytes(getM()), FlatFloats.bytes(getV()),
                    length, coefficients);
            return;
        }
        gradient = FlatFloats.read(gradientView, gradient);
        m = FlatFloats.read(getM(), m);
        v = FlatFloats.read(getV(), v);
        step(gradient, m, v, length, coefficients);
        FlatFloats.write(gradient, gradientView);
        FlatFloats.write(m, getM());
        FlatFloats.write(v, getV());
    }

    /** Turns {@code g} into the update and advances m and v, on the Java heap. */
    static void step(float[] g, float[] m, float[] v, int length, AdamCoefficients c) {
        float keep1 = 1f - c.beta1();
        float keep2 = 1f - c.beta2();
        for (int i = 0; i < length; i++) {
            float gi = g[i];
            float mi = c.beta1() * m[i] + gi * keep1;
            float vi = c.beta2() * v[i] + gi * gi * keep2;
            m[i] = mi;
            v[i] = vi;
            g[i] = mi * c.stepSize() / ((float) Math.sqrt(vi) + c.epsilon());
        }
    }
}
