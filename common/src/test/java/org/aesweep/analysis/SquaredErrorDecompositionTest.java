package org.aesweep.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The squared-error decomposition of Yang et al. (2020) of independent replicates on small arrays
 * worked by hand; the decomposition holds outputs in single precision, as networks give them.
 */
class SquaredErrorDecompositionTest {
    @Test
    void onePixelWorkedByHand() {
        // y = 0; f = 0.2 and 0.4, mean 0.3: risk (0.04 + 0.16) / 2; variance (0.01 + 0.01) / 2 x 2/1.
        RiskDecomposition parts = DecompositionKind.SQUARED_ERROR.decompose(Nd4j.create(new double[][] {{0.0}}),
                List.of(Nd4j.create(new double[][] {{0.2}}), Nd4j.create(new double[][] {{0.4}})));

        assertEquals(DecompositionKind.SQUARED_ERROR, parts.kind());
        assertEquals(0.1, parts.risk(), 1e-7);
        assertEquals(0.02, parts.variance(), 1e-7);
        assertEquals(0.08, parts.bias(), 1e-7);
        assertEquals(parts.risk(), parts.bias() + parts.variance(), 1e-15);
        assertNull(parts.noise(), "clean targets leave squared error no noise term");
    }

    @Test
    void aDrawThatRepeatsReplicatesWeighsThemByTheirCountsAndCorrectsForTheRepeats() {
        // Replicates 0, 0, 1 of three: weights 2/3, 1/3, 0, so 1 - sum w^2 = 4/9 replaces (N-1)/N.
        double[] f = {0.25, 0.75, 0.5};
        ReplicateParameters replicates = ReplicateParameters.of(Nd4j.create(new double[][] {{0.0}}),
                List.of(Nd4j.create(new double[][] {{f[0]}}), Nd4j.create(new double[][] {{f[1]}}),
                        Nd4j.create(new double[][] {{f[2]}})), DecompositionKind.SQUARED_ERROR);
        SingleFactorDesign design = new SingleFactorDesign(3);
        int[] counts = {2, 1, 0};

        double[][] statistics = design.imageStatistics(counts, replicates, new double[0][],
                PotentialAtMeans.exact(replicates, design.drawnMeans(counts)));
        Estimates draw = design.estimates(JensenGaps.elementMeans(statistics, null, 1), counts,
                DecompositionKind.SQUARED_ERROR);

        double mean = (2 * f[0] + f[1]) / 3;
        double spread = (2 * Math.pow(f[0] - mean, 2) + Math.pow(f[1] - mean, 2)) / 3;
        assertEquals(spread / (4.0 / 9), draw.variance(), 1e-15);
        assertEquals((2 * f[0] * f[0] + f[1] * f[1]) / 3, draw.risk(), 1e-15);
    }

    @Test
    void perElementMeansOverEveryPixel() {
        INDArray y = Nd4j.create(new double[][] {{0.0, 1.0}, {0.5, 0.25}});
        INDArray f1 = Nd4j.create(new double[][] {{0.1, 0.7}, {0.5, 0.0}});
        INDArray f2 = Nd4j.create(new double[][] {{0.3, 0.9}, {0.1, 0.5}});

        RiskDecomposition parts = DecompositionKind.SQUARED_ERROR.decompose(y, List.of(f1, f2));

        double risk = (0.01 + 0.09 + 0 + 0.0625 + 0.09 + 0.01 + 0.16 + 0.0625) / 8;
        // Each pixel's two reconstructions lie d/2 from their mean, d their distance.
        double variance = (2 * 0.01 + 2 * 0.01 + 2 * 0.04 + 2 * 0.0625) / 8 * 2;
        assertEquals(risk, parts.risk(), 1e-7);
        assertEquals(variance, parts.variance(), 1e-7);
        assertEquals(risk - variance, parts.bias(), 1e-7);
    }

    @Test
    void identicalReplicatesHaveNoVarianceAndAllTheirRiskIsBias() {
        INDArray y = Nd4j.create(new double[][] {{0.0, 0.3, 1.0}});
        INDArray f = Nd4j.create(new double[][] {{0.1, 0.5, 0.9}});

        RiskDecomposition parts = DecompositionKind.SQUARED_ERROR.decompose(y, List.of(f, f.dup()));

        assertEquals(0.0, parts.variance(), 1e-15);
        assertEquals(parts.risk(), parts.bias(), 1e-15);
    }

    @Test
    void oneReplicateHasNoVariance() {
        INDArray y = Nd4j.create(new double[][] {{0.5}});
        assertThrows(IllegalArgumentException.class, () -> DecompositionKind.SQUARED_ERROR.decompose(y, List.of(y)));
    }
}
