package org.aesweep.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The crossed design's variance split against the two-way table computed directly in loops: the
 * gaps W, B and C, the ANOVA's sums of squares and its random-effects estimators; for the Bernoulli
 * KL, the gaps as mean KL divergences; and, by simulation, the unbiasedness of the squared-error
 * estimators.
 */
class CrossedDesignTest {
    private static final double CLIP = 1e-7;

    @Test
    void squaredErrorMatchesTheTwoWayAnovaComputedDirectly() {
        int splits = 3;
        int seeds = 4;
        Random random = new Random(11);
        double[][] y = randomImages(random, 2, 5);
        double[][][][] f = randomCells(random, splits, seeds, 2, 5);

        CrossedDesign design = design(splits, seeds);
        ReplicateParameters replicates = ReplicateParameters.of(Nd4j.create(y), cells(f),
                DecompositionKind.SQUARED_ERROR);
        double[] gaps = gaps(design, replicates);
        RiskDecomposition parts = JensenGaps.decompose(replicates, design, BootstrapSettings.NONE);

        double risk = 0;
        double within = 0;
        double betweenSplits = 0;
        double betweenSeeds = 0;
        double total = 0;
        double varianceData = 0;
        double varianceInit = 0;
        int elements = 0;
        for (int m = 0; m < y.length; m++) {
            for (int p = 0; p < y[m].length; p++) {
                double[][] x = new double[splits][seeds];
                for (int d = 0; d < splits; d++) {
                    for (int s = 0; s < seeds; s++) {
                        x[d][s] = f[d][s][m][p];
                        risk += Math.pow(x[d][s] - y[m][p], 2) / (splits * seeds);
                    }
                }
                double grand = mean(x);
                double[] splitMeans = new double[splits];
                double[] seedMeans = new double[seeds];
                for (int d = 0; d < splits; d++) {
                    for (int s = 0; s < seeds; s++) {
                        splitMeans[d] += x[d][s] / seeds;
                        seedMeans[s] += x[d][s] / splits;
                    }
                }
                double ssSplits = 0;
                double ssSeeds = 0;
                double ssInteraction = 0;
                for (int d = 0; d < splits; d++) {
                    ssSplits += seeds * Math.pow(splitMeans[d] - grand, 2);
                    for (int s = 0; s < seeds; s++) {
                        ssInteraction += Math.pow(x[d][s] - splitMeans[d] - seedMeans[s] + grand, 2);
                        within += Math.pow(x[d][s] - splitMeans[d], 2) / (splits * seeds);
                        total += Math.pow(x[d][s] - grand, 2) / (splits * seeds);
                    }
                }
                for (int s = 0; s < seeds; s++) {
                    ssSeeds += splits * Math.pow(seedMeans[s] - grand, 2);
                }
                betweenSplits += ssSplits / (splits * seeds);
                betweenSeeds += ssSeeds / (splits * seeds);
                double msSplits = ssSplits / (splits - 1);
                double msSeeds = ssSeeds / (seeds - 1);
                double msInteraction = ssInteraction / ((splits - 1) * (seeds - 1));
                varianceData += (msSplits - msInteraction) / seeds;
                varianceInit += (msSeeds - msInteraction) / splits + msInteraction;
                elements++;
            }
        }
        assertEquals(within / elements, gaps[0], 1e-12);
        assertEquals(betweenSplits / elements, gaps[1], 1e-12);
        assertEquals(betweenSeeds / elements, gaps[2], 1e-12);
        assertEquals(total / elements, gaps[0] + gaps[1], 1e-12, "W + B is the plug-in variance of all cells");
        assertEquals(risk / elements, parts.risk(), 1e-12);
        assertEquals(varianceData / elements, parts.varianceData(), 1e-12);
        assertEquals(varianceInit / elements, parts.varianceInit(), 1e-12);
        assertEquals(parts.varianceData() + parts.varianceInit(), parts.variance(), 1e-15);
        assertEquals(parts.risk(), parts.bias() + parts.variance(), 1e-15);
        assertNull(parts.noise());
        assertEquals(splits * seeds, parts.replicates());
    }

