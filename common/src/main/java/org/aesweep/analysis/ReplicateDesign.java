package org.aesweep.analysis;

import java.io.Serializable;
import java.util.List;

/**
 * How a grid point's replicates relate, and so how their spread is estimated and what a bootstrap
 * draw resamples. Replicates are numbered as in {@link ReplicateParameters}; a mean of replicates is
 * given by counts over them (see {@link PotentialAtMeans}). The estimators are functions of
 * per-element means of a few per-image statistics, which are linear in those per-image sums and in
 * the potential at means, so a draw reweights images and units without another pass over the pixels
 * except for the potential at its own means.
 */
sealed interface ReplicateDesign extends Serializable permits SingleFactorDesign, CrossedDesign {
    /** The replicates the design covers. */
    int replicates();

    /** How many units a bootstrap draw resamples with replacement: replicates, or data splits. */
    int units();

    /** What the units are, in the plural, for notes. */
    String unitName();

    /** Means of replicates whose potential every draw needs, whatever units it drew. */
    List<int[]> fixedMeans();

    /** Means of replicates whose potential a draw of these unit counts needs. */
    List<int[]> drawnMeans(int[] unitCounts);

    /**
     * The per-image sums of the design's statistics for a draw of these unit counts (all 1: the
     * data as they are): [statistic][image].
     *
     * @param fixedSums the potential at {@link #fixedMeans()}, [mean][image]
     * @param drawnSums the potential at {@link #drawnMeans(int[])} of these counts, [mean][image]
     */
    double[][] imageStatistics(int[] unitCounts, ReplicateParameters replicates, double[][] fixedSums,
                               double[][] drawnSums);

    /**
     * The estimates from per-element means of the statistics (a weighted mean over images, / pixels)
     * of a draw of these unit counts.
     */
    Estimates estimates(double[] means, int[] unitCounts, DecompositionKind kind);

    /**
     * Σ_u w_u² for the units' weights w_u = count_u / Σ counts: 1/U when each of U units is drawn once.
     * A spread around the weighted mean of values drawn this way has expectation (1 − Σ w²) times
     * their variance, so 1 / (1 − Σ w²) generalises the correction U / (U − 1) to draws that repeat
     * units; with the plain correction, bootstrap draws of a spread would centre on (U − 1)/U of the
     * estimate instead of on it.
     */
    static double squaredWeights(int[] unitCounts) {
        double total = 0;
        double squares = 0;
        for (int count : unitCounts) {
            total += count;
            squares += (double) count * count;
        }
        return squares / (total * total);
    }
}
