package org.aesweep.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The Bernoulli KL decomposition of binary cross-entropy against the formulas computed directly,
 * pixel by pixel in double loops: central prediction from the geometric means, bias and variance
 * as KL divergences, and the identity risk = noise + bias + variance.
 */
class BernoulliKlSumsTest {
    private static final double CLIP = 1e-7;

    @Test
    void onePixelWorkedByHand() {
        // y = 0.5; p = 0.2 and 0.8: G1 = sqrt(0.2 * 0.8) = G0, so the central prediction is 0.5 = y.
        RiskDecomposition parts = DecompositionKind.BERNOULLI_KL.decompose(Nd4j.create(new double[][] {{0.5}}),
                List.of(Nd4j.create(new double[][] {{0.2}}), Nd4j.create(new double[][] {{0.8}})));

        assertEquals(DecompositionKind.BERNOULLI_KL, parts.kind());
        assertEquals(2, parts.replicates());
        assertEquals(-0.5 * Math.log(0.2) - 0.5 * Math.log(0.8), parts.risk(), 1e-15);
        assertEquals(Math.log(2), parts.noise(), 1e-15);
        assertEquals(0.0, parts.bias(), 1e-15);
        // G1 + G0 = 0.8.
        assertEquals(-Math.log(0.8), parts.variance(), 1e-15);
    }

    @Test
    void matchesTheFormulasComputedDirectly() {
        Random random = new Random(7);
        double[][] y = new double[6][9];
        for (double[] row : y) {
            for (int j = 0; j < row.length; j++) {
                // Clean images: mostly 0 and 1 with intensities between, as k / 255.
                row[j] = j % 3 == 0 ? 0.0 : j % 3 == 1 ? 1.0 : random.nextInt(256) / 255.0;
            }
        }
        double[][][] p = new double[3][6][9];
        for (double[][] replicate : p) {
            for (double[] row : replicate) {
                for (int j = 0; j < row.length; j++) {
                    row[j] = random.nextDouble();
                }
            }
        }
        // A float sigmoid saturates at exactly 0 and 1: those are clipped.
        p[0][0][0] = 0.0;
        p[1][0][1] = 1.0;
        p[2][1][0] = 1.0;

        RiskDecomposition parts = DecompositionKind.BERNOULLI_KL.decompose(Nd4j.create(y), arrays(p));

        double risk = 0;
        double noise = 0;
        double bias = 0;
        double variance = 0;
        int elements = 0;
        for (int s = 0; s < y.length; s++) {
            for (int j = 0; j < y[s].length; j++) {
                double logG1 = 0;
                double logG0 = 0;
                for (double[][] replicate : p) {
                    double clipped = clip(replicate[s][j]);
                    risk += crossEntropy(y[s][j], clipped) / p.length;
                    logG1 += Math.log(clipped) / p.length;
                    logG0 += Math.log(1 - clipped) / p.length;
                }
                double central = Math.exp(logG1) / (Math.exp(logG1) + Math.exp(logG0));
                noise += crossEntropy(y[s][j], y[s][j]);
                bias += kl(y[s][j], central);
                for (double[][] replicate : p) {
                    variance += kl(central, clip(replicate[s][j])) / p.length;
                }
                elements++;
            }
        }
        risk /= elements;
        noise /= elements;
        bias /= elements;
        variance /= elements;
        // The identity itself, in the direct formulas.
        assertEquals(risk, noise + bias + variance, 1e-12);
        assertEquals(risk, parts.risk(), 1e-12);
        assertEquals(noise, parts.noise(), 1e-12);
        assertEquals(bias, parts.bias(), 1e-12);
        assertEquals(variance, parts.variance(), 1e-12);
        assertEquals(parts.risk(), parts.noise() + parts.bias() + parts.variance(), 1e-9);
        assertTrue(bias > 0 && variance > 0 && noise > 0);
    }