    @Test
    void bernoulliGapsAreMeanKlDivergencesAroundGeometricMeans() {
        int splits = 2;
        int seeds = 3;
        Random random = new Random(5);
        double[][] y = randomImages(random, 3, 4);
        double[][][][] p = randomCells(random, splits, seeds, 3, 4);
        p[1][2][0][0] = 1.0;

        CrossedDesign design = design(splits, seeds);
        ReplicateParameters replicates = ReplicateParameters.of(Nd4j.create(y), cells(p),
                DecompositionKind.BERNOULLI_KL);
        double[] gaps = gaps(design, replicates);
        RiskDecomposition parts = JensenGaps.decompose(replicates, design, BootstrapSettings.NONE);

        double within = 0;
        double betweenSplits = 0;
        double betweenSeeds = 0;
        double total = 0;
        int elements = 0;
        for (int m = 0; m < y.length; m++) {
            for (int j = 0; j < y[m].length; j++) {
                double[][] logits = new double[splits][seeds];
                for (int d = 0; d < splits; d++) {
                    for (int s = 0; s < seeds; s++) {
                        double clipped = Math.min(Math.max(p[d][s][m][j], CLIP), 1 - CLIP);
                        logits[d][s] = (float) Math.log(clipped / (1 - clipped));
                    }
                }
                double[] splitMeans = new double[splits];
                double[] seedMeans = new double[seeds];
                for (int d = 0; d < splits; d++) {
                    for (int s = 0; s < seeds; s++) {
                        splitMeans[d] += logits[d][s] / seeds;
                        seedMeans[s] += logits[d][s] / splits;
                    }
                }
                double grand = mean(logits);
                for (int d = 0; d < splits; d++) {
                    betweenSplits += kl(sigmoid(grand), sigmoid(splitMeans[d])) / splits;
                    for (int s = 0; s < seeds; s++) {
                        within += kl(sigmoid(splitMeans[d]), sigmoid(logits[d][s])) / (splits * seeds);
                        total += kl(sigmoid(grand), sigmoid(logits[d][s])) / (splits * seeds);
                    }
                }
                for (int s = 0; s < seeds; s++) {
                    betweenSeeds += kl(sigmoid(grand), sigmoid(seedMeans[s])) / seeds;
                }
                elements++;
            }
        }
        assertEquals(within / elements, gaps[0], 1e-9);
        assertEquals(betweenSplits / elements, gaps[1], 1e-9);
        assertEquals(betweenSeeds / elements, gaps[2], 1e-9);
        assertEquals(total / elements, gaps[0] + gaps[1], 1e-9);
        // The ANOVA's estimators on these gaps, written out.
        double ds = splits * seeds;
        double msSplits = ds * gaps[1] / (splits - 1);
        double msSeeds = ds * gaps[2] / (seeds - 1);
        double msInteraction = ds * (gaps[0] - gaps[2]) / ((splits - 1) * (seeds - 1));
        assertEquals((msSplits - msInteraction) / seeds, parts.varianceData(), 1e-12);
        assertEquals((msSeeds - msInteraction) / splits + msInteraction, parts.varianceInit(), 1e-12);
        assertEquals(parts.risk(), parts.noise() + parts.bias() + parts.variance(), 1e-12);
        assertEquals(parts.variance(), parts.varianceData() + parts.varianceInit(), 1e-15);
    }

    @Test
    void squaredErrorEstimatorsAreUnbiased() {
        // f_ds = mu + a_d + b_s + e_ds per pixel, all effects independent across pixels and draws.
        double splitVariance = 0.04;
        double seedVariance = 0.01;
        double cellVariance = 0.02;
        int splits = 3;
        int seeds = 2;
        int pixels = 200;
        int trials = 300;
        Random random = new Random(2024);
        CrossedDesign design = design(splits, seeds);
        double[] data = new double[trials];
        double[] init = new double[trials];
        double[] splitGapOnly = new double[trials];
        for (int t = 0; t < trials; t++) {
            double[][][][] f = new double[splits][seeds][1][pixels];
            for (int p = 0; p < pixels; p++) {
                double mu = random.nextDouble();
                double[] a = normals(random, splits, splitVariance);
                double[] b = normals(random, seeds, seedVariance);
                for (int d = 0; d < splits; d++) {
                    for (int s = 0; s < seeds; s++) {
                        f[d][s][0][p] = mu + a[d] + b[s] + Math.sqrt(cellVariance) * random.nextGaussian();
                    }
                }
            }
            ReplicateParameters replicates = ReplicateParameters.of(Nd4j.zeros(1, pixels), cells(f),
                    DecompositionKind.SQUARED_ERROR);
            RiskDecomposition parts = JensenGaps.decompose(replicates, design, BootstrapSettings.NONE);
            data[t] = parts.varianceData();
            init[t] = parts.varianceInit();
            // The between-split spread alone, corrected as if the splits' means were single replicates.
            splitGapOnly[t] = gaps(design, replicates)[1] * splits / (splits - 1);
        }
        assertUnbiased(splitVariance, data, "variance_data");
        assertUnbiased(seedVariance + cellVariance, init, "variance_init");
        // The simulation can tell: the split means' own spread also carries the cells' noise / S.
        double naive = mean(splitGapOnly);
        assertTrue(Math.abs(naive - splitVariance) > 10 * standardError(splitGapOnly),
                "between-split spread alone " + naive);
        assertEquals(splitVariance + cellVariance / seeds, naive, 4 * standardError(splitGapOnly));
    }

