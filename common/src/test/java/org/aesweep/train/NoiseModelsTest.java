package org.aesweep.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
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
    void noiseIsFreshPerCallAndRepeatablePerSeed() {
        NoiseModel first = NoiseModels.create(NoiseKind.MASKING, 0.3, 4);
        NoiseModel again = NoiseModels.create(NoiseKind.MASKING, 0.3, 4);
        INDArray a = first.corrupt(grey());

        assertNotEquals(a, first.corrupt(grey()));
        assertEquals(a, again.corrupt(grey()));
    }

    @Test
    void noneAndLevelZeroAreTheIdentity() {
        INDArray clean = grey();
        assertSame(clean, NoiseModels.create(NoiseKind.NONE, 0.0, 5).corrupt(clean));
        assertTrue(NoiseModels.create(NoiseKind.SALT_AND_PEPPER, 0.0, 5).isIdentity());
    }
}
