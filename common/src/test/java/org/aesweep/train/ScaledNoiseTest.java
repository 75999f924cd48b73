package org.aesweep.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.stream.Stream;

import org.aesweep.spec.InputScaling;
import org.aesweep.spec.NoiseKind;
import org.aesweep.testing.SyntheticImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Noise on [-1, 1] images is the scaled noise of the [0, 1] images, draw for draw. */
class ScaledNoiseTest {
    private static final long SEED = 11;

    static Stream<NoiseKind> everyNoise() {
        return Arrays.stream(NoiseKind.values()).filter(kind -> kind != NoiseKind.NONE);
    }

    @ParameterizedTest
    @MethodSource("everyNoise")
    void corruptingAScaledImageIsScalingTheCorruptedUnitImage(NoiseKind kind) {
        INDArray unit = SyntheticImages.matrix(50, 3);
        INDArray symmetric = PixelScaling.scale(unit, InputScaling.SYMMETRIC);
        NoiseModel unitNoise = NoiseModels.create(kind, 0.3, SEED);
        NoiseModel symmetricNoise = ScaledNoise.of(InputScaling.SYMMETRIC, NoiseModels.create(kind, 0.3, SEED));

        for (int call = 0; call < 2; call++) {
            INDArray expected = PixelScaling.scale(unitNoise.corrupt(unit), InputScaling.SYMMETRIC);
            INDArray noisy = symmetricNoise.corrupt(symmetric);
            assertTrue(expected.equalsWithEps(noisy, 1e-6), kind + " draw " + call);
            assertFalse(noisy.equalsWithEps(symmetric, 1e-6), "it does corrupt");
            if (kind != NoiseKind.GAUSSIAN_UNCLIPPED && kind != NoiseKind.DROPOUT) {
                // The other kinds leave [0, 1] pixels in [0, 1]; these two, like their Keras layers, do not.
                assertTrue(noisy.minNumber().doubleValue() >= -1 && noisy.maxNumber().doubleValue() <= 1);
            }
        }
        assertEquals(-1.0, symmetric.minNumber().doubleValue(), 1e-6, "the clean batch is not modified");
    }

    @Test
    void maskedPixelsBecomeTheRangesLowEnd() {
        INDArray white = Nd4j.ones(DataType.FLOAT, 100, 100);
        INDArray noisy = ScaledNoise.of(InputScaling.SYMMETRIC, NoiseModels.create(NoiseKind.MASKING, 0.5, SEED))
                .corrupt(white);
        double masked = noisy.eq(-1.0).castTo(DataType.FLOAT).meanNumber().doubleValue();
        double kept = noisy.eq(1.0).castTo(DataType.FLOAT).meanNumber().doubleValue();

        assertEquals(0.5, masked, 0.02);
        assertEquals(1.0, masked + kept, 1e-6, "every pixel is black or white");
    }

    @Test
    void unitScalingAndNoNoiseAreTheModelItself() {
        NoiseModel gaussian = NoiseModels.create(NoiseKind.GAUSSIAN, 0.2, SEED);
        assertSame(gaussian, ScaledNoise.of(InputScaling.UNIT, gaussian));
        NoiseModel none = NoiseModels.create(NoiseKind.NONE, 0.0, SEED);
        assertSame(none, ScaledNoise.of(InputScaling.SYMMETRIC, none));
        assertTrue(ScaledNoise.of(InputScaling.SYMMETRIC, none).isIdentity());
    }
}