    @Test
    void aDrawThatRepeatsSplitsStaysUnbiasedForItsOwnRepeats() {
        // Splits drawn as 0, 0, 1, 3 of four: the estimators weigh and correct for the repeat, so
        // their expectation over the random effects is still the truth.
        double splitVariance = 0.03;
        double seedVariance = 0.02;
        double cellVariance = 0.01;
        int[] counts = {2, 1, 0, 1};
        int pixels = 200;
        int trials = 300;
        Random random = new Random(99);
        CrossedDesign design = design(4, 2);
        double[] data = new double[trials];
        double[] init = new double[trials];
        for (int t = 0; t < trials; t++) {
            double[][][][] f = crossedOutputs(random, 4, 2, 1, pixels, Math.sqrt(splitVariance),
                    Math.sqrt(seedVariance), Math.sqrt(cellVariance));
            ReplicateParameters replicates = ReplicateParameters.of(Nd4j.zeros(1, pixels), cells(f),
                    DecompositionKind.SQUARED_ERROR);
            double[][] statistics = design.imageStatistics(counts, replicates,
                    PotentialAtMeans.exact(replicates, design.fixedMeans()),
                    PotentialAtMeans.exact(replicates, design.drawnMeans(counts)));
            Estimates draw = design.estimates(JensenGaps.elementMeans(statistics, null, pixels), counts,
                    DecompositionKind.SQUARED_ERROR);
            data[t] = draw.varianceData();
            init[t] = draw.varianceInit();
        }
        assertUnbiased(splitVariance, data, "variance_data of the draw");
        assertUnbiased(seedVariance + cellVariance, init, "variance_init of the draw");
    }

    @Test
    void identicalReplicatesHaveNoVarianceOfEitherKind() {
        double[][] y = {{0.0, 0.4, 1.0}, {0.7, 1.0, 0.05}};
        double[][] f = {{0.1, 0.5, 0.9}, {0.6, 0.999, 0.2}};
        double[][][][] same = new double[2][3][][];
        for (double[][][] split : same) {
            Arrays.fill(split, f);
        }
        for (DecompositionKind kind : DecompositionKind.values()) {
            RiskDecomposition parts = JensenGaps.decompose(ReplicateParameters.of(Nd4j.create(y), cells(same), kind),
                    design(2, 3), BootstrapSettings.NONE);
            assertEquals(0.0, parts.variance(), 1e-15, kind.name());
            assertEquals(0.0, parts.varianceData(), 1e-15, kind.name());
            assertEquals(0.0, parts.varianceInit(), 1e-15, kind.name());
            assertEquals(parts.risk(), (kind.hasNoise() ? parts.noise() : 0) + parts.bias(), 1e-15);
        }
    }

    @Test
    void splitsThatDifferAloneHaveNoInitialisationVariance() {
        // f_ds = a_d: each split's seeds agree, so all the variance is the splits', x D/(D-1).
        double[][][][] f = new double[3][2][][];
        double[] a = {0.25, 0.5, 1.0};
        for (int d = 0; d < 3; d++) {
            Arrays.fill(f[d], new double[][] {{a[d], a[d] / 2}});
        }
        RiskDecomposition parts = JensenGaps.decompose(ReplicateParameters.of(Nd4j.zeros(1, 2), cells(f),
                DecompositionKind.SQUARED_ERROR), design(3, 2), BootstrapSettings.NONE);
        assertEquals(0.0, parts.varianceInit(), 1e-15);
        double spread = (sampleVariance(a) + sampleVariance(new double[] {a[0] / 2, a[1] / 2, a[2] / 2})) / 2;
        assertEquals(spread, parts.varianceData(), 1e-15);
    }

    @Test
    void needsTwoSplitsAndTwoSeeds() {
        assertThrows(IllegalArgumentException.class, () -> design(1, 3));
        assertThrows(IllegalArgumentException.class, () -> design(3, 1));
    }

