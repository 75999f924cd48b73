package org.aesweep.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.aesweep.engine.kernels.BceVectorKernel;
import org.aesweep.engine.kernels.VectorApi;
import org.aesweep.engine.kernels.VectorMath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The Vector API path of {@link SigmoidBinaryCrossEntropy} (c-order FLOAT arrays of one layout)
 * gives what a double-precision evaluation of the formula gives, and what the libnd4j path gives
 * for the same values (reached here through a mask of ones, or f-order logits for the block sums),
 * including logits far into both tails, lengths that are not a multiple of the vector width, and
 * labels in another order than the logits (DL4J's output layers give f-order logits).
 */
class BceVectorKernelTest {
    private static final IActivation IDENTITY = Activation.IDENTITY.getActivationFunction();
    private final SigmoidBinaryCrossEntropy loss = new SigmoidBinaryCrossEntropy();

    @Test
    void surefireStartsTheJvmWithTheVectorModuleSoTheFastPathIsTheOneTested() {
        assertTrue(VectorApi.available(), "tests must run with conf/java17-opens.options");
    }

    @ParameterizedTest
    @CsvSource({"37, 29", "300, 784"}) // the second is large enough to split over two threads
    void scoreAndGradientMatchDoublePrecisionAndTheLibnd4jPath(int rows, int cols) {
        Nd4j.getEnvironment().setMaxMasterThreads(2);
        INDArray z = logits(rows, cols);
        INDArray y = labels(rows, cols);
        double expectedTotal = 0;
        double worstGradient = 0;
        INDArray gradient = loss.computeGradient(y, z, IDENTITY, null);
        for (int r = 0; r < z.rows(); r++) {
            for (int c = 0; c < z.columns(); c++) {
                double zi = z.getFloat(r, c);
                double yi = y.getFloat(r, c);
                expectedTotal += Math.max(zi, 0) - zi * yi + Math.log1p(Math.exp(-Math.abs(zi)));
                double expectedGradient = 1 / (1 + Math.exp(-zi)) - yi;
                worstGradient = Math.max(worstGradient, Math.abs(expectedGradient - gradient.getFloat(r, c)));
            }
        }
        double score = loss.computeScore(y, z, IDENTITY, null, false);
        assertEquals(expectedTotal, score, 1e-5 * expectedTotal);
        assertTrue(worstGradient < 1e-6, "gradient off by " + worstGradient);

        INDArray ones = Nd4j.ones(DataType.FLOAT, z.rows(), 1);
        double libnd4jScore = loss.computeScore(y, z, IDENTITY, ones, true);
        assertEquals(libnd4jScore, loss.computeScore(y, z, IDENTITY, null, true), 1e-5 * libnd4jScore);
        INDArray libnd4jGradient = loss.computeGradient(y, z, IDENTITY, ones);
        assertTrue(libnd4jGradient.equalsWithEps(gradient, 1e-6), "libnd4j and Vector API gradients differ");

        INDArray zF = z.dup('f');
        assertEquals(score, loss.computeScore(y, zF, IDENTITY, null, false), 1e-6 * score);
        assertTrue(loss.computeGradient(y, zF, IDENTITY, null).equalsWithEps(gradient, 0.0),
                "f-order logits with c-order labels give the same gradient");
    }

    @ParameterizedTest
    @CsvSource({"5, 19", "120, 784"})
    void blockSumsSplitTheLossByColumnBlocksLikeTheLibnd4jPath(int rows, int width) {
        Nd4j.getEnvironment().setMaxMasterThreads(2);
        INDArray z = logits(rows, 3 * width);
        INDArray y = labels(rows, 3 * width);
        double[] vectorised = SigmoidBinaryCrossEntropy.blockSums(y, z, 3);
        double[] libnd4j = SigmoidBinaryCrossEntropy.blockSums(y, z.dup('f'), 3);
        double total = 0;
        for (int k = 0; k < 3; k++) {
            assertEquals(libnd4j[k], vectorised[k], 1e-5 * libnd4j[k], "block " + k);
            total += vectorised[k];
        }
        assertEquals(loss.computeScore(y, z, IDENTITY, null, false), total, 1e-5 * total);
    }

    @Test
    void expAndLog1pAreAccurateToAFewUlpsOverTheirRanges() {
        int lanes = jdk.incubator.vector.FloatVector.SPECIES_PREFERRED.length();
        float[] in = new float[lanes];
        float[] out = new float[lanes];
        double worstExp = 0;
        double worstLog1p = 0;
        for (int step = 0; step < 20_000; step += lanes) {
            for (int l = 0; l < lanes; l++) {
                in[l] = -87f + 175f * (step + l) / 20_000f;
            }
            var x = jdk.incubator.vector.FloatVector.fromArray(jdk.incubator.vector.FloatVector.SPECIES_PREFERRED, in, 0);
            org.aesweep.engine.kernels.VectorMath.exp(x).intoArray(out, 0);
            for (int l = 0; l < lanes; l++) {
                double exact = Math.exp(in[l]);
                worstExp = Math.max(worstExp, Math.abs(out[l] - exact) / exact);
            }
            for (int l = 0; l < lanes; l++) {
                in[l] = (step + l) / 20_000f;
            }
            x = jdk.incubator.vector.FloatVector.fromArray(jdk.incubator.vector.FloatVector.SPECIES_PREFERRED, in, 0);
            BceVectorKernel.log1pOfUnit(x).intoArray(out, 0);
            for (int l = 0; l < lanes; l++) {
                worstLog1p = Math.max(worstLog1p, Math.abs(out[l] - Math.log1p(in[l])));
            }
        }
        assertTrue(worstExp < 3e-7, "exp relative error " + worstExp);
        assertTrue(worstLog1p < 2e-7, "log1p absolute error " + worstLog1p);
    }

    @Test
    void viewsAreReadWhereTheyStart() {
        INDArray z = logits(9, 40);
        INDArray y = labels(9, 40);
        INDArray zRows = z.get(NDArrayIndex.interval(3, 6), NDArrayIndex.all());
        INDArray yRows = y.get(NDArrayIndex.interval(3, 6), NDArrayIndex.all());
        assertEquals(loss.computeScore(yRows.dup(), zRows.dup(), IDENTITY, null, false),
                loss.computeScore(yRows, zRows, IDENTITY, null, false), 1e-6);
        assertEquals(loss.computeGradient(yRows.dup(), zRows.dup(), IDENTITY, null),
                loss.computeGradient(yRows, zRows, IDENTITY, null));
    }

    /** Logits from -100 to 100, so both exp tails (over- and underflow) are exercised. */
    private static INDArray logits(int rows, int cols) {
        Nd4j.getRandom().setSeed(rows * 1000L + cols);
        INDArray z = Nd4j.randn(DataType.FLOAT, rows, cols).muli(8);
        z.putScalar(0, 0, 100f);
        z.putScalar(0, 1, -100f);
        z.putScalar(0, 2, 0f);
        return z;
    }

    private static INDArray labels(int rows, int cols) {
        Nd4j.getRandom().setSeed(rows * 7L + cols);
        return Nd4j.rand(DataType.FLOAT, rows, cols);
    }
}
