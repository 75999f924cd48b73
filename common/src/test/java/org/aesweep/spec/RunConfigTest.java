package org.aesweep.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class RunConfigTest {
    private static RunConfig run(int codeSize, int replicate, double noise) {
        return new RunConfig(new DataSelection("fashion-mnist", 0, 0, ReplicateSampling.seeds(1)),
                new Architecture("shallow", ArchitectureKind.SHALLOW, List.of(), List.of(), "relu",
                        OutputActivation.SIGMOID, InputScaling.UNIT, CodeLayout.DENSE, codeSize, 0.0),
                new Noise(NoiseKind.GAUSSIAN, noise),
                new TrainingRecipe(5, 256, OptimizerKind.ADAM, 0.001, LossKind.BCE, StoppingSpec.defaults()), replicate, 42);
    }

    @Test
    void runIdIsAStableHashOfTheCanonicalForm() {
        // A regression guard: changing this id orphans every row users have already written.
        assertEquals("dataset=fashion-mnist;architecture=shallow;kind=shallow;hidden=[];activation=relu;code_size=32;"
                + "noise_kind=gaussian;noise_level=0.1;replicate=0;epochs=5;batch_size=256;optimizer=adam;"
                + "learning_rate=0.001;loss=bce;seed=42;train_limit=0;test_limit=0", run(32, 0, 0.1).canonicalForm());
        assertEquals("e3d044793ad4ecaf", run(32, 0, 0.1).runId());
    }

    @Test
    void equalConfigsShareAnIdAndAnyDifferenceChangesIt() {
        assertEquals(run(8, 1, 0.0).runId(), run(8, 1, 0.0).runId());
        assertNotEquals(run(8, 1, 0.0).runId(), run(8, 0, 0.0).runId());
        assertNotEquals(run(8, 1, 0.0).runId(), run(9, 1, 0.0).runId());
        assertNotEquals(run(8, 1, 0.0).runId(), run(8, 1, 0.2).runId());
    }

    @Test
    void aValidationSplitEntersTheIdOnlyWhenThereIsOne() {
        RunConfig base = run(32, 0, 0.1);
        DataSelection none = new DataSelection("fashion-mnist", 0, 0, ReplicateSampling.seeds(1), ValidationSize.none());
        assertEquals(base.runId(), new RunConfig(none, base.architecture(), base.noise(), base.recipe(), 0, 42).runId());
        RunConfig counted = new RunConfig(new DataSelection("fashion-mnist", 0, 0, ReplicateSampling.seeds(1),
                ValidationSize.ofCount(5000)), base.architecture(), base.noise(), base.recipe(), 0, 42);
        RunConfig fraction = new RunConfig(new DataSelection("fashion-mnist", 0, 0, ReplicateSampling.seeds(1),
                ValidationSize.ofFraction(0.1)), base.architecture(), base.noise(), base.recipe(), 0, 42);
        assertTrue(counted.canonicalForm().endsWith(";test_limit=0;validation=5000"), counted.canonicalForm());
        assertTrue(fraction.canonicalForm().endsWith(";validation=0.1"), fraction.canonicalForm());
        assertNotEquals(base.runId(), counted.runId());
        assertNotEquals(counted.runId(), fraction.runId());
    }

    @Test
    void stoppingRulesEnterTheIdOnlyWhenTheyDifferFromTheDefaults() {
        RunConfig base = run(32, 0, 0.1);
        TrainingRecipe recipe = base.recipe();
        RunConfig patient = new RunConfig(base.data(), base.architecture(), base.noise(),
                new TrainingRecipe(recipe.epochs(), recipe.batchSize(), recipe.optimizer(), recipe.learningRate(),
                        recipe.loss(), new StoppingSpec(10.0, 3)),
                base.replicate(), base.seed());
        assertEquals("e3d044793ad4ecaf", base.runId());
        assertTrue(patient.canonicalForm().endsWith(";divergence_factor=10.0;patience=3"), patient.canonicalForm());
        assertNotEquals(base.runId(), patient.runId());
    }

    @Test
    void aFixedNoiseDrawEntersTheIdOfNoisyRunsOnly() {
        RunConfig base = run(32, 0, 0.1);
        RunConfig fixed = withNoise(base, new Noise(NoiseKind.GAUSSIAN, 0.1, NoiseDraw.FIXED));
        assertEquals("e3d044793ad4ecaf", withNoise(base, new Noise(NoiseKind.GAUSSIAN, 0.1, NoiseDraw.PER_BATCH)).runId());
        assertTrue(fixed.canonicalForm().endsWith(";test_limit=0;noise_draw=fixed"), fixed.canonicalForm());
        assertNotEquals(base.runId(), fixed.runId());

        // Clean noise has nothing to draw: whatever the spec's draw, a clean run is the same run.
        RunConfig clean = run(32, 0, 0.0);
        assertEquals(NoiseDraw.PER_BATCH, new Noise(NoiseKind.GAUSSIAN, 0.0, NoiseDraw.FIXED).draw());
        assertEquals(clean.runId(), withNoise(clean, new Noise(NoiseKind.GAUSSIAN, 0.0, NoiseDraw.FIXED)).runId());
        assertEquals(NoiseDraw.PER_BATCH, new Noise(NoiseKind.NONE, 0.0, NoiseDraw.FIXED).draw());
    }

    private static RunConfig withNoise(RunConfig run, Noise noise) {
        return new RunConfig(run.data(), run.architecture(), noise, run.recipe(), run.replicate(), run.seed());
    }

    @Test
    void replicatesTrainWithDifferentSeeds() {
        assertNotEquals(run(8, 0, 0).runSeed(), run(8, 1, 0).runSeed());
        assertEquals(run(8, 1, 0).runSeed(), run(8, 1, 0).runSeed());
    }
}
