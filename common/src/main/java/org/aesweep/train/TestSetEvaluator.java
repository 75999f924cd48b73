package org.aesweep.train;

import org.aesweep.spec.RunConfig;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A run's per-epoch test losses: the clean test loss, and for noisy runs the denoising loss
 * (noisy test inputs against clean targets). The test inputs are corrupted as the run's kind and
 * level corrupt its training inputs, drawn once from a seed fixed per run whatever its noise.draw,
 * so every epoch, rerun and training mode sees the same corrupted test set.
 */
public final class TestSetEvaluator {
    /** Keeps the test noise draw apart from the training noise, which uses the run seed itself. */
    private static final long TEST_NOISE_SEED_OFFSET = 0x7E57_0000_0000L;

    private final LossEvaluator evaluator;
    private final INDArray test;
    private final INDArray noisyTest;

    public TestSetEvaluator(LossEvaluator evaluator, RunConfig config, INDArray test) {
        this.evaluator = evaluator;
        this.test = test;
        NoiseModel noise = ScaledNoise.ofRun(config, config.runSeed() + TEST_NOISE_SEED_OFFSET);
        this.noisyTest = noise.isIdentity() ? null : noise.corrupt(test);
    }

    public double testLoss() {
        return evaluator.evaluate(test, test);
    }

    /** NaN for runs without input noise. */
    public double denoisingTestLoss() {
        return noisyTest == null ? Double.NaN : evaluator.evaluate(noisyTest, test);
    }
}
