package org.aesweep.analysis;

import java.io.Serializable;
import java.util.List;

import org.aesweep.model.Autoencoder;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The bias/variance decomposition of Yang et al. (2020) over the replicates of one grid point,
 * with squared error on reconstructions of the clean test set x, as per-element means:
 * <pre>
 *   f̄(x)     = mean_i f_i(x)
 *   variance = mean_x (1/N) sum_i ||f_i(x) - f̄(x)||^2 * N/(N-1)     (unbiased over replicates)
 *   risk     = mean_i mean_x ||f_i(x) - x||^2
 *   bias²    = risk - variance
 * </pre>
 * Reconstructions are made chunk by chunk, so memory stays at N chunks whatever the test set size.
 */
public final class ReconstructionSpread {
    private static final int CHUNK = 1000;

    /** Per-element mean squared errors; bias² may come out slightly negative by sampling noise. */
    public record Decomposition(int replicates, double risk, double biasSquared, double variance)
            implements Serializable {
    }

    private ReconstructionSpread() {
    }

    public static Decomposition decompose(List<Autoencoder> replicates, INDArray cleanTest) {
        int n = replicates.size();
        if (n < 2) {
            throw new IllegalArgumentException("variance over replicates needs at least 2, got " + n);
        }
        double squaredError = 0;
        double spread = 0;
        for (long start = 0; start < cleanTest.rows(); start += CHUNK) {
            long end = Math.min(cleanTest.rows(), start + CHUNK);
            INDArray x = cleanTest.get(NDArrayIndex.interval(start, end), NDArrayIndex.all()).castTo(DataType.DOUBLE);
            INDArray[] reconstructions = new INDArray[n];
            INDArray mean = Nd4j.zerosLike(x);
            for (int i = 0; i < n; i++) {
                reconstructions[i] = replicates.get(i).reconstruct(x.castTo(DataType.FLOAT)).castTo(DataType.DOUBLE);
                squaredError += reconstructions[i].squaredDistance(x);
                mean.addi(reconstructions[i]);
            }
            mean.divi(n);
            for (INDArray reconstruction : reconstructions) {
                spread += reconstruction.squaredDistance(mean);
            }
        }
        double elements = (double) cleanTest.rows() * cleanTest.columns();
        double risk = squaredError / (n * elements);
        double variance = spread / (n * elements) * n / (n - 1);
        return new Decomposition(n, risk, risk - variance, variance);
    }
}
