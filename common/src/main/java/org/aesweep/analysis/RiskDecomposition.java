package org.aesweep.analysis;

import java.io.Serializable;

/**
 * A grid point's risk split over its replicates, as per-element means on the clean test set:
 * risk = noise + bias + variance in the decomposition {@code kind}. Squared error has no noise
 * term (null; its bias is bias²); for squared error, bias may come out slightly negative by
 * sampling noise, since its variance carries the N/(N-1) correction.
 */
public record RiskDecomposition(DecompositionKind kind, int replicates, double risk, Double noise, double bias,
                                double variance) implements Serializable {
}