    @Test
    void identicalReplicatesHaveNoVariance() {
        INDArray y = Nd4j.create(new double[][] {{0.0, 0.3, 1.0}, {0.7, 1.0, 0.05}});
        INDArray p = Nd4j.create(new double[][] {{0.1, 0.5, 0.9}, {0.6, 0.999, 0.2}});

        RiskDecomposition parts = DecompositionKind.BERNOULLI_KL.decompose(y, List.of(p, p.dup(), p.dup()));

        assertEquals(0.0, parts.variance(), 1e-15);
        assertEquals(parts.risk(), parts.noise() + parts.bias(), 1e-15);
        assertTrue(parts.bias() > 0);
    }

    @Test
    void aCentralPredictionEqualToTheTargetsHasNoBias() {
        // The central prediction is the sigmoid of the replicates' mean logit: spread the logits
        // symmetrically around the targets' own.
        double[][] y = {{0.2, 0.5, 0.9}, {0.05, 0.6, 0.99}};
        double[][][] p = new double[2][2][3];
        for (int s = 0; s < y.length; s++) {
            for (int j = 0; j < y[s].length; j++) {
                double logit = Math.log(y[s][j] / (1 - y[s][j]));
                double spread = 0.3 + j;
                p[0][s][j] = sigmoid(logit + spread);
                p[1][s][j] = sigmoid(logit - spread);
            }
        }

        RiskDecomposition parts = DecompositionKind.BERNOULLI_KL.decompose(Nd4j.create(y), arrays(p));

        assertEquals(0.0, parts.bias(), 1e-12);
        assertTrue(parts.variance() > 0.01, parts.toString());
        assertEquals(parts.risk(), parts.noise() + parts.variance(), 1e-12);
    }

    @Test
    void chunksAddUpToTheWholeTestSet() {
        Random random = new Random(3);
        double[][] y = new double[8][5];
        double[][][] p = new double[2][8][5];
        for (int s = 0; s < 8; s++) {
            for (int j = 0; j < 5; j++) {
                y[s][j] = random.nextDouble();
                p[0][s][j] = random.nextDouble();
                p[1][s][j] = random.nextDouble();
            }
        }
        RiskDecomposition whole = DecompositionKind.BERNOULLI_KL.decompose(Nd4j.create(y), arrays(p));

        RiskSums sums = DecompositionKind.BERNOULLI_KL.sums(2);
        for (int[] rows : new int[][] {{0, 3}, {3, 8}}) {
            List<INDArray> chunk = new ArrayList<>();
            for (double[][] replicate : p) {
                chunk.add(Nd4j.create(Arrays.copyOfRange(replicate, rows[0], rows[1])));
            }
            sums.add(Nd4j.create(Arrays.copyOfRange(y, rows[0], rows[1])), chunk);
        }
        RiskDecomposition chunked = sums.result();

        assertEquals(whole.risk(), chunked.risk(), 1e-14);
        assertEquals(whole.noise(), chunked.noise(), 1e-14);
        assertEquals(whole.bias(), chunked.bias(), 1e-14);
        assertEquals(whole.variance(), chunked.variance(), 1e-14);
    }

    private static List<INDArray> arrays(double[][][] replicates) {
        List<INDArray> arrays = new ArrayList<>();
        for (double[][] replicate : replicates) {
            arrays.add(Nd4j.create(replicate));
        }
        return arrays;
    }

    private static double clip(double p) {
        return Math.min(Math.max(p, CLIP), 1 - CLIP);
    }

    private static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    /** -y log p - (1-y) log(1-p), with 0 log 0 = 0. */
    private static double crossEntropy(double y, double p) {
        return -xLogY(y, p) - xLogY(1 - y, 1 - p);
    }

    /** KL(a || b) of Bernoulli distributions. */
    private static double kl(double a, double b) {
        return xLogY(a, a) + xLogY(1 - a, 1 - a) - xLogY(a, b) - xLogY(1 - a, 1 - b);
    }

    private static double xLogY(double x, double y) {
        return x == 0 ? 0 : x * Math.log(y);
    }
}
