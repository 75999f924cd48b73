package org.aesweep.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;

import org.aesweep.analysis.ConfidenceIntervals.Interval;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Bootstrap intervals: reproducible from their seed, ordered, around the point estimate where the
 * data are well behaved, absent with too few units, and for crossed designs drawn over whole data
 * splits with all their seeds.
 */
class PercentileBootstrapTest {
    private static final BootstrapSettings SETTINGS = new BootstrapSettings(200, 0.9, 17);

    @Test
    void theSameSeedGivesTheSameIntervalsAndAnotherSeedOthers() {
        ReplicateParameters replicates = independentReplicates(new Random(1), 6, 40, 24,
                DecompositionKind.BERNOULLI_KL);
        SingleFactorDesign design = new SingleFactorDesign(6);

        RiskDecomposition first = JensenGaps.decompose(replicates, design, SETTINGS);
        RiskDecomposition again = JensenGaps.decompose(replicates, design, SETTINGS);
        RiskDecomposition other = JensenGaps.decompose(replicates, design, new BootstrapSettings(200, 0.9, 18));

        assertEquals(first.intervals(), again.intervals());
        assertNotEquals(first.intervals().variance(), other.intervals().variance());
        assertNotEquals(first.intervals().risk(), other.intervals().risk());
        assertEquals(ConfidenceIntervals.PERCENTILE_BOOTSTRAP, first.intervals().method());
        assertEquals("200 draws over 40 test images and 6 replicates", first.intervals().note());
        assertEquals(0.9, first.intervals().level());
        assertEquals(200, first.intervals().draws());
        assertEquals(17L, first.intervals().seed());
    }

    @Test
    void independentReplicatesGetOrderedIntervalsAroundTheirEstimates() {
        for (DecompositionKind kind : DecompositionKind.values()) {
            ReplicateParameters replicates = independentReplicates(new Random(2), 8, 60, 30, kind);

            RiskDecomposition parts = JensenGaps.decompose(replicates, new SingleFactorDesign(8), SETTINGS);

            ConfidenceIntervals intervals = parts.intervals();
            assertAround(parts.risk(), intervals.risk(), kind + " risk");
            assertAround(parts.bias(), intervals.bias(), kind + " bias");
            assertAround(parts.variance(), intervals.variance(), kind + " variance");
            assertNull(intervals.varianceData());
            assertNull(intervals.varianceInit());
        }
    }

    @Test
    void crossedDesignsGetIntervalsForBothPartsOfTheVariance() {
        Random random = new Random(3);
        double[][][][] f = CrossedDesignTest.crossedOutputs(random, 4, 3, 50, 20, 0.2, 0.1, 0.05);
        ReplicateParameters replicates = ReplicateParameters.of(Nd4j.zeros(50, 20), CrossedDesignTest.cells(f),
                DecompositionKind.SQUARED_ERROR);

        RiskDecomposition parts = JensenGaps.decompose(replicates, CrossedDesignTest.design(4, 3), SETTINGS);

        ConfidenceIntervals intervals = parts.intervals();
        assertEquals("200 draws over 50 test images and 4 data splits", intervals.note());
        assertAround(parts.risk(), intervals.risk(), "risk");
        assertAround(parts.variance(), intervals.variance(), "variance");
        assertAround(parts.varianceData(), intervals.varianceData(), "variance_data");
        assertAround(parts.varianceInit(), intervals.varianceInit(), "variance_init");
    }

    @Test
    void crossedDrawsKeepEachSplitsSeedsTogether() {
        // All the variance is between seeds, the same on every split: a draw of whole splits sees no
        // split variance, whichever splits it draws. Drawing cells apart would mix seeds across splits.
        Random random = new Random(4);
        double[][][][] f = CrossedDesignTest.crossedOutputs(random, 5, 2, 30, 16, 0.0, 0.2, 0.0);
        ReplicateParameters replicates = ReplicateParameters.of(Nd4j.zeros(30, 16), CrossedDesignTest.cells(f),
                DecompositionKind.SQUARED_ERROR);

        RiskDecomposition parts = JensenGaps.decompose(replicates, CrossedDesignTest.design(5, 2), SETTINGS);

        assertEquals(0.0, parts.varianceData(), 1e-12);
        Interval data = parts.intervals().varianceData();
        Interval init = parts.intervals().varianceInit();
        // Draws compute the potential at their means in single precision.
        assertEquals(0.0, data.low(), 1e-4 * parts.varianceInit());
        assertEquals(0.0, data.high(), 1e-4 * parts.varianceInit());
        assertTrue(init.high() - init.low() > 0.05 * parts.varianceInit(), init.toString());
        assertAround(parts.varianceInit(), init, "variance_init");
    }

