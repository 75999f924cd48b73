package org.aesweep.engine.kernels;

import static org.aesweep.engine.kernels.OffHeapVectors.SPECIES;
import static org.aesweep.engine.kernels.OffHeapVectors.WIDTH;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;

/**
 * Per-image sums of a {@link ConvexPotential} at weighted means of several arrays, in single
 * precision with the JDK's Vector API: for arrays t_r of images laid out one after another
 * ({@code pixels} values each) and weight vectors w_k, sums[k][m] = Σ_p φ(Σ_r w_kr t_r[m, p]).
 * The bootstrap of the bias/variance decomposition needs this for about a thousand weight vectors
 * over the same arrays: images are taken in blocks small enough to stay in cache while every
 * weight vector passes over them, so the arrays are read from memory once, not once per vector.
 * exp and log1p are {@link VectorMath}'s and {@link BceVectorKernel}'s, which give the same bits
 * however the JIT compiled the loop, so a seeded bootstrap repeats exactly.
 *
 * <p>Works on Java arrays, whatever ND4J's backend; only touch this class after
 * {@link VectorApi#moduleAvailable()} said yes.
 */
public final class MixturePotentialKernel {
    /** Bytes of the arrays' values one block of images may take: well inside a core's L2 cache. */
    private static final int BLOCK_BYTES = 192 * 1024;

    private MixturePotentialKernel() {
    }

    /**
     * Fills {@code sums[k][m]} for every weight vector {@code weights[k]} (one weight per array, zeros
     * skipped) and image m, on the task's threads ({@link KernelThreads}).
     *
     * @param arrays one array per replicate, all of the same length, a multiple of {@code pixels}
     */
    public static void imageSums(float[][] arrays, int pixels, float[][] weights, ConvexPotential potential,
                                 double[][] sums) {
        int images = arrays[0].length / pixels;
        int block = Math.max(1, BLOCK_BYTES / (arrays.length * pixels * Float.BYTES));
        int[][] active = new int[weights.length][];
        for (int k = 0; k < weights.length; k++) {
            active[k] = nonZero(weights[k]);
        }
        KernelThreads.split(images * pixels, pixels, (from, to) -> {
            for (int start = from / pixels; start < to / pixels; start += block) {
                int end = Math.min(to / pixels, start + block);
                for (int k = 0; k < weights.length; k++) {
                    for (int m = start; m < end; m++) {
                        sums[k][m] = imageSum(arrays, active[k], weights[k], m * pixels, pixels, potential);
                    }
                }
            }
            return to;
        });
    }

    private static double imageSum(float[][] arrays, int[] active, float[] weights, int offset, int pixels,
                                   ConvexPotential potential) {
        FloatVector total = FloatVector.zero(SPECIES);
        int p = 0;
        for (; p + WIDTH <= pixels; p += WIDTH) {
            FloatVector mean = FloatVector.zero(SPECIES);
            for (int r : active) {
                mean = FloatVector.fromArray(SPECIES, arrays[r], offset + p)
                        .fma(FloatVector.broadcast(SPECIES, weights[r]), mean);
            }
            total = total.add(potential == ConvexPotential.SQUARE ? mean.mul(mean) : softplus(mean));
        }
        double sum = total.reduceLanes(VectorOperators.ADD);
        // Pixels past the last whole vector, one at a time (a partial vector would go through a mask,
        // which JDK 17 compiles badly: see OffHeapVectors).
        for (; p < pixels; p++) {
            float mean = 0;
            for (int r : active) {
                mean = Math.fma(arrays[r][offset + p], weights[r], mean);
            }
            sum += potential.value(mean);
        }
        return sum;
    }

    /** log(1 + e^t) = max(t, 0) + log1p(e^-|t|) per lane. */
    private static FloatVector softplus(FloatVector t) {
        return t.max(0f).add(BceVectorKernel.log1pOfUnit(VectorMath.exp(t.abs().neg())));
    }

    private static int[] nonZero(float[] weights) {
        int count = 0;
        for (float weight : weights) {
            count += weight != 0 ? 1 : 0;
        }
        int[] indices = new int[count];
        for (int r = 0, i = 0; r < weights.length; r++) {
            if (weights[r] != 0) {
                indices[i++] = r;
            }
        }
        return indices;
    }
}
