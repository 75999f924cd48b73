package org.aesweep.analysis;

import java.util.Arrays;

/**
 * The decomposition of a grid point's risk, one engine for both kinds: per element, variance is
 * made of Jensen gaps of the kind's convex potential over the replicates' parameters
 * ({@link DecompositionKind}), combined as the replicate design says ({@link SingleFactorDesign},
 * {@link CrossedDesign}); risk is the replicates' mean loss, noise the targets' entropy (BCE), and
 * bias = risk − noise − variance. The point estimate is computed in double precision; its
 * confidence intervals come from {@link PercentileBootstrap}.
 */
final class JensenGaps {
    private JensenGaps() {
    }

    static RiskDecomposition decompose(ReplicateParameters replicates, ReplicateDesign design,
                                       BootstrapSettings bootstrap) {
        if (design.replicates() != replicates.replicates()) {
            throw new IllegalArgumentException("the design covers " + design.replicates() + " replicates, the data "
                    + replicates.replicates());
        }
        double[][] fixedSums = PotentialAtMeans.exact(replicates, design.fixedMeans());
        int[] asDrawn = new int[design.units()];
        Arrays.fill(asDrawn, 1);
        double[][] statistics = design.imageStatistics(asDrawn, replicates, fixedSums,
                PotentialAtMeans.exact(replicates, design.drawnMeans(asDrawn)));
        Estimates point = design.estimates(elementMeans(statistics, null, replicates.pixels()), asDrawn,
                replicates.kind());
        return new RiskDecomposition(replicates.kind(), design.replicates(), point,
                PercentileBootstrap.intervals(replicates, design, fixedSums, bootstrap));
    }

    /**
     * Per-element means of per-image statistics ([statistic][image]), each image counted as often as
     * {@code imageCounts} says (null: once).
     */
    static double[] elementMeans(double[][] statistics, int[] imageCounts, int pixels) {
        int images = statistics[0].length;
        double[] means = new double[statistics.length];
        for (int j = 0; j < statistics.length; j++) {
            double sum = 0;
            for (int m = 0; m < images; m++) {
                sum += imageCounts == null ? statistics[j][m] : imageCounts[m] * statistics[j][m];
            }
            means[j] = sum / ((double) images * pixels);
        }
        return means;
    }
}
