package org.aesweep.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.linalg.lossfunctions.impl.LossBinaryXENT;

/**
 * The fused loss on logits gives what DL4J's LossBinaryXENT gives on a sigmoid layer, for every
 * mask shape and both averaging modes, as long as the sigmoid stays out of LossBinaryXENT's clip
 * region; and it stays finite where that clip would have mattered.
 */
class SigmoidBinaryCrossEntropyTest {
    private static final IActivation IDENTITY = Activation.IDENTITY.getActivationFunction();
    private static final IActivation SIGMOID = Activation.SIGMOID.getActivationFunction();
    private static final int ROWS = 7;
    private static final int COLS = 11;

    private final ILossFunction fused = new SigmoidBinaryCrossEntropy();
    // LossBinaryXENT's gradient overwrites the pre-output it is given (the sigmoid backprop works in
    // place), so it only ever sees copies here.
    private final ILossFunction reference = new LossBinaryXENT();

    enum MaskKind { NONE, PER_ROW, PER_OUTPUT }

    static Stream<Arguments> cases() {
        return Stream.of(MaskKind.values()).flatMap(mask -> Stream.of(
                Arguments.of(mask, true, false), Arguments.of(mask, false, false),
                Arguments.of(mask, true, true), Arguments.of(mask, false, true)));
    }

    private static INDArray logits(long seed) {
        Nd4j.getRandom().setSeed(seed);
        // sigmoid(+-6) is 0.0025 / 0.9975: well inside LossBinaryXENT's clip to [1e-5, 1 - 1e-5].
        return Nd4j.rand(DataType.DOUBLE, ROWS, COLS).muli(12).subi(6);
    }

    private static INDArray labels(long seed, boolean binary) {
        Nd4j.getRandom().setSeed(seed);
        INDArray y = Nd4j.rand(DataType.DOUBLE, ROWS, COLS);
        return binary ? y.gt(0.5).castTo(DataType.DOUBLE) : y;
    }

    private static INDArray mask(MaskKind kind) {
        Nd4j.getRandom().setSeed(99);
        return switch (kind) {
            case NONE -> null;
            case PER_ROW -> Nd4j.createFromArray(new double[][] {{1}, {0}, {1}, {1}, {0}, {1}, {1}});
            case PER_OUTPUT -> Nd4j.rand(DataType.DOUBLE, ROWS, COLS).gt(0.3).castTo(DataType.DOUBLE);
        };
    }

    @ParameterizedTest(name = "mask {0}, average {1}, binary labels {2}")
    @MethodSource("cases")
    void scoresAndGradientsEqualLossBinaryXentOnASigmoid(MaskKind maskKind, boolean average, boolean binaryLabels) {
        INDArray z = logits(1);
        INDArray y = labels(2, binaryLabels);
        INDArray m = mask(maskKind);
        INDArray zBefore = z.dup();

        assertEquals(reference.computeScore(y, z.dup(), SIGMOID, m, average),
                fused.computeScore(y, z, IDENTITY, m, average), 1e-10, "score");

        INDArray expectedArray = reference.computeScoreArray(y, z.dup(), SIGMOID, m);
        INDArray scoreArray = fused.computeScoreArray(y, z, IDENTITY, m);
        assertArrayEquals(new long[] {ROWS, 1}, scoreArray.shape());
        assertArrayEquals(expectedArray.shape(), scoreArray.shape());
        assertTrue(expectedArray.equalsWithEps(scoreArray, 1e-10), "score array " + scoreArray + " vs " + expectedArray);

        INDArray expectedGradient = reference.computeGradient(y, z.dup(), SIGMOID, m);
        INDArray gradient = fused.computeGradient(y, z, IDENTITY, m);
        assertArrayEquals(expectedGradient.shape(), gradient.shape());
        assertTrue(expectedGradient.equalsWithEps(gradient, 1e-10), "gradient");

        Pair<Double, INDArray> both = fused.computeGradientAndScore(y, z, IDENTITY, m, average);
        assertEquals(reference.computeScore(y, z.dup(), SIGMOID, m, average), both.getFirst(), 1e-10);
        assertTrue(expectedGradient.equalsWithEps(both.getSecond(), 1e-10), "gradient of computeGradientAndScore");

        assertEquals(zBefore, z, "the logits are left alone");
    }

