package org.aesweep.analysis;

import java.io.Serializable;

/**
 * A grid point's risk split over its replicates, as per-element means on the clean test set:
 * risk = noise + bias + variance in the decomposition {@code kind}, with confidence intervals where
 * the grid point has enough replicates. Squared error has no noise term (null; its bias is bias²).
 * Since variance carries a small-sample correction, bias may come out slightly negative by
 * sampling noise.
 *
 * @param replicates the replicates the decomposition used
 */
public record RiskDecomposition(DecompositionKind kind, int replicates, Estimates estimates,
                                ConfidenceIntervals intervals) implements Serializable {
    public double risk() {
        return estimates.risk();
    }

    public Double noise() {
        return estimates.noise();
    }

    public double bias() {
        return estimates.bias();
    }

    public double variance() {
        return estimates.variance();
    }

    /** Crossed designs only, else null. */
    public Double varianceData() {
        return estimates.varianceData();
    }

    /** Crossed designs only, else null. */
    public Double varianceInit() {
        return estimates.varianceInit();
    }
}
