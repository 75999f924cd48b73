package org.aesweep.analysis;

import java.util.List;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The squared-error decomposition of Yang et al. (2020) over N replicates f_i, per element:
 * <pre>
 *   f̄(x)     = mean_i f_i(x)
 *   variance = mean_x (1/N) sum_i ||f_i(x) - f̄(x)||^2 * N/(N-1)     (unbiased over replicates)
 *   risk     = mean_i mean_x ||f_i(x) - x||^2
 *   bias²    = risk - variance
 * </pre>
 */
final class SquaredErrorSums implements RiskSums {
    private final int replicates;
    private double squaredError;
    private double spread;
    private double elements;

    SquaredErrorSums(int replicates) {
        this.replicates = replicates;
    }

    @Override
    public void add(INDArray targets, List<INDArray> reconstructions) {
        INDArray mean = Nd4j.zerosLike(targets);
        for (INDArray reconstruction : reconstructions) {
            squaredError += reconstruction.squaredDistance(targets);
            mean.addi(reconstruction);
        }
        mean.divi(replicates);
        for (INDArray reconstruction : reconstructions) {
            spread += reconstruction.squaredDistance(mean);
        }
        elements += targets.length();
    }

    @Override
    public RiskDecomposition result() {
        double risk = squaredError / (replicates * elements);
        double variance = spread / (replicates * elements) * replicates / (replicates - 1);
        return new RiskDecomposition(DecompositionKind.SQUARED_ERROR, replicates, risk, null, risk - variance,
                variance);
    }
}
