package org.aesweep.engine.kernels;

import static org.aesweep.engine.kernels.OffHeapVectors.SPECIES;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;

/**
 * exp, sigmoid and tanh per lane, computed from additions, multiplications, fused multiply-adds,
 * divisions and bit operations, all exactly rounded, rather than with the Vector API's EXP: that
 * runs as SIMD library code once the JIT has compiled a loop but as Math.exp per lane before, and
 * the two differ in the last bits, which made the first run in a JVM train slightly differently
 * from the same run later. These give the same bits however the loop runs. exp: Cody-Waite
 * reduction by ln 2 and a degree-6 polynomial (the Cephes expf constants), to about 2 ulp; its
 * argument is clamped to [-87.3, 88.3] so results stay normal floats. Only touch this class after
 * {@link VectorApi#available()} said yes.
 */
public final class VectorMath {
    private static final float LOG2E = 1.44269504088896341f;
    /** 1.5 * 2^23: adding it rounds a float of magnitude below 2^22 to an integer, kept in the low mantissa bits. */
    private static final float ROUNDER = 12582912f;
    private static final int ROUNDER_BITS = Float.floatToRawIntBits(ROUNDER);
    private static final float LN2_HIGH = 0.693359375f;
    private static final float LN2_LOW = -2.12194440e-4f;
    private static final float[] EXP_POLY = {1.9875691500e-4f, 1.3981999507e-3f, 8.3334519073e-3f,
        4.1665795894e-2f, 1.6666665459e-1f, 5.0000001201e-1f};

    private VectorMath() {
    }

    /** e^x per lane, deterministic (see the class comment). */
    public static FloatVector exp(FloatVector x) {
        FloatVector clamped = x.max(-87.3f).min(88.3f);
        FloatVector rounded = clamped.fma(LOG2E, ROUNDER);
        FloatVector n = rounded.sub(ROUNDER);
        IntVector exponent = ((IntVector) rounded.reinterpretAsInts()).sub(ROUNDER_BITS);
        FloatVector r = n.fma(FloatVector.broadcast(SPECIES, -LN2_HIGH), clamped);
        r = n.fma(FloatVector.broadcast(SPECIES, -LN2_LOW), r);
        FloatVector p = FloatVector.broadcast(SPECIES, EXP_POLY[0]);
        for (int k = 1; k < EXP_POLY.length; k++) {
            p = p.fma(r, FloatVector.broadcast(SPECIES, EXP_POLY[k]));
        }
        FloatVector expR = p.mul(r.mul(r)).add(r).add(1f);
        FloatVector twoToN = (FloatVector) exponent.add(127).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
        return expR.mul(twoToN);
    }

    /** 1 / (1 + e^-x) per lane. */
    public static FloatVector sigmoid(FloatVector x) {
        return FloatVector.broadcast(SPECIES, 1f).div(exp(x.neg()).add(1f));
    }

    /** tanh x per lane, as 2 sigmoid(2x) - 1 (absolute error about 1e-7 near 0). */
    public static FloatVector tanh(FloatVector x) {
        return sigmoid(x.mul(2f)).mul(2f).sub(1f);
    }
}
