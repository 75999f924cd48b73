package org.aesweep.engine.kernels;

import static org.aesweep.engine.kernels.OffHeapVectors.SPECIES;
import static org.aesweep.engine.kernels.OffHeapVectors.WIDTH;
import static org.aesweep.engine.kernels.OffHeapVectors.load;
import static org.aesweep.engine.kernels.OffHeapVectors.store;

import java.nio.ByteBuffer;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;

/**
 * Binary cross-entropy on logits over off-heap float arrays, with the JDK's (incubating) Vector
 * API. libnd4j's {@code sigm_cross_entropy_loss} and {@code sigmoid} made the loss close to half of
 * a small dense net's training step; these loops take about a tenth of their time (figures in
 * docs/performance.md).
 *
 * <p>exp comes from {@link VectorMath} and log1p is computed here, both from exactly rounded
 * operations rather than the Vector API's EXP and LOG1P, whose compiled and interpreted forms
 * differ in the last bits (the first run in a JVM trained slightly differently from the same run
 * later). log1p(e) for e in [0, 1]: 2 atanh(e / (2 + e)) by its series, to about 2 ulp.
 *
 * <p>Only touch this class after {@link VectorApi#available()} said yes: loading it without the
 * {@code jdk.incubator.vector} module fails.
 */
public final class BceVectorKernel {
    /** Elements summed in float lanes before the partial sum moves to a double. */
    private static final int BLOCK = 4096;

    private BceVectorKernel() {
    }

    /** Sum over the first {@code length} elements of the loss, on the task's threads ({@link KernelThreads}). */
    public static double lossSum(ByteBuffer logits, ByteBuffer labels, int length) {
        return KernelThreads.split(length, WIDTH, (from, to) -> lossSum(logits, labels, from, to))
                .stream().mapToDouble(Double::doubleValue).sum();
    }

    /**
     * Per-block sums of the loss over {@code segments} consecutive segments of {@code width}
     * elements, segment s belonging to block {@code s % blocks}: the blocks of K fused runs in the
     * rows of a c-order [batch, K*width] output. On the task's threads.
     */
    public static double[] blockSums(ByteBuffer logits, ByteBuffer labels, int segments, int width, int blocks) {
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
    public static double lossSum(ByteBuffer logits, ByteBuffer labels, int from, int to) {
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
    public static void sigmoidMinusLabels(ByteBuffer logits, ByteBuffer labels, ByteBuffer gradient, int length) {
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
        return z.max(0f).sub(z.mul(y)).add(log1pOfUnit(VectorMath.exp(z.abs().neg())));
    }

    private static FloatVector sigmoidMinus(FloatVector z, FloatVector y) {
        return VectorMath.sigmoid(z).sub(y);
    }

    /** log(1 + e) per lane for e in [0, 1], as 2 atanh(u) with u = e / (2 + e) in [0, 1/3]. */
    public static FloatVector log1pOfUnit(FloatVector e) {
        FloatVector u = e.div(e.add(2f));
        FloatVector u2 = u.mul(u);
        FloatVector series = FloatVector.broadcast(SPECIES, 1f / 15);
        for (int odd = 13; odd >= 1; odd -= 2) {
            series = series.fma(u2, FloatVector.broadcast(SPECIES, 1f / odd));
        }
        return series.mul(u).mul(2f);
    }
}
