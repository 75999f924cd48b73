package org.aesweep.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.aesweep.model.AutoencoderFactory;
import org.aesweep.spec.ArchitectureKind;
import org.aesweep.spec.RunConfig;
import org.aesweep.spec.SpecLoader;
import org.aesweep.spec.SweepSpec;
import org.aesweep.spec.TrainingMode;
import org.aesweep.testing.TestRuns;
import org.junit.jupiter.api.Test;

class SweepPlannerTest {
    private static final int SIDE = 28;

    @Test
    void denseLayersCostTheirParameterCountPerSample() {
        RunConfig shallow = TestRuns.shallow(32).build();
        long params = AutoencoderFactory.build(shallow, SIDE, SIDE).parameterCount();
        assertEquals(50_992, params, "784*32+32 + 32*784+784");
        assertEquals(params, RunCostModel.forwardMacsPerSample(shallow, SIDE, SIDE), 0.0);
        assertEquals(3.0 * params * 1000 * shallow.recipe().epochs(), RunCostModel.trainingCost(shallow, SIDE, SIDE, 1000), 0.0);
    }

    @Test
    void convolutionsAndRecurrenceCostPerPositionNotPerParameter() {
        RunConfig deep = TestRuns.shallow(32).deep(List.of(128)).build();
        RunConfig conv = TestRuns.shallow(32).kind(ArchitectureKind.CONV, List.of(16, 32, 64)).build();
        RunConfig lstm = TestRuns.shallow(32).kind(ArchitectureKind.LSTM, List.of(100)).build();
        double deepMacs = RunCostModel.forwardMacsPerSample(deep, SIDE, SIDE);
        double convMacs = RunCostModel.forwardMacsPerSample(conv, SIDE, SIDE);
        double lstmMacs = RunCostModel.forwardMacsPerSample(lstm, SIDE, SIDE);
        long convParams = AutoencoderFactory.build(conv, SIDE, SIDE).parameterCount();
        // The first 3x3 convolution alone: 160 weights at 28x28 output pixels.
        assertTrue(convMacs > 160.0 * 28 * 28, "conv MACs " + convMacs);
        assertTrue(convMacs > 10 * convParams, "weights shared over positions: " + convMacs + " vs " + convParams);
        assertTrue(convMacs > deepMacs && lstmMacs > deepMacs,
                "conv " + convMacs + " and lstm " + lstmMacs + " cost more than deep " + deepMacs);
    }

    @Test
    void markedRunsKeepTheirModeAndTheThresholdDecidesTheRest() {
        assertEquals(TrainingMode.PARAMETER_AVERAGING, SweepPlanner.decide(TrainingMode.AUTO, 2e9, 1e9));
        assertEquals(TrainingMode.LOCAL, SweepPlanner.decide(TrainingMode.AUTO, 1e9, 1e9));
        assertEquals(TrainingMode.LOCAL, SweepPlanner.decide(TrainingMode.LOCAL, 2e9, 1e9));
        assertEquals(TrainingMode.PARAMETER_AVERAGING,
                SweepPlanner.decide(TrainingMode.PARAMETER_AVERAGING, 1, Double.POSITIVE_INFINITY));
    }

    @Test
    void planSplitsByCostAndOrdersEachPartCostliestFirst() throws Exception {
        SweepSpec spec = SpecLoader.load("""
                dataset: fashion-mnist
                code_sizes: [2, 64]
                architectures:
                  - shallow
                  - name: deep
                    hidden: [256]
                  - name: linear
                    training_mode: parameter_averaging
                parameter_averaging:
                  cost_threshold: 1.0e+11
                training:
                  epochs: 5
                """, "spec.yaml", List.of());
        SweepPlan plan = SweepPlanner.plan(spec, spec.expand(),
                Map.of(spec.datasets().get(0), new DatasetSizes(SIDE, SIDE, 60_000, 10_000)));

        assertEquals(spec.runCount(), plan.size());
        // deep 784-256-c costs >= 3.6e11 MACs, shallow at most 9.1e10 (c=64); linear is marked.
        assertEquals(List.of("deep", "deep", "linear", "linear"),
                plan.parameterAveraged().stream().map(run -> run.config().architecture().label()).sorted().toList());
        assertTrue(plan.local().stream().allMatch(run -> run.config().architecture().label().equals("shallow")));
        assertDescendingCost(plan.parameterAveraged());
        assertDescendingCost(plan.local());
        assertEquals(64, plan.local().get(0).config().architecture().codeSize(), "the bigger shallow run goes first");
    }

    private static void assertDescendingCost(List<PlannedRun> runs) {
        for (int i = 1; i < runs.size(); i++) {
            assertTrue(runs.get(i - 1).estimatedCost() >= runs.get(i).estimatedCost(), runs.toString());
        }
    }
}
