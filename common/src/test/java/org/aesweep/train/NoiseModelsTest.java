package org.aesweep.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.aesweep.spec.NoiseKind;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Each noise model's empirical corruption statistics match its level on 10^5 pixels. */
class NoiseModelsTest {
    private static final int ROWS = 125;
    private static final int COLS = 800;
    private static final double PIXELS = ROWS * COLS;

    /** Mid-grey inputs: masking (0), salt (1) and pepper (0) are all told apart from untouched pixels. */
    private static INDArray grey() {
        return Nd4j.valueArrayOf(new long[] {ROWS, COLS}, 0.5f, DataType.FLOAT);
    }

    private static double share(INDArray noisy, double value) {
        return noisy.eq(value).castTo(DataType.FLOAT).sumNumber().doubleValue() / PIXELS;
    }

    @Test
    void maskingZeroesTheLevelsShareOfInputs() {
        INDArray clean = grey();
        INDArray noisy = NoiseModels.create(NoiseKind.MASKING, 0.5, 1).corrupt(clean);

        assertEquals(0.5, share(noisy, 0.0), 0.01);
        assertEquals(0.5, share(noisy, 0.5), 0.01);
        assertEquals(0.5, clean.meanNumber().doubleValue(), 0.0, "the clean batch is not modified");
    }

    @Test
    void saltAndPepperSetsTheLevelsShareToZeroOrOneEvenly() {
        INDArray noisy = NoiseModels.create(NoiseKind.SALT_AND_PEPPER, 0.2, 2).corrupt(grey());

        assertEquals(0.1, share(noisy, 0.0), 0.01);
        assertEquals(0.1, share(noisy, 1.0), 0.01);
        assertEquals(0.8, share(noisy, 0.5), 0.01);
    }

    @Test
    void gaussianNoiseHasTheLevelAsStandardDeviationAndStaysInRange() {
        INDArray noisy = NoiseModels.create(NoiseKind.GAUSSIAN, 0.1, 3).corrupt(grey());
        INDArray noise = noisy.sub(0.5);

        assertEquals(0.0, noise.meanNumber().doubleValue(), 0.002);
        // Clipping to [0, 1] is five sigma away from 0.5, so it barely affects the spread.
        assertEquals(0.1, noise.stdNumber().doubleValue(), 0.002);
        assertTrue(noisy.minNumber().doubleValue() >= 0.0 && noisy.maxNumber().doubleValue() <= 1.0);
        INDArray strong = NoiseModels.create(NoiseKind.GAUSSIAN, 1.0, 3).corrupt(grey());
        assertTrue(strong.minNumber().doubleValue() >= 0.0 && strong.maxNumber().doubleValue() <= 1.0);
    }

    @Test
    void unclippedGaussianNoiseHasTheLevelAsStandardDeviationAndLeavesThePixelRange() {
        INDArray noisy = NoiseModels.create(NoiseKind.GAUSSIAN_UNCLIPPED, 0.3, 6).corrupt(grey());
        INDArray noise = noisy.sub(0.5);

        assertEquals(0.0, noise.meanNumber().doubleValue(), 0.004);
        // Clipped, the spread would shrink: 0.5 is only 1.7 sigma from either end of [0, 1].
        assertEquals(0.3, noise.stdNumber().doubleValue(), 0.003);
        double outside = noisy.lt(0.0).castTo(DataType.FLOAT).sumNumber().doubleValue()
                + noisy.gt(1.0).castTo(DataType.FLOAT).sumNumber().doubleValue();
        // P(|N(0, 0.3^2)| > 0.5) = 0.0956
        assertEquals(0.0956, outside / PIXELS, 0.005);
    }

    @Test
    void dropoutZeroesTheLevelsShareAndScalesTheKeptInputsSoTheMeanStays() {
        INDArray clean = grey();
        INDArray noisy = NoiseModels.create(NoiseKind.DROPOUT, 0.2, 7).corrupt(clean);

        assertEquals(0.2, share(noisy, 0.0), 0.01);
        assertEquals(0.8, share(noisy, 0.5 / 0.8), 0.01, "kept inputs scaled by 1/(1 - level)");
        assertEquals(0.5, noisy.meanNumber().doubleValue(), 0.005, "the expected input is the clean one");
        assertEquals(0.5, clean.meanNumber().doubleValue(), 0.0, "the clean batch is not modified");
    }

    @Test
    void dropoutRefusesLevelOneWhichWouldDivideByZero() {
        assertThrows(IllegalArgumentException.class, () -> NoiseModels.create(NoiseKind.DROPOUT, 1.0, 8));
        assertTrue(NoiseModels.create(NoiseKind.MASKING, 1.0, 8).corrupt(grey()).maxNumber().doubleValue() == 0.0);
    }

    @Test
    void everyKindsNoiseIsFreshPerCallAndRepeatablePerSeed() {
        for (NoiseKind kind : NoiseKind.values()) {
            if (kind == NoiseKind.NONE) {
                continue;
            }
            NoiseModel first = NoiseModels.create(kind, 0.3, 4);
            NoiseModel again = NoiseModels.create(kind, 0.3, 4);
            INDArray a = first.corrupt(grey());

            assertNotEquals(a, first.corrupt(grey()), kind.specName());
            assertEquals(a, again.corrupt(grey()), kind.specName());
            assertNotEquals(a, NoiseModels.create(kind, 0.3, 5).corrupt(grey()), kind.specName());
        }
    }

    @Test
    void noneAndLevelZeroAreTheIdentity() {
        INDArray clean = grey();
        assertSame(clean, NoiseModels.create(NoiseKind.NONE, 0.0, 5).corrupt(clean));
        assertTrue(NoiseModels.create(NoiseKind.SALT_AND_PEPPER, 0.0, 5).isIdentity());
    }
}
