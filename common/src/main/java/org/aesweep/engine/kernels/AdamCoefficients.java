package org.aesweep.engine.kernels;

import org.nd4j.linalg.learning.config.Adam;

/**
 * The single-precision constants of one Adam step, computed as libnd4j's {@code adam_updater}
 * computes them: the moment decays, epsilon (1e-7 where the config says 0, to keep the
 * denominator off zero) and the step size with both bias corrections folded in (epsilon itself
 * where that is not a positive finite number).
 */
public record AdamCoefficients(float beta1, float beta2, float epsilon, float stepSize) {

    public static AdamCoefficients of(Adam config, int iteration, int epoch) {
        float beta1 = (float) config.getBeta1();
        float beta2 = (float) config.getBeta2();
        float epsilon = config.getEpsilon() == 0 ? 1e-7f : (float) config.getEpsilon();
        float learningRate = (float) config.getLearningRate(iteration, epoch);
        float beta1T = (float) Math.pow(beta1, iteration + 1);
        float beta2T = (float) Math.pow(beta2, iteration + 1);
        float stepSize = learningRate * (float) Math.sqrt(1.0 - beta2T) / (1f - beta1T);
        if (Float.isNaN(stepSize) || Float.isInfinite(stepSize) || stepSize == 0f) {
            stepSize = epsilon;
        }
        return new AdamCoefficients(beta1, beta2, epsilon, stepSize);
    }
}
