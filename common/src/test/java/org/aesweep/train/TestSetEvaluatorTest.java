package org.aesweep.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.aesweep.spec.NoiseDraw;
import org.aesweep.spec.NoiseKind;
import org.aesweep.spec.RunConfig;
import org.aesweep.testing.TestRuns;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The denoising test loss feeds the test images corrupted as the run's noise kind corrupts its
 * training inputs, one draw per run whatever its noise.draw, against the clean images.
 */
class TestSetEvaluatorTest {
    private static final int ROWS = 100;
    private static final int COLS = 500;

    /** Records what it is asked to score. */
    private static final class Recording implements LossEvaluator {
        final List<INDArray> inputs = new ArrayList<>();
        final List<INDArray> targets = new ArrayList<>();

        @Override
        public double evaluate(INDArray inputs, INDArray targets) {
            this.inputs.add(inputs.dup());
            this.targets.add(targets);
            return 0.25;
        }

        @Override
        public CodedLoss evaluateAndEncode(INDArray images) {
            throw new UnsupportedOperationException();
        }
    }

    private static INDArray grey() {
        return Nd4j.valueArrayOf(new long[] {ROWS, COLS}, 0.5f, DataType.FLOAT);
    }

    private static INDArray noisyTestInputs(RunConfig config, INDArray test) {
        Recording recording = new Recording();
        assertEquals(0.25, new TestSetEvaluator(recording, config, test).denoisingTestLoss());
        assertSame(test, recording.targets.get(0), "against the clean test images");
        return recording.inputs.get(0);
    }

    private static double share(INDArray values, double value) {
        return values.eq(value).castTo(DataType.FLOAT).sumNumber().doubleValue() / (ROWS * COLS);
    }

    @Test
    void dropoutRunsAreScoredOnDroppedAndScaledTestInputs() {
        INDArray noisy = noisyTestInputs(TestRuns.shallow(4).noise(NoiseKind.DROPOUT, 0.4).build(), grey());

        assertEquals(0.4, share(noisy, 0.0), 0.01);
        assertEquals(0.6, share(noisy, (float) (0.5 / 0.6)), 0.01);
    }

    @Test
    void unclippedGaussianRunsAreScoredOnUnclippedTestInputs() {
        INDArray noisy = noisyTestInputs(TestRuns.shallow(4).noise(NoiseKind.GAUSSIAN_UNCLIPPED, 0.3).build(), grey());

        assertTrue(noisy.minNumber().doubleValue() < 0.0 && noisy.maxNumber().doubleValue() > 1.0);
        INDArray clipped = noisyTestInputs(TestRuns.shallow(4).noise(NoiseKind.GAUSSIAN, 0.3).build(), grey());
        assertTrue(clipped.minNumber().doubleValue() >= 0.0 && clipped.maxNumber().doubleValue() <= 1.0);
    }

    @Test
    void theNoisyTestSetIsTheSameWhateverTheTrainingDraw() {
        TestRuns masking = TestRuns.shallow(4).noise(NoiseKind.MASKING, 0.3).replicate(2);
        INDArray perBatch = noisyTestInputs(masking.noiseDraw(NoiseDraw.PER_BATCH).build(), grey());
        INDArray fixed = noisyTestInputs(masking.noiseDraw(NoiseDraw.FIXED).build(), grey());

        assertEquals(perBatch, fixed);
        assertEquals(0.3, share(fixed, 0.0), 0.01);
    }

    @Test
    void cleanRunsHaveNoDenoisingLoss() {
        Recording recording = new Recording();
        TestSetEvaluator evaluator = new TestSetEvaluator(recording, TestRuns.shallow(4).build(), grey());

        assertTrue(Double.isNaN(evaluator.denoisingTestLoss()));
        assertTrue(recording.inputs.isEmpty());
    }
}
