package org.aesweep.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.IntStream;

import org.aesweep.data.TrainTestSplit;
import org.aesweep.model.Autoencoder;
import org.aesweep.spark.ExecutorDataCache;
import org.aesweep.spec.InputScaling;
import org.aesweep.spec.LossKind;
import org.aesweep.spec.NoiseKind;
import org.aesweep.spec.OutputActivation;
import org.aesweep.spec.RunConfig;
import org.aesweep.spec.ValidationSize;
import org.aesweep.testing.RealData;
import org.aesweep.testing.TestRuns;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

/**
 * A tanh/MSE run on [-1, 1]-scaled MNIST through the data path runs take: its minibatches' inputs
 * and targets are the scaled images, and every loss it reports is the per-element MSE in [-1, 1],
 * i.e. 4x the MSE of the same reconstructions mapped back to [0, 1].
 */
class InputScalingTrainingTest {
    private static final RunConfig SYMMETRIC =
            noisyMseRun().output(OutputActivation.TANH, InputScaling.SYMMETRIC).build();
    /** The same run on [0, 1] images: the same seed, so the same noise draws. */
    private static final RunConfig UNIT_TWIN = noisyMseRun().build();

    private static TestRuns noisyMseRun() {
        return TestRuns.shallow(8).dataset("mnist").limits(400, 150).validation(ValidationSize.ofCount(100))
                .loss(LossKind.MSE).noise(NoiseKind.GAUSSIAN, 0.2).epochs(1);
    }

    private static TrainTestSplit data(InputScaling scaling) {
        return ExecutorDataCache.get(RealData.root().toString(), SYMMETRIC, scaling, new Configuration());
    }

    @Test
    void minibatchInputsAndTargetsAreTheScaledImages() {
        try (TrainingArrays arrays = TrainingArrays.of(data(InputScaling.SYMMETRIC))) {
            INDArray unitTrain = TrainingArrays.toMatrix(data(InputScaling.UNIT).train());
            assertTrue(PixelScaling.scale(unitTrain, InputScaling.SYMMETRIC).equalsWithEps(arrays.train(), 0));
            TrainingRun run = new TrainingRun(SYMMETRIC, arrays, (config, metrics) -> {
            }, model -> RunEngine.of(SYMMETRIC).evaluator(SYMMETRIC, model));
            int samples = (int) arrays.train().rows();
            DataSet whole = run.minibatch(arrays.train(), IntStream.range(0, samples).toArray(), 0, samples);

            assertTrue(whole.getLabels().equalsWithEps(arrays.train(), 0), "targets are the clean scaled images");
            assertEquals(-1.0, whole.getLabels().minNumber().doubleValue());
            assertEquals(1.0, whole.getLabels().maxNumber().doubleValue());
            // Gaussian noise is clipped to the pixel range, whose ends MNIST already reaches.
            assertEquals(-1.0, whole.getFeatures().minNumber().doubleValue());
            assertEquals(1.0, whole.getFeatures().maxNumber().doubleValue());
            assertFalse(whole.getFeatures().equalsWithEps(whole.getLabels(), 1e-3), "inputs are noisy");
        }
    }

    @Test
    void everyLossIsFourTimesTheUnitMseOfTheSameReconstructions() {
        TrainTestSplit unit = data(InputScaling.UNIT);
        TrainedRun trained;
        try (TrainingArrays arrays = TrainingArrays.of(data(InputScaling.SYMMETRIC))) {
            trained = RunEngine.of(SYMMETRIC).train(List.of(SYMMETRIC), arrays, (config, metrics) -> {
            }).get(0);
        }
        assertEquals(RunStatus.OK, trained.status(), trained.message());
        EpochMetrics last = trained.lastEpoch();
        LossEvaluator unitMse = unitMse(trained.model());
        // Float sums over 10^5 elements, in another order than the evaluator's.
        double tolerance = 1e-5;
        try (INDArray test = TrainingArrays.toMatrix(unit.test());
             INDArray validation = TrainingArrays.toMatrix(unit.validation());
             INDArray train = TrainingArrays.toMatrix(unit.train())) {
            assertEquals(4 * unitMse.evaluate(test, test), last.testLoss(), tolerance * last.testLoss());
            assertEquals(4 * unitMse.evaluate(validation, validation), last.validationLoss(),
                    tolerance * last.validationLoss());
            assertEquals(4 * unitMse.evaluate(train, train), trained.fullTrainLoss(),
                    tolerance * trained.fullTrainLoss());
            // A unit run of the same seed draws the same test noise: the [-1, 1] run saw it scaled.
            double unitDenoising = new TestSetEvaluator(unitMse, UNIT_TWIN, test).denoisingTestLoss();
            assertEquals(4 * unitDenoising, last.denoisingTestLoss(), tolerance * last.denoisingTestLoss());
        }
        assertTrue(Double.isFinite(last.trainLoss()), last.toString());
    }

    /**
     * Scores the symmetric run's model in [0, 1]: the mean squared error of its reconstructions of
     * [0, 1] inputs (fed to it scaled, mapped back) against [0, 1] targets.
     */
    private static LossEvaluator unitMse(Autoencoder model) {
        return new LossEvaluator() {
            @Override
            public double evaluate(INDArray inputs, INDArray targets) {
                INDArray reconstructed = PixelScaling.unscale(
                        model.reconstruct(PixelScaling.scale(inputs, InputScaling.SYMMETRIC)), InputScaling.SYMMETRIC);
                return reconstructed.castTo(DataType.DOUBLE).squaredDistance(targets.castTo(DataType.DOUBLE))
                        / targets.length();
            }

            @Override
            public CodedLoss evaluateAndEncode(INDArray images) {
                throw new UnsupportedOperationException();
            }
        };
    }
}
