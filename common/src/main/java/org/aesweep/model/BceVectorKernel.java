package org.aesweep.model;

import static org.aesweep.vector.OffHeapVectors.SPECIES;
import static org.aesweep.vector.OffHeapVectors.WIDTH;
import static org.aesweep.vector.OffHeapVectors.load;
import static org.aesweep.vector.OffHeapVectors.store;

import java.nio.ByteBuffer;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import org.aesweep.vector.KernelThreads;
import org.aesweep.vector.OffHeapVectors;
import org.aesweep.vector.VectorApi;

/**
 * Binary cross-entropy on logits over off-heap float arrays, with the JDK's (incubating) Vector
 * API. libnd4j's {@code sigm_cross_entropy_loss} and {@code sigmoid} took about 2 ms for the 200k
 * elements of a 256 x 784 minibatch, close to half of a 784-32-784 training step; these loops take
 * about a tenth of that.
 *
 * <p>exp and log1p are computed here from additions, multiplications, fused multiply-adds,
 * divisions and bit operations, all exactly rounded, rather than with the Vector API's EXP and
 * LOG1P: those run as SIMD library code once the JIT has compiled a loop but as Math.exp per lane
 * before, and the two differ in the last bits, which made the first run in a JVM train slightly
 * differently from the same run later (test losses apart in the 4th decimal). Each gives the same
 * bits however the loop runs. exp: Cody-Waite reduction by ln 2 and a degree-6 polynomial (the
 * Cephes expf constants), to about 2 ulp; its argument is clamped to [-87.3, 88.3] so results stay
 * normal floats. log1p(e) for e in [0, 1]: 2 atanh(e / (2 + e)) by its series, to about 2 ulp.
 *
 * <p>Only touch this class after {@link VectorApi#available()} said yes: loading it without the
 * {@code jdk.incubator.vector} module fails.
 */
final class BceVectorKernel {
    /** Elements summed in float lanes before the partial sum moves to a double. */
    private static final int BLOCK = 4096;

    private static final float LOG2E = 1.44269504088896341f;
    /** 1.5 * 2^23: adding it rounds a float of magnitude below 2^22 to an integer, kept in the low mantissa bits. */
    private static final float ROUNDER = 12582912f;
    private static final int ROUNDER_BITS = Float.floatToRawIntBits(ROUNDER);
    private static final float LN2_HIGH = 0.693359375f;
    private static final float LN2_LOW = -2.12194440e-4f;
    private static final float[] EXP_POLY = {1.9875691500e-4f, 1.3981999507e-3f, 8.3334519073e-3f,
        4.1665795894e-2f, 1.6666665459e-1f, 5.0000001201e-1f};

    private BceVectorKernel() {
    }

    /** Sum over the first {@code length} elements of the loss, on the task's threads ({@link KernelThreads}). */
    static double lossSum(ByteBuffer logits, ByteBuffer labels, int length) {
        return KernelThreads.split(length, WIDTH, (from, to) -> lossSum(logits, labels, from, to))
                .stream().mapToDouble(Double::doubleValue).sum();
    }

    /**
     * Per-block sums of the loss over {@code segments} consecutive segments of {@code width}
     * elements, segment s belonging to block {@code s % blocks}: the blocks of K fused runs in the
     * rows of a c-order [batch, K*width] output. On the task's threads.
     */
    static double[] blockSums(ByteBuffer logits, ByteBuffer labels, int segments, int width, int blocks) {
        double[] sums = new double[blocks];
        for (double[] part : KernelThreads.split(segments * width, width, (from, to) -> {
            double[] partial = new double[blocks];
            for (int segment = from / width; segment < to / width; segment++) {
                partial[segment % blocks] += lossSum(logits, labels, segment * width, (segment + 1) * width);
            }
            return partial;
        })) {
            for (int k = 0; k < blocks; k++) {
                sums[k] += part[k];
            }
        }
        return sums;
    }

    /** Sum over elements [from, to) of {@code max(z,0) - z*y + log1p(exp(-|z|))}, on this thread. */
    static double lossSum(ByteBuffer logits, ByteBuffer labels, int from, int to) {
        double total = 0;
        for (int start = from; start < to; start += BLOCK) {
            int end = Math.min(to, start + BLOCK);
            FloatVector sum = FloatVector.zero(SPECIES);
            int i = start;
            for (; i + WIDTH <= end; i += WIDTH) {
                sum = sum.add(elementLoss(load(logits, i, WIDTH), load(labels, i, WIDTH)));
            }
            total += sum.reduceLanes(VectorOperators.ADD);
            if (i < end) {
                total += OffHeapVectors.sum(elementLoss(load(logits, i, end - i), load(labels, i, end - i)), end - i);
            }
        }
        return total;
    }

    /** {@code gradient = sigmoid(z) - y} over the first {@code length} elements, on the task's threads. */
    static void sigmoidMinusLabels(ByteBuffer logits, ByteBuffer labels, ByteBuffer gradient, int length) {
        KernelThreads.split(length, WIDTH, (from, to) -> {
            int i = from;
            for (; i + WIDTH <= to; i += WIDTH) {
                store(sigmoidMinus(load(logits, i, WIDTH), load(labels, i, WIDTH)), gradient, i, WIDTH);
            }
            if (i < to) {
                store(sigmoidMinus(load(logits, i, to - i), load(labels, i, to - i)), gradient, i, to - i);
            }
            return to;
        });
    }

    private static FloatVector elementLoss(FloatVector z, FloatVector y) {
        return z.max(0f).sub(z.mul(y)).add(log1pOfUnit(exp(z.abs().neg())));
    }

    private static FloatVector sigmoidMinus(FloatVector z, FloatVector y) {
        return FloatVector.broadcast(SPECIES, 1f).div(exp(z.neg()).add(1f)).sub(y);
    }

    /** e^x per lane, deterministic (see the class comment). */
    static FloatVector exp(FloatVector x) {
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

    /** log(1 + e) per lane for e in [0, 1], as 2 atanh(u) with u = e / (2 + e) in [0, 1/3]. */
    static FloatVector log1pOfUnit(FloatVector e) {
        FloatVector u = e.div(e.add(2f));
        FloatVector u2 = u.mul(u);
        FloatVector series = FloatVector.broadcast(SPECIES, 1f / 15);
        for (int odd = 13; odd >= 1; odd -= 2) {
            series = series.fma(u2, FloatVector.broadcast(SPECIES, 1f / odd));
        }
        return series.mul(u).mul(2f);
    }
}