    @Test
    void theGradientIsSigmoidMinusLabelsAndTheScoreTheTextbookCrossEntropy() {
        INDArray z = logits(3);
        INDArray y = labels(4, false);
        double[][] zs = z.toDoubleMatrix();
        double[][] ys = y.toDoubleMatrix();
        double total = 0;
        double[][] expectedGradient = new double[ROWS][COLS];
        for (int i = 0; i < ROWS; i++) {
            for (int j = 0; j < COLS; j++) {
                double p = 1 / (1 + Math.exp(-zs[i][j]));
                total -= ys[i][j] * Math.log(p) + (1 - ys[i][j]) * Math.log(1 - p);
                expectedGradient[i][j] = p - ys[i][j];
            }
        }
        assertEquals(total / ROWS, fused.computeScore(y, z, IDENTITY, null, true), 1e-10);
        assertTrue(Nd4j.createFromArray(expectedGradient).equalsWithEps(fused.computeGradient(y, z, IDENTITY, null), 1e-12));
    }

    @Test
    void extremeLogitsGiveFiniteExactLossesWithoutClipping() {
        // In single precision sigmoid(+-40) rounds to 1 or 0, where log(p) would be -inf.
        INDArray z = Nd4j.createFromArray(new float[][] {{40f, -40f, 100f, -100f, 0f}});
        INDArray y = Nd4j.createFromArray(new float[][] {{0f, 1f, 1f, 0f, 1f}});
        INDArray scores = fused.computeScoreArray(y, z, IDENTITY, null);
        assertEquals(40 + 40 + 0 + 0 + Math.log(2), scores.getDouble(0), 1e-4);
        INDArray gradient = fused.computeGradient(y, z, IDENTITY, null);
        assertTrue(Nd4j.createFromArray(new float[][] {{1f, -1f, 0f, 0f, -0.5f}}).equalsWithEps(gradient, 1e-6), gradient.toString());
        assertEquals(DataType.FLOAT, scores.dataType());
        assertEquals(DataType.FLOAT, gradient.dataType());
    }

    @Test
    void fOrderedLogitsAndFloatLabelsAreHandled() {
        INDArray z = logits(5).dup('f');
        INDArray y = labels(6, false);
        assertEquals(reference.computeScore(y, z.dup(), SIGMOID, null, false),
                fused.computeScore(y.castTo(DataType.FLOAT), z, IDENTITY, null, false), 1e-5);
        assertTrue(reference.computeScoreArray(y, z.dup(), SIGMOID, null)
                .equalsWithEps(fused.computeScoreArray(y, z, IDENTITY, null), 1e-10));
    }

    @Test
    void refusesALayerThatAppliesItsOwnActivation() {
        INDArray z = logits(1);
        INDArray y = labels(2, false);
        assertThrows(IllegalStateException.class, () -> fused.computeScore(y, z, SIGMOID, null, true));
        assertThrows(IllegalStateException.class, () -> fused.computeGradient(y, z, SIGMOID, null));
        assertThrows(IllegalArgumentException.class,
                () -> fused.computeScore(y.getColumns(0, 1), z, IDENTITY, null, true));
    }

    @Test
    void equalityAndName() {
        assertEquals(new SigmoidBinaryCrossEntropy(), fused);
        assertEquals(new SigmoidBinaryCrossEntropy().hashCode(), fused.hashCode());
        assertTrue(!fused.equals(reference));
        assertEquals("SigmoidBinaryCrossEntropy", fused.name());
    }
}
