package org.aesweep.train;

import java.util.List;
import java.util.Random;

import org.aesweep.spec.RunConfig;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Measures how fast a run's network trains and evaluates on this JVM, before the sweep: it trains
 * the run's own network, by the trainer its task will use, for three epochs over a few minibatches
 * of random images and keeps the fastest epoch after the first (which pays for allocation, and in
 * a new JVM the JIT still compiles the kernels through the second), then scores the test images
 * with the trained network as the run scores its test set. Random pixels cost the same arithmetic
 * as real ones.
 */
public final class TrainingSpeedProbe {
    /** Enough steps that one slow step does not decide the figure, few enough to probe every shape. */
    static final int MIN_SAMPLES = 1024;
    static final int MIN_STEPS = 2;
    static final int TEST_SAMPLES = 1000;
    static final int EPOCHS = 3;

    /**
     * @param secondsPerTrainingSample one training step's seconds over its minibatch size
     * @param secondsPerScoredSample   a forward pass and loss, per image
     */
    public record Speed(double secondsPerTrainingSample, double secondsPerScoredSample) {
    }

    private TrainingSpeedProbe() {
    }

    /** Probes {@code run}'s network on images of rows x cols with the ND4J threads currently set. */
    public static Speed measure(RunConfig run, int rows, int cols) {
        int steps = Math.max(MIN_STEPS, (MIN_SAMPLES + run.recipe().batchSize() - 1) / run.recipe().batchSize());
        Random random = new Random(run.runSeed());
        try (TrainingArrays arrays = new TrainingArrays(randomImages(steps * run.recipe().batchSize(), rows * cols, random),
                randomImages(TEST_SAMPLES, rows * cols, random), rows, cols)) {
            RunEngine engine = RunEngine.of(run);
            TrainedRun trained = engine.train(List.of(run.withEpochs(EPOCHS)), arrays, (config, metrics) -> {
            }).get(0);
            if (trained.status() == RunStatus.FAILED || trained.epochs().isEmpty()) {
                throw new IllegalStateException("run " + run.runId() + " did not train an epoch on random images: "
                        + trained.message());
            }
            double fastest = trained.epochs().stream().skip(1).mapToDouble(EpochMetrics::seconds).min()
                    .orElse(trained.lastEpoch().seconds());
            double perTrainingSample = fastest / arrays.train().rows();
            LossEvaluator evaluator = engine.evaluator(run, trained.model());
            long start = System.nanoTime();
            evaluator.evaluate(arrays.test(), arrays.test());
            double perScoredSample = (System.nanoTime() - start) / 1e9 / TEST_SAMPLES;
            return new Speed(perTrainingSample, perScoredSample);
        }
    }

    private static INDArray randomImages(int count, int pixels, Random random) {
        float[] values = new float[count * pixels];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextFloat();
        }
        return Nd4j.create(values, new long[] {count, pixels}, DataType.FLOAT);
    }
}