    /** The cells' replicates numbered split by split: replicate d * seeds + s. */
    static CrossedDesign design(int splits, int seeds) {
        int[][] cells = new int[splits][seeds];
        for (int d = 0; d < splits; d++) {
            for (int s = 0; s < seeds; s++) {
                cells[d][s] = d * seeds + s;
            }
        }
        return new CrossedDesign(cells);
    }

    /**
     * Outputs [split][seed][image][pixel] = 0.5 + per-pixel effects of each split, each seed and each
     * cell with these standard deviations (each pixel its own draw).
     */
    static double[][][][] crossedOutputs(Random random, int splits, int seeds, int images, int pixels,
                                         double splitSd, double seedSd, double cellSd) {
        double[][][][] f = new double[splits][seeds][images][pixels];
        for (int m = 0; m < images; m++) {
            for (int p = 0; p < pixels; p++) {
                double[] a = new double[splits];
                double[] b = new double[seeds];
                for (int d = 0; d < splits; d++) {
                    a[d] = splitSd * random.nextGaussian();
                }
                for (int s = 0; s < seeds; s++) {
                    b[s] = seedSd * random.nextGaussian();
                }
                for (int d = 0; d < splits; d++) {
                    for (int s = 0; s < seeds; s++) {
                        f[d][s][m][p] = 0.5 + a[d] + b[s] + cellSd * random.nextGaussian();
                    }
                }
            }
        }
        return f;
    }

    /** The outputs [split][seed][image][pixel] as arrays in the order of {@link #design}. */
    static List<INDArray> cells(double[][][][] outputs) {
        List<INDArray> arrays = new ArrayList<>();
        for (double[][][] split : outputs) {
            for (double[][] cell : split) {
                arrays.add(Nd4j.create(cell));
            }
        }
        return arrays;
    }

    /** W, B and C as per-element means, computed by the design on the data as they are. */
    private static double[] gaps(CrossedDesign design, ReplicateParameters replicates) {
        int[] ones = new int[design.units()];
        Arrays.fill(ones, 1);
        double[][] statistics = design.imageStatistics(ones, replicates,
                PotentialAtMeans.exact(replicates, design.fixedMeans()),
                PotentialAtMeans.exact(replicates, design.drawnMeans(ones)));
        double[] means = JensenGaps.elementMeans(statistics, null, replicates.pixels());
        return Arrays.copyOfRange(means, 2, 5);
    }

    /** Random outputs [split][seed][image][pixel], each cell as {@link #randomImages} draws them. */
    private static double[][][][] randomCells(Random random, int splits, int seeds, int images, int pixels) {
        double[][][][] cells = new double[splits][seeds][][];
        for (double[][][] split : cells) {
            for (int s = 0; s < seeds; s++) {
                split[s] = randomImages(random, images, pixels);
            }
        }
        return cells;
    }

    /** Values in (0, 1) exactly representable as floats, as the decomposition holds its parameters. */
    private static double[][] randomImages(Random random, int images, int pixels) {
        double[][] values = new double[images][pixels];
        for (double[] image : values) {
            for (int p = 0; p < pixels; p++) {
                image[p] = random.nextFloat();
            }
        }
        return values;
    }

    private static double[] normals(Random random, int count, double variance) {
        double[] values = new double[count];
        for (int i = 0; i < count; i++) {
            values[i] = Math.sqrt(variance) * random.nextGaussian();
        }
        return values;
    }

    private static void assertUnbiased(double truth, double[] estimates, String name) {
        double mean = mean(estimates);
        double error = standardError(estimates);
        assertTrue(Math.abs(mean - truth) < 4 * error,
                name + ": mean " + mean + " vs " + truth + " (standard error " + error + ")");
        assertTrue(error < truth / 20, name + ": the simulation is too small to tell, standard error " + error);
    }

    private static double standardError(double[] values) {
        return Math.sqrt(sampleVariance(values) / values.length);
    }

    private static double sampleVariance(double[] values) {
        double mean = mean(values);
        return Arrays.stream(values).map(v -> (v - mean) * (v - mean)).sum() / (values.length - 1);
    }

    private static double mean(double[] values) {
        return Arrays.stream(values).average().orElseThrow();
    }

    private static double mean(double[][] table) {
        return Arrays.stream(table).flatMapToDouble(Arrays::stream).average().orElseThrow();
    }

    private static double sigmoid(double t) {
        return 1 / (1 + Math.exp(-t));
    }

    /** KL(a || b) of Bernoulli distributions with a, b in (0, 1). */
    private static double kl(double a, double b) {
        return a * Math.log(a / b) + (1 - a) * Math.log((1 - a) / (1 - b));
    }
}
