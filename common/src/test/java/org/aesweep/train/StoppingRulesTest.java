package org.aesweep.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.aesweep.spec.StoppingSpec;
import org.junit.jupiter.api.Test;

class StoppingRulesTest {
    private static EpochMetrics epoch(int number, double trainLoss, double testLoss) {
        return new EpochMetrics(number, trainLoss, testLoss, Double.NaN, 1, 1, 0);
    }

    @Test
    void nonFiniteLossesAlwaysMeanDivergence() {
        StoppingRules off = new StoppingRules(new StoppingSpec(0, 0), SelectionLoss.TEST);
        assertEquals(RunStatus.DIVERGED, off.afterTraining(1, Double.NaN, List.of()).orElseThrow().status());
        assertEquals(RunStatus.DIVERGED,
                off.afterTraining(1, Double.POSITIVE_INFINITY, List.of()).orElseThrow().status());
        Optional<StoppingRules.Stop> test = off.afterEvaluation(List.of(epoch(1, 0.3, Double.NaN)));
        assertEquals(RunStatus.DIVERGED, test.orElseThrow().status());
        assertTrue(test.get().message().contains("epoch 1"), test.get().message());
    }

    @Test
    void aTrainingLossPastTheFactorTimesTheLowestDiverges() {
        StoppingRules rules = new StoppingRules(new StoppingSpec(4, 0), SelectionLoss.TEST);
        List<EpochMetrics> earlier = List.of(epoch(1, 0.5, 0.5), epoch(2, 0.25, 0.3));
        assertTrue(rules.afterTraining(3, 0.99, earlier).isEmpty(), "3.96x the lowest is within 4x");
        StoppingRules.Stop stop = rules.afterTraining(3, 1.01, earlier).orElseThrow();
        assertEquals(RunStatus.DIVERGED, stop.status());
        assertTrue(stop.message().contains("epoch 3") && stop.message().contains("0.25"), stop.message());
        assertTrue(new StoppingRules(new StoppingSpec(0, 0), SelectionLoss.TEST).afterTraining(3, 1e6, earlier).isEmpty(), "0 disables");
        assertTrue(rules.afterTraining(1, 1e6, List.of()).isEmpty(), "nothing to compare the first epoch with");
    }

    @Test
    void patienceStopsAfterThatManyEpochsWithoutANewLowestTestLoss() {
        StoppingRules rules = new StoppingRules(new StoppingSpec(0, 2), SelectionLoss.TEST);
        List<EpochMetrics> epochs = new ArrayList<>(List.of(epoch(1, 0.5, 0.40), epoch(2, 0.4, 0.30)));
        assertTrue(rules.afterEvaluation(epochs).isEmpty());
        epochs.add(epoch(3, 0.35, 0.31));
        assertTrue(rules.afterEvaluation(epochs).isEmpty(), "one epoch without improvement");
        epochs.add(epoch(4, 0.34, 0.30));
        StoppingRules.Stop stop = rules.afterEvaluation(epochs).orElseThrow();
        assertEquals(RunStatus.OK, stop.status(), "early stopping is a normal end");
        assertTrue(stop.message().contains("best epoch 2"), stop.message());
        assertTrue(new StoppingRules(new StoppingSpec(0, 0), SelectionLoss.TEST).afterEvaluation(epochs).isEmpty(), "0 disables");
    }

    private static EpochMetrics epoch(int number, double testLoss, double validationLoss, boolean withValidation) {
        return new EpochMetrics(number, 0.5, testLoss, withValidation ? validationLoss : Double.NaN, Double.NaN, 1, 1, 0);
    }

    @Test
    void withAValidationSplitPatienceAndTheBestEpochFollowTheValidationLossNotTheTestLoss() {
        // The test loss keeps falling while the validation loss rose after epoch 1: choosing on the
        // test loss would train on; choosing on validation stops after epoch 3 with epoch 1 the best.
        StoppingRules rules = new StoppingRules(new StoppingSpec(0, 2), SelectionLoss.VALIDATION);
        List<EpochMetrics> epochs = new ArrayList<>(List.of(epoch(1, 0.40, 0.20, true), epoch(2, 0.30, 0.25, true)));
        assertTrue(rules.afterEvaluation(epochs).isEmpty());
        epochs.add(epoch(3, 0.20, 0.26, true));
        StoppingRules.Stop stop = rules.afterEvaluation(epochs).orElseThrow();
        assertEquals(RunStatus.OK, stop.status());
        assertTrue(stop.message().contains("no lower validation loss") && stop.message().contains("best epoch 1"),
                stop.message());
        assertEquals(1, StoppingRules.bestEpoch(epochs, SelectionLoss.VALIDATION));
        assertEquals(3, StoppingRules.bestEpoch(epochs, SelectionLoss.TEST));
        assertTrue(new StoppingRules(new StoppingSpec(0, 2), SelectionLoss.TEST).afterEvaluation(epochs).isEmpty(),
                "on the test loss it would not have stopped");
    }

    @Test
    void aNonFiniteValidationLossIsDivergence() {
        StoppingRules rules = new StoppingRules(new StoppingSpec(0, 0), SelectionLoss.VALIDATION);
        StoppingRules.Stop stop = rules.afterEvaluation(List.of(epoch(1, 0.3, Double.NaN, true))).orElseThrow();
        assertEquals(RunStatus.DIVERGED, stop.status());
        assertTrue(stop.message().contains("validation loss became NaN"), stop.message());
    }
}
