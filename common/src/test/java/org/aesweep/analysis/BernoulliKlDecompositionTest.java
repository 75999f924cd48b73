package org.aesweep.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The Bernoulli KL decomposition of binary cross-entropy over independent replicates against the
 * formulas computed directly, pixel by pixel in double loops: central prediction from the geometric
 * means, the plug-in variance as a mean KL divergence, the N/(N-1) correction, and bias = risk -
 * noise - variance. The decomposition holds logits in single precision, so the direct formulas take
 * the outputs those logits stand for.
 */
class BernoulliKlDecompositionTest {
    private static final double CLIP = 1e-7;

    @Test
    void onePixelWorkedByHand() {
        // y = 0.5; p = 0.2 and 0.8: G1 = sqrt(0.2 * 0.8) = G0, so the central prediction is 0.5 = y and
        // the plug-in variance is -log(G1 + G0) = -log 0.8; N/(N-1) = 2 doubles it, which leaves a negative bias.
        RiskDecomposition parts = DecompositionKind.BERNOULLI_KL.decompose(Nd4j.create(new double[][] {{0.5}}),
                List.of(Nd4j.create(new double[][] {{0.2}}), Nd4j.create(new double[][] {{0.8}})));

        assertEquals(DecompositionKind.BERNOULLI_KL, parts.kind());
        assertEquals(2, parts.replicates());
        assertEquals(-0.5 * Math.log(0.2) - 0.5 * Math.log(0.8), parts.risk(), 1e-7);
        assertEquals(Math.log(2), parts.noise(), 1e-15);
        assertEquals(-2 * Math.log(0.8), parts.variance(), 1e-7);
        assertEquals(Math.log(0.8), parts.bias(), 1e-7);
        assertEquals(parts.risk(), parts.noise() + parts.bias() + parts.variance(), 1e-15);
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

        int n = p.length;
        double risk = 0;
        double noise = 0;
        double klBias = 0;
        double plugIn = 0;
        int elements = 0;
        for (int s = 0; s < y.length; s++) {
            for (int j = 0; j < y[s].length; j++) {
                double logG1 = 0;
                double logG0 = 0;
                for (double[][] replicate : p) {
                    double logit = heldLogit(replicate[s][j]);
                    risk += crossEntropy(y[s][j], logOne(logit), logZero(logit)) / n;
                    logG1 += logOne(logit) / n;
                    logG0 += logZero(logit) / n;
                }
                // The normalised geometric mean, as its two log-probabilities.
                double logNormaliser = Math.log(Math.exp(logG1) + Math.exp(logG0));
                double logCentral = logG1 - logNormaliser;
                double logOneMinusCentral = logG0 - logNormaliser;
                double central = Math.exp(logCentral);
                noise += crossEntropy(y[s][j], safeLog(y[s][j]), safeLog(1 - y[s][j]));
                klBias += crossEntropy(y[s][j], logCentral, logOneMinusCentral)
                        - crossEntropy(y[s][j], safeLog(y[s][j]), safeLog(1 - y[s][j]));
                for (double[][] replicate : p) {
                    double logit = heldLogit(replicate[s][j]);
                    // KL(central || replicate)
                    plugIn += (crossEntropy(central, logOne(logit), logZero(logit))
                            - crossEntropy(central, logCentral, logOneMinusCentral)) / n;
                }
                elements++;
            }
        }
        risk /= elements;
        noise /= elements;
        klBias /= elements;
        plugIn /= elements;
        // The exact identity of the plug-in parts, in the direct formulas.
        assertEquals(risk, noise + klBias + plugIn, 1e-12);
        assertEquals(risk, parts.risk(), 1e-12);
        assertEquals(noise, parts.noise(), 1e-12);
        assertEquals(plugIn * n / (n - 1), parts.variance(), 1e-12);
        assertEquals(risk - noise - plugIn * n / (n - 1), parts.bias(), 1e-12);
        // The corrected bias is the KL bias less the plug-in variance's share of the correction.
        assertEquals(klBias - plugIn / (n - 1), parts.bias(), 1e-12);
        assertEquals(parts.risk(), parts.noise() + parts.bias() + parts.variance(), 1e-12);
        assertTrue(klBias > 0 && plugIn > 0 && noise > 0);
        assertTrue(parts.varianceData() == null && parts.varianceInit() == null, "independent replicates");
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
    void aCentralPredictionEqualToTheTargetsLeavesOnlyTheCorrectionInTheBias() {
        // The central prediction is the sigmoid of the replicates' mean logit: spread the logits
        // symmetrically around the targets' own. Then KL(y || central) = 0, and bias = -plug-in / (N - 1).
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

        assertTrue(parts.variance() > 0.01, parts.toString());
        // N = 2: the plug-in variance is half the corrected one.
        assertEquals(-parts.variance() / 2, parts.bias(), 1e-6);
        assertEquals(parts.risk(), parts.noise() + parts.bias() + parts.variance(), 1e-12);
    }

    private static List<INDArray> arrays(double[][][] replicates) {
        List<INDArray> arrays = new ArrayList<>();
        for (double[][] replicate : replicates) {
            arrays.add(Nd4j.create(replicate));
        }
        return arrays;
    }

    /** The logit the decomposition holds for output p: of p clipped, rounded to float. */
    private static double heldLogit(double p) {
        double clipped = Math.min(Math.max(p, CLIP), 1 - CLIP);
        return (float) (Math.log(clipped) - Math.log(1 - clipped));
    }

    /** log sigmoid(t). */
    private static double logOne(double logit) {
        return -Math.log1p(Math.exp(-logit));
    }

    /** log(1 - sigmoid(t)). */
    private static double logZero(double logit) {
        return -Math.log1p(Math.exp(logit));
    }

    private static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    /** -y log q(1) - (1-y) log q(0), with 0 log 0 = 0. */
    private static double crossEntropy(double y, double logOne, double logZero) {
        return -(y == 0 ? 0 : y * logOne) - (y == 1 ? 0 : (1 - y) * logZero);
    }

    /** log x, and 0 for x = 0, whose weight in a cross-entropy is 0 too. */
    private static double safeLog(double x) {
        return x == 0 ? 0 : Math.log(x);
    }
}
