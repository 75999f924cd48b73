package org.aesweep.analysis;

import java.util.List;
import java.util.stream.IntStream;

import org.aesweep.engine.kernels.ConvexPotential;
import org.aesweep.engine.kernels.MixturePotentialKernel;
import org.aesweep.engine.kernels.VectorApi;

/**
 * The part of a Jensen gap that needs every pixel: per image, the potential at a mean of
 * replicates summed over the image's pixels. A mean is given by counts over the replicates (a
 * replicate drawn twice counts 2), its weights count / total.
 */
final class PotentialAtMeans {
    private PotentialAtMeans() {
    }

    /**
     * In double precision, each mean computed as Σ c_r t_r / Σ c_r, so the mean of equal values is
     * exactly that value (and identical replicates have a gap of exactly 0). For point estimates.
     *
     * @return [mean][image]
     */
    static double[][] exact(ReplicateParameters replicates, List<int[]> means) {
        float[][] parameters = replicates.parameters();
        int pixels = replicates.pixels();
        ConvexPotential potential = replicates.potential();
        double[][] sums = new double[means.size()][replicates.images()];
        for (int k = 0; k < means.size(); k++) {
            int[] counts = means.get(k);
            int[] active = drawn(counts);
            double total = 0;
            for (int r : active) {
                total += counts[r];
            }
            for (int m = 0; m < replicates.images(); m++) {
                double sum = 0;
                for (int p = m * pixels; p < (m + 1) * pixels; p++) {
                    double weighted = 0;
                    for (int r : active) {
                        weighted += counts[r] * (double) parameters[r][p];
                    }
                    sum += potential.value(weighted / total);
                }
                sums[k][m] = sum;
            }
        }
        return sums;
    }

    /**
     * In single precision with the Vector API ({@link MixturePotentialKernel}), many means in one
     * pass over the parameters; for bootstrap draws, where float rounding (about 1e-6 of a gap) is far
     * below the resampling spread. Without the Vector API module, the exact sums.
     *
     * @return [mean][image]
     */
    static double[][] fast(ReplicateParameters replicates, List<int[]> means) {
        if (!VectorApi.moduleAvailable()) {
            return exact(replicates, means);
        }
        float[][] weights = new float[means.size()][];
        for (int k = 0; k < means.size(); k++) {
            int[] counts = means.get(k);
            int total = 0;
            for (int count : counts) {
                total += count;
            }
            weights[k] = new float[counts.length];
            for (int r = 0; r < counts.length; r++) {
                weights[k][r] = (float) counts[r] / total;
            }
        }
        double[][] sums = new double[means.size()][replicates.images()];
        MixturePotentialKernel.imageSums(replicates.parameters(), replicates.pixels(), weights,
                replicates.potential(), sums);
        return sums;
    }

    /** The replicates with a non-zero count. */
    private static int[] drawn(int[] counts) {
        return IntStream.range(0, counts.length).filter(r -> counts[r] != 0).toArray();
    }
}
