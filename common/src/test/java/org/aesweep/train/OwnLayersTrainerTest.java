package org.aesweep.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.aesweep.spec.NoiseKind;
import org.aesweep.spec.OptimizerKind;
import org.aesweep.spec.RunConfig;
import org.aesweep.spec.ValidationSize;
import org.aesweep.testing.SyntheticImages;
import org.aesweep.testing.TestRuns;
import org.junit.jupiter.api.Test;

class OwnLayersTrainerTest {
    private static TrainingArrays withValidation(int train, int test, int validation) {
        return new TrainingArrays(SyntheticImages.matrix(train, 11), SyntheticImages.matrix(test, 12),
                SyntheticImages.matrix(validation, 13), SyntheticImages.SIDE, SyntheticImages.SIDE);
    }

    private static TrainingArrays data(int train, int test) {
        return new TrainingArrays(SyntheticImages.matrix(train, 11), SyntheticImages.matrix(test, 12),
                SyntheticImages.SIDE, SyntheticImages.SIDE);
    }

    @Test
    void testLossFallsOverEpochsAndEveryEpochIsReported() {
        List<EpochMetrics> seen = new ArrayList<>();
        TrainedRun run = new OwnLayersTrainer((config, metrics) -> seen.add(metrics))
                .train(TestRuns.shallow(16).epochs(4).build(), data(400, 100));

        assertEquals(RunStatus.OK, run.status());
        assertEquals(4, run.epochs().size());
        assertEquals(run.epochs(), seen);
        assertTrue(run.epochs().get(3).testLoss() < run.epochs().get(0).testLoss() * 0.9,
                "test loss should fall: " + run.epochs());
        assertTrue(Double.isNaN(run.epochs().get(0).denoisingTestLoss()), "no noise, no denoising loss");
        assertTrue(Double.isFinite(run.fullTrainLoss()));
    }

    @Test
    void trainLossIsTheSampleWeightedMeanOfMinibatchLosses() {
        // With a learning rate of zero the weights never move, so the mean minibatch loss of an epoch
        // must equal the loss of the same model over the whole training set, including the short
        // last batch (100 = 3 x 32 + 4).
        RunConfig frozen = TestRuns.shallow(8).epochs(1).optimizer(OptimizerKind.SGD, 0.0).build();
        TrainedRun run = new OwnLayersTrainer((config, metrics) -> { }).train(frozen, data(100, 20));

        // Float32 sums in different chunkings agree to about 1e-6 relative.
        assertEquals(run.fullTrainLoss(), run.epochs().get(0).trainLoss(), 1e-5);
    }

    @Test
    void sameConfigTrainsToTheSameLosses() {
        RunConfig config = TestRuns.shallow(8).epochs(2).replicate(1).build();
        TrainedRun first = new OwnLayersTrainer((c, m) -> { }).train(config, data(200, 50));
        TrainedRun second = new OwnLayersTrainer((c, m) -> { }).train(config, data(200, 50));

        for (int i = 0; i < 2; i++) {
            assertEquals(first.epochs().get(i).trainLoss(), second.epochs().get(i).trainLoss(), 0.0);
            assertEquals(first.epochs().get(i).testLoss(), second.epochs().get(i).testLoss(), 0.0);
        }
    }

    @Test
    void noisyRunsReportARepeatableDenoisingLossBesideTheCleanOne() {
        RunConfig noisy = TestRuns.shallow(16).noise(NoiseKind.GAUSSIAN, 0.5).build();
        EpochMetrics first = new OwnLayersTrainer((c, m) -> { }).train(noisy, data(300, 100)).lastEpoch();
        EpochMetrics second = new OwnLayersTrainer((c, m) -> { }).train(noisy, data(300, 100)).lastEpoch();

        assertTrue(Double.isFinite(first.denoisingTestLoss()));
        assertNotEquals(first.testLoss(), first.denoisingTestLoss(), 1e-4);
        // The test-set noise draw is fixed, so reruns see the same noisy inputs.
        assertEquals(first.denoisingTestLoss(), second.denoisingTestLoss(), 0.0);
    }

    @Test
    void aRunWhoseLossBecomesNonFiniteStopsAsDiverged() {
        RunConfig exploding = TestRuns.shallow(16).epochs(5).optimizer(OptimizerKind.SGD, 1e38).build();
        TrainedRun run = new OwnLayersTrainer((c, m) -> { }).train(exploding, data(200, 50));

        assertEquals(RunStatus.DIVERGED, run.status());
        assertTrue(run.message().contains("epoch"), run.message());
    }

    @Test
    void patienceEndsARunWhoseTestLossStopsFallingAndKeepsItsEpochs() {
        // Frozen weights: every epoch's test loss equals the first, so with patience 1 epoch 2 is the last.
        RunConfig frozen = TestRuns.shallow(8).epochs(10).optimizer(OptimizerKind.SGD, 0.0).stopping(10, 1).build();
        TrainedRun run = new OwnLayersTrainer((c, m) -> { }).train(frozen, data(100, 20));

        assertEquals(RunStatus.OK, run.status());
        assertEquals(2, run.epochs().size());
        assertEquals(1, run.bestEpoch(SelectionLoss.TEST));
        assertTrue(run.message().contains("stopped early after epoch 2"), run.message());
        assertTrue(Double.isFinite(run.fullTrainLoss()));
    }

    @Test
    void aRunWithAValidationSplitReportsItsValidationLossEveryEpochAndStopsOnIt() {
        RunConfig frozen = TestRuns.shallow(8).epochs(10).optimizer(OptimizerKind.SGD, 0.0).stopping(10, 1)
                .validation(ValidationSize.ofCount(30)).build();
        TrainedRun run = new OwnLayersTrainer((c, m) -> { }).train(frozen, withValidation(100, 20, 30));

        assertEquals(2, run.epochs().size());
        assertTrue(run.epochs().stream().allMatch(epoch -> Double.isFinite(epoch.validationLoss())), run.epochs().toString());
        assertNotEquals(run.epochs().get(0).testLoss(), run.epochs().get(0).validationLoss(), "another set");
        assertTrue(run.message().contains("no lower validation loss"), run.message());
        assertEquals(1, run.bestEpoch(SelectionLoss.of(frozen)));
    }

    @Test
    void aRunWithoutAValidationSplitHasNoValidationLoss() {
        TrainedRun run = new OwnLayersTrainer((c, m) -> { }).train(TestRuns.shallow(8).epochs(1).build(), data(100, 20));
        assertTrue(Double.isNaN(run.epochs().get(0).validationLoss()));
    }
}
