package org.aesweep.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.aesweep.spec.LossKind;
import org.aesweep.spec.NoiseDraw;
import org.aesweep.spec.NoiseKind;
import org.aesweep.spec.RunConfig;
import org.aesweep.testing.SyntheticImages;
import org.aesweep.testing.TestRuns;
import org.junit.jupiter.api.Test;

/**
 * Fused training is each run's own training: every branch's per-epoch train, test and denoising
 * losses, full training loss and final parameters equal those of {@link OwnLayersTrainer} training the
 * run alone, for replicates and noise levels of one network, and a branch that stops early ends
 * like its solo run while the others go on.
 */
class FusedTrainerTest {
    private static TrainingArrays data() {
        // 300 = 4 x 64 + 44: the last minibatch is short.
        return new TrainingArrays(SyntheticImages.matrix(300, 21), SyntheticImages.matrix(60, 22),
                SyntheticImages.SIDE, SyntheticImages.SIDE);
    }

    @Test
    void everyBranchTrainsLikeItsRunAlone() {
        List<RunConfig> runs = List.of(
                TestRuns.shallow(12).epochs(3).batchSize(64).replicate(0).build(),
                TestRuns.shallow(12).epochs(3).batchSize(64).replicate(1).build(),
                TestRuns.shallow(12).epochs(3).batchSize(64).replicate(2).noise(NoiseKind.GAUSSIAN, 0.3).build());
        assertFusedMatchesSolo(runs, 1e-5);
    }

    @Test
    void deepMeanSquaredErrorBranchesToo() {
        List<RunConfig> runs = new ArrayList<>();
        for (int replicate = 0; replicate < 2; replicate++) {
            runs.add(TestRuns.shallow(6).deep(List.of(24)).loss(LossKind.MSE).epochs(2).batchSize(50)
                    .replicate(replicate).noise(NoiseKind.MASKING, 0.25).build());
        }
        assertFusedMatchesSolo(runs, 1e-5);
    }

    @Test
    void branchesWithAFixedNoiseDrawTrainOnTheirRunsOwnNoisyCopy() {
        List<RunConfig> runs = List.of(
                TestRuns.shallow(8).epochs(2).batchSize(64).noise(NoiseKind.DROPOUT, 0.3).noiseDraw(NoiseDraw.FIXED)
                        .build(),
                TestRuns.shallow(8).epochs(2).batchSize(64).noise(NoiseKind.GAUSSIAN_UNCLIPPED, 0.2)
                        .noiseDraw(NoiseDraw.FIXED).replicate(1).build(),
                TestRuns.shallow(8).epochs(2).batchSize(64).noise(NoiseKind.DROPOUT, 0.3).replicate(2).build());
        assertFusedMatchesSolo(runs, 1e-5);
    }

    @Test
    void aBranchThatStopsEarlyEndsLikeItsSoloRunWhileTheOthersGoOn() {
        // Patience 1 on a 6-epoch run: stops whenever the test loss fails to fall once.
        List<RunConfig> runs = List.of(
                TestRuns.shallow(4).epochs(6).batchSize(64).stopping(10, 1).replicate(0).build(),
                TestRuns.shallow(4).epochs(6).batchSize(64).stopping(10, 1).replicate(3).build());
        assertFusedMatchesSolo(runs, 1e-5);
    }

    private static void assertFusedMatchesSolo(List<RunConfig> runs, double tolerance) {
        List<TrainedRun> fused = new FusedTrainer((c, m) -> { }).train(runs, data());
        for (int k = 0; k < runs.size(); k++) {
            TrainedRun solo = new OwnLayersTrainer((c, m) -> { }).train(runs.get(k), data());
            TrainedRun branch = fused.get(k);
            String name = "branch " + k;
            assertEquals(solo.status(), branch.status(), name);
            assertEquals(solo.message(), branch.message(), name);
            assertEquals(solo.epochs().size(), branch.epochs().size(), name + " epochs");
            for (int e = 0; e < solo.epochs().size(); e++) {
                EpochMetrics expected = solo.epochs().get(e);
                EpochMetrics actual = branch.epochs().get(e);
                assertEquals(expected.trainLoss(), actual.trainLoss(), tolerance, name + " epoch " + e + " train");
                assertEquals(expected.testLoss(), actual.testLoss(), tolerance, name + " epoch " + e + " test");
                if (Double.isNaN(expected.denoisingTestLoss())) {
                    assertTrue(Double.isNaN(actual.denoisingTestLoss()), name);
                } else {
                    assertEquals(expected.denoisingTestLoss(), actual.denoisingTestLoss(), tolerance, name);
                }
            }
            assertEquals(solo.fullTrainLoss(), branch.fullTrainLoss(), tolerance, name + " full train loss");
            double paramDiff = solo.model().network().params().sub(branch.model().network().params())
                    .amaxNumber().doubleValue();
            assertTrue(paramDiff < 1e-4, name + " max |param diff| " + paramDiff);
        }
    }
}