    @Test
    void tooFewUnitsGetNoIntervalsAndSaySo() {
        ReplicateParameters two = independentReplicates(new Random(5), 2, 10, 8, DecompositionKind.SQUARED_ERROR);
        ConfidenceIntervals none = JensenGaps.decompose(two, new SingleFactorDesign(2), SETTINGS).intervals();
        assertEquals(ConfidenceIntervals.NONE, none.method());
        assertEquals("2 replicates: intervals need at least 3", none.note());
        assertNull(none.risk());
        assertNull(none.level());
        assertNull(none.draws());
        assertNull(none.seed());

        double[][][][] f = CrossedDesignTest.crossedOutputs(new Random(6), 2, 3, 10, 8, 0.1, 0.1, 0.1);
        ReplicateParameters crossed = ReplicateParameters.of(Nd4j.zeros(10, 8), CrossedDesignTest.cells(f),
                DecompositionKind.SQUARED_ERROR);
        RiskDecomposition parts = JensenGaps.decompose(crossed, CrossedDesignTest.design(2, 3), SETTINGS);
        assertEquals("2 data splits: intervals need at least 3", parts.intervals().note());
        assertNull(parts.intervals().varianceData());
        assertTrue(parts.varianceData() != null, "the point estimate needs no interval");

        ReplicateParameters three = independentReplicates(new Random(7), 3, 10, 8, DecompositionKind.SQUARED_ERROR);
        ConfidenceIntervals off = JensenGaps.decompose(three, new SingleFactorDesign(3), BootstrapSettings.NONE)
                .intervals();
        assertEquals(ConfidenceIntervals.NONE, off.method());
        assertEquals("intervals off (0 bootstrap draws)", off.note());
    }

    @Test
    void quantilesInterpolateBetweenOrderStatistics() {
        double[] sorted = {1, 2, 4, 8, 16};
        assertEquals(1, PercentileBootstrap.quantile(sorted, 0), 0);
        assertEquals(16, PercentileBootstrap.quantile(sorted, 1), 0);
        assertEquals(4, PercentileBootstrap.quantile(sorted, 0.5), 0);
        // Position 0.1 x 4 = 0.4 between 1 and 2.
        assertEquals(1.4, PercentileBootstrap.quantile(sorted, 0.1), 1e-15);
        assertEquals(12, PercentileBootstrap.quantile(sorted, 0.875), 1e-15);
    }

    @Test
    void resamplingDrawsAsManyAsThereAre() {
        int[] counts = PercentileBootstrap.resample(7, new SplittableRandom(3));
        assertEquals(7, java.util.Arrays.stream(counts).sum());
        assertEquals(7, counts.length);
    }

    private static void assertAround(double estimate, Interval interval, String what) {
        assertTrue(interval.low() <= interval.high(), what + " " + interval);
        assertTrue(interval.high() > interval.low(), what + " has a degenerate interval " + interval);
        assertTrue(interval.contains(estimate), what + " " + estimate + " outside " + interval);
    }

    /**
     * Targets and N replicates' outputs in (0, 1): each replicate a smooth distortion of the targets
     * plus its own noise per image and pixel, as trained replicates disagree.
     */
    static ReplicateParameters independentReplicates(Random random, int replicates, int images, int pixels,
                                                     DecompositionKind kind) {
        double[][] y = new double[images][pixels];
        for (double[] image : y) {
            for (int p = 0; p < pixels; p++) {
                image[p] = random.nextDouble() < 0.6 ? 0 : random.nextDouble();
            }
        }
        List<INDArray> outputs = new ArrayList<>();
        for (int r = 0; r < replicates; r++) {
            double shift = 0.3 * random.nextGaussian();
            double[][] f = new double[images][pixels];
            for (int m = 0; m < images; m++) {
                for (int p = 0; p < pixels; p++) {
                    double logit = 4 * (y[m][p] - 0.5) + shift + 0.5 * random.nextGaussian();
                    f[m][p] = 1 / (1 + Math.exp(-logit));
                }
            }
            outputs.add(Nd4j.create(f));
        }
        return ReplicateParameters.of(Nd4j.create(y), outputs, kind);
    }
}
