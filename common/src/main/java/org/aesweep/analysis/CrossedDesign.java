package org.aesweep.analysis;

import java.util.ArrayList;
import java.util.List;

/**
 * D data splits crossed with S seeds, one replicate per cell; the seed of index s is the same on
 * every split. Per element, with t_ds the cell's parameters, t̄_d the mean over seeds on split d, t̄_s
 * the mean over splits for seed s and t̄ the grand mean, three Jensen gaps of the potential φ:
 * <pre>
 *   W = mean_d [mean_s φ(t_ds) − φ(t̄_d)]    within splits
 *   B = mean_d φ(t̄_d) − φ(t̄)                between splits       (W + B = the plug-in variance of all cells)
 *   C = mean_s φ(t̄_s) − φ(t̄)                between seeds
 * </pre>
 * For φ = t² these are the two-way ANOVA's sums of squares over DS: SS_A = DS·B, SS_B = DS·C,
 * SS_AB = DS·(W − C), with mean squares MS_A = SS_A / (D − 1), MS_B = SS_B / (S − 1), MS_AB =
 * SS_AB / ((D − 1)(S − 1)). The random-effects model t_ds = μ + a_d + b_s + e_ds gives, by the
 * method of moments (Neal et al. 2018 split variance this way, by the law of total variance):
 * <pre>
 *   σ²_a = (MS_A − MS_AB) / S     varianceData: the spread of the splits' expected predictions
 *   σ²_b = (MS_B − MS_AB) / D
 *   σ²_ab = MS_AB
 *   varianceInit = σ²_b + σ²_ab   the expected spread over seeds on one split, E_D Var_S
 *   variance = varianceData + varianceInit
 * </pre>
 * exactly unbiased for squared error in this balanced design, and unbiased to second order for the
 * Bernoulli KL (delta method). Negative estimates are kept as they are, not clipped to 0: clipping
 * would bias them upwards. A bootstrap draw resamples whole data splits, each with all its seeds:
 * resampling two or three seeds would be degenerate, so the seed factor's own sampling uncertainty
 * is not in the intervals. A draw that repeats splits weighs split d by v_d = count_d / D in every
 * mean over splits; with q = Σ v_d² ({@link ReplicateDesign#squaredWeights}, 1/D without repeats)
 * the model's expectations are E[W − C] = (1 − 1/S)(1 − q) σ²_ab, E[C] = (1 − 1/S)(σ²_b + q σ²_ab)
 * and E[B] = (1 − q)(σ²_a + σ²_ab / S), and the estimators solve these:
 * <pre>
 *   σ²_ab = (W − C) / ((1 − 1/S)(1 − q))
 *   σ²_b  = C / (1 − 1/S) − q σ²_ab
 *   σ²_a  = B / (1 − q) − σ²_ab / S
 * </pre>
 * which at q = 1/D are the ANOVA's above.
 *
 * @param cells the replicate of each cell, [split][seed]
 */
record CrossedDesign(int[][] cells) implements ReplicateDesign {
    private static final int RISK = 0;
    private static final int NOISE = 1;
    private static final int WITHIN = 2;
    private static final int BETWEEN_SPLITS = 3;
    private static final int BETWEEN_SEEDS = 4;

    CrossedDesign {
        if (cells.length < 2 || cells[0].length < 2) {
            throw new IllegalArgumentException("a crossed design needs at least 2 data splits and 2 seeds");
        }
    }

    int splits() {
        return cells.length;
    }

    int seeds() {
        return cells[0].length;
    }

    @Override
    public int replicates() {
        return splits() * seeds();
    }

    @Override
    public int units() {
        return splits();
    }

    @Override
    public String unitName() {
        return "data splits";
    }

    /** t̄_d for each split d: its seeds' cells. */
    @Override
    public List<int[]> fixedMeans() {
        List<int[]> means = new ArrayList<>();
        for (int d = 0; d < splits(); d++) {
            int[] counts = new int[replicates()];
            for (int s = 0; s < seeds(); s++) {
                counts[cells[d][s]] = 1;
            }
            means.add(counts);
        }
        return means;
    }

    /** t̄_s for each seed s over the drawn splits, then t̄ over all drawn cells. */
    @Override
    public List<int[]> drawnMeans(int[] splitCounts) {
        List<int[]> means = new ArrayList<>();
        int[] all = new int[replicates()];
        for (int s = 0; s < seeds(); s++) {
            int[] counts = new int[replicates()];
            for (int d = 0; d < splits(); d++) {
                counts[cells[d][s]] = splitCounts[d];
                all[cells[d][s]] = splitCounts[d];
            }
            means.add(counts);
        }
        means.add(all);
        return means;
    }

    @Override
    public double[][] imageStatistics(int[] splitCounts, ReplicateParameters replicates, double[][] splitSums,
                                      double[][] seedAndGrandSums) {
        int splits = splits();
        int seeds = seeds();
        int images = replicates.images();
        double[][] statistics = new double[5][images];
        for (int m = 0; m < images; m++) {
            double loss = 0;
            double within = 0;
            double splitMeans = 0;
            for (int d = 0; d < splits; d++) {
                if (splitCounts[d] == 0) {
                    continue;
                }
                double cellLoss = 0;
                double cellPotential = 0;
                for (int s = 0; s < seeds; s++) {
                    cellLoss += replicates.lossSum(cells[d][s], m);
                    cellPotential += replicates.potentialSum(cells[d][s], m);
                }
                loss += splitCounts[d] * cellLoss;
                within += splitCounts[d] * (cellPotential / seeds - splitSums[d][m]);
                splitMeans += splitCounts[d] * splitSums[d][m];
            }
            double seedMeans = 0;
            for (int s = 0; s < seeds; s++) {
                seedMeans += seedAndGrandSums[s][m];
            }
            double grand = seedAndGrandSums[seeds][m];
            statistics[RISK][m] = loss / (splits * seeds);
            statistics[NOISE][m] = replicates.noiseSum(m);
            statistics[WITHIN][m] = within / splits;
            statistics[BETWEEN_SPLITS][m] = splitMeans / splits - grand;
            statistics[BETWEEN_SEEDS][m] = seedMeans / seeds - grand;
        }
        return statistics;
    }

    @Override
    public Estimates estimates(double[] means, int[] splitCounts, DecompositionKind kind) {
        double repeats = ReplicateDesign.squaredWeights(splitCounts);
        double seedShare = 1 - 1.0 / seeds();
        double interaction = (means[WITHIN] - means[BETWEEN_SEEDS]) / (seedShare * (1 - repeats));
        double seedEffect = means[BETWEEN_SEEDS] / seedShare - repeats * interaction;
        double varianceData = means[BETWEEN_SPLITS] / (1 - repeats) - interaction / seeds();
        double varianceInit = seedEffect + interaction;
        double variance = varianceData + varianceInit;
        return new Estimates(means[RISK], kind.hasNoise() ? means[NOISE] : null,
                means[RISK] - means[NOISE] - variance, variance, varianceData, varianceInit);
    }
}
