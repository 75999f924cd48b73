package org.aesweep.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.aesweep.spec.InputScaling;
import org.aesweep.testing.SyntheticImages;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

class PixelScalingTest {
    @Test
    void matricesAreScaledAsSinglePixelsAreAndComeBack() {
        INDArray unit = SyntheticImages.matrix(20, 5);
        INDArray symmetric = PixelScaling.scale(unit, InputScaling.SYMMETRIC);

        float[] pixels = unit.data().asFloat();
        float[] expected = new float[pixels.length];
        for (int i = 0; i < pixels.length; i++) {
            expected[i] = InputScaling.SYMMETRIC.scale(pixels[i]);
        }
        assertArrayEquals(expected, symmetric.data().asFloat(), 0f, "the same floats as the data cache's images");
        assertTrue(unit.equalsWithEps(PixelScaling.unscale(symmetric, InputScaling.SYMMETRIC), 1e-7));
    }

    @Test
    void unitScalingHandsBackItsArgument() {
        INDArray unit = SyntheticImages.matrix(2, 5);
        assertSame(unit, PixelScaling.scale(unit, InputScaling.UNIT));
        assertSame(unit, PixelScaling.unscale(unit, InputScaling.UNIT));
    }
}
