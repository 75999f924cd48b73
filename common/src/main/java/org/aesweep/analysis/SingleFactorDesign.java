package org.aesweep.analysis;

import java.util.List;

/**
 * N replicates that differ by one factor drawn independently for each (seed, disjoint or bootstrap
 * splits). Per element, the plug-in variance is the Jensen gap mean_i φ(t_i) − φ(mean_i t_i), and
 * variance = N/(N − 1) × plug-in: unbiased for squared error (the sample variance), unbiased to
 * second order for the Bernoulli KL (to second order the gap is the same quadratic form in the
 * logits' deviations, weighted by the Bernoulli variance: the delta method). A bootstrap draw
 * resamples the replicates; on a draw that repeats some, the weights w_i = count_i / N make the
 * gap Σ w_i φ(t_i) − φ(Σ w_i t_i), and the correction 1 / (1 − Σ w_i²)
 * ({@link ReplicateDesign#squaredWeights}), which is N/(N − 1) when each is drawn once.
 */
record SingleFactorDesign(int replicates) implements ReplicateDesign {
    private static final int RISK = 0;
    private static final int NOISE = 1;
    private static final int PLUG_IN = 2;

    SingleFactorDesign {
        if (replicates < 2) {
            throw new IllegalArgumentException("variance over replicates needs at least 2, got " + replicates);
        }
    }

    @Override
    public int units() {
        return replicates;
    }

    @Override
    public String unitName() {
        return "replicates";
    }

    @Override
    public List<int[]> fixedMeans() {
        return List.of();
    }

    @Override
    public List<int[]> drawnMeans(int[] unitCounts) {
        return List.of(unitCounts.clone());
    }

    @Override
    public double[][] imageStatistics(int[] unitCounts, ReplicateParameters replicates, double[][] fixedSums,
                                      double[][] drawnSums) {
        int images = replicates.images();
        double[][] statistics = new double[3][images];
        for (int m = 0; m < images; m++) {
            double loss = 0;
            double potential = 0;
            for (int r = 0; r < this.replicates; r++) {
                if (unitCounts[r] != 0) {
                    loss += unitCounts[r] * replicates.lossSum(r, m);
                    potential += unitCounts[r] * replicates.potentialSum(r, m);
                }
            }
            statistics[RISK][m] = loss / this.replicates;
            statistics[NOISE][m] = replicates.noiseSum(m);
            statistics[PLUG_IN][m] = potential / this.replicates - drawnSums[0][m];
        }
        return statistics;
    }

    @Override
    public Estimates estimates(double[] means, int[] unitCounts, DecompositionKind kind) {
        double variance = means[PLUG_IN] / (1 - ReplicateDesign.squaredWeights(unitCounts));
        return new Estimates(means[RISK], kind.hasNoise() ? means[NOISE] : null,
                means[RISK] - means[NOISE] - variance, variance, null, null);
    }
}
