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
    void replicatesTrainWithDifferentSeeds() {
        assertNotEquals(run(8, 0, 0).runSeed(), run(8, 1, 0).runSeed());
        assertEquals(run(8, 1, 0).runSeed(), run(8, 1, 0).runSeed());
    }
}
