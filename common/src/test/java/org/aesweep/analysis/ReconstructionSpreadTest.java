package org.aesweep.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.aesweep.model.Autoencoder;
import org.aesweep.model.AutoencoderFactory;
import org.aesweep.testing.SyntheticImages;
import org.aesweep.testing.TestRuns;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

class ReconstructionSpreadTest {
    private static final int SIDE = SyntheticImages.SIDE;

    private static Autoencoder model(int replicate) {
        return AutoencoderFactory.build(TestRuns.shallow(4).replicate(replicate).build(), SIDE, SIDE);
    }

    @Test
    void identicalReplicatesHaveNoVarianceAndAllTheirRiskIsBias() {
        INDArray test = SyntheticImages.matrix(1500, 3);
        RiskDecomposition same = independent(List.of(model(0), model(0)), test, DecompositionKind.SQUARED_ERROR);
        assertEquals(0.0, same.variance(), 1e-12);
        assertEquals(same.risk(), same.bias(), 1e-12);
        assertTrue(same.risk() > 0);
    }

    @Test
    void matchesTheFormulaComputedDirectly() {
        INDArray test = SyntheticImages.matrix(1200, 4);
        List<Autoencoder> models = List.of(model(0), model(1), model(2));
        RiskDecomposition result = independent(models, test, DecompositionKind.SQUARED_ERROR);

        double[][] x = test.toDoubleMatrix();
        double[][][] f = new double[3][][];
        for (int i = 0; i < 3; i++) {
            f[i] = models.get(i).reconstruct(test).toDoubleMatrix();
        }
        double risk = 0;
        double spread = 0;
        for (int s = 0; s < x.length; s++) {
            for (int p = 0; p < x[s].length; p++) {
                double mean = (f[0][s][p] + f[1][s][p] + f[2][s][p]) / 3;
                for (int i = 0; i < 3; i++) {
                    risk += Math.pow(f[i][s][p] - x[s][p], 2);
                    spread += Math.pow(f[i][s][p] - mean, 2);
                }
            }
        }
        double elements = (double) x.length * x[0].length;
        double expectedRisk = risk / (3 * elements);
        double expectedVariance = spread / (3 * elements) * 3 / 2;
        assertEquals(3, result.replicates());
        assertEquals(expectedRisk, result.risk(), 1e-6 * expectedRisk);
        assertEquals(expectedVariance, result.variance(), 1e-5 * expectedVariance);
        assertEquals(expectedRisk - expectedVariance, result.bias(), 1e-5 * expectedRisk);
        assertTrue(result.variance() > 0);
    }

    @Test
    void crossEntropyRunsGetTheBernoulliDecompositionOfTheirOwnTestLoss() {
        // More rows than a chunk: the chunks' parameters must make up the decomposition of the whole.
        INDArray test = SyntheticImages.matrix(1200, 4);
        List<Autoencoder> models = List.of(model(0), model(1), model(2));
        RiskDecomposition result = independent(models, test, DecompositionKind.BERNOULLI_KL);

        List<INDArray> reconstructions = models.stream()
                .map(model -> model.reconstruct(test).castTo(DataType.DOUBLE)).toList();
        RiskDecomposition whole = DecompositionKind.BERNOULLI_KL.decompose(test.castTo(DataType.DOUBLE),
                reconstructions);
        assertEquals(DecompositionKind.BERNOULLI_KL, result.kind());
        assertEquals(whole.risk(), result.risk(), 1e-12);
        assertEquals(whole.noise(), result.noise(), 1e-12);
        assertEquals(whole.bias(), result.bias(), 1e-12);
        assertEquals(whole.variance(), result.variance(), 1e-12);
        assertEquals(result.risk(), result.noise() + result.bias() + result.variance(), 1e-9);
        // The risk is the BCE the runs report as their test loss, from the same networks.
        double testLoss = models.stream().mapToDouble(model -> model.lossFromCodes(model.encode(test), test))
                .average().orElseThrow();
        assertEquals(testLoss, result.risk(), 1e-5 * testLoss);
        assertTrue(result.variance() > 0 && result.bias() > 0, result.toString());
    }

    @Test
    void oneReplicateHasNoVariance() {
        for (DecompositionKind kind : DecompositionKind.values()) {
            assertThrows(IllegalArgumentException.class,
                    () -> independent(List.of(model(0)), SyntheticImages.matrix(10, 5), kind));
        }
    }

    private static RiskDecomposition independent(List<Autoencoder> models, INDArray test, DecompositionKind kind) {
        return ReconstructionSpread.decompose(models, test, kind, new SingleFactorDesign(models.size()),
                BootstrapSettings.NONE);
    }
}
