package org.aesweep.analysis;

import java.io.Serializable;

/**
 * A decomposition's parts as per-element means over the clean test set: risk = noise + bias +
 * variance, and for a crossed design variance = varianceData + varianceInit. The point estimate of
 * a grid point, or the same estimators on one bootstrap draw.
 *
 * @param noise        the targets' entropy; null for squared error, which has no noise term
 * @param varianceData crossed designs only (else null): the variance from the training sample
 * @param varianceInit crossed designs only (else null): the variance from the seed (initialisation and order)
 */
public record Estimates(double risk, Double noise, double bias, double variance, Double varianceData,
                        Double varianceInit) implements Serializable {
}
