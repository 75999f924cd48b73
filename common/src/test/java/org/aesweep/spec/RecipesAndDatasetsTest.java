package org.aesweep.spec;

import static org.aesweep.spec.SpecProblems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Training recipes per architecture and the dataset axis. */
class RecipesAndDatasetsTest {
    private static SweepSpec load(String yaml) throws SpecException {
        return SpecLoader.load(yaml, "spec.yaml", List.of());
    }


    @Test
    void anArchitecturesOwnTrainingBlockOverridesTheSweepsRecipe() throws Exception {
        List<RunConfig> runs = load("""
                dataset: mnist
                code_sizes: [30]
                architectures:
                  - name: deep
                    hidden: [100]
                    activation: selu
                    training: {optimizer: sgd, learning_rate: 1.5, epochs: 20}
                  - name: lstm
                    training: {learning_rate: 0.1, batch_size: 64, loss: mse}
                  - shallow
                training:
                  epochs: 10
                  batch_size: 32
                  optimizer: adam
                  learning_rate: 0.001
                  loss: bce
                """).expand();
        assertEquals(new TrainingRecipe(20, 32, OptimizerKind.SGD, 1.5, LossKind.BCE, StoppingSpec.defaults()),
                runs.get(0).recipe());
        assertEquals(new TrainingRecipe(10, 64, OptimizerKind.ADAM, 0.1, LossKind.MSE, StoppingSpec.defaults()),
                runs.get(1).recipe());
        assertEquals(new TrainingRecipe(10, 32, OptimizerKind.ADAM, 0.001, LossKind.BCE, StoppingSpec.defaults()),
                runs.get(2).recipe());
    }

    @Test
    void anArchitectureMayStopWithItsOwnPatienceAndKeepsTheSweepsDivergenceRule() throws Exception {
        List<RunConfig> runs = load("""
                dataset: mnist
                code_sizes: [8]
                architectures:
                  - name: shallow
                    label: denoising
                    training: {early_stopping_patience: 40}
                  - shallow
                training: {early_stopping_patience: 10, divergence_factor: 4}
                data: {validation: 100}
                """).expand();
        assertEquals(new StoppingSpec(4.0, 40), runs.get(0).recipe().stopping());
        assertEquals(new StoppingSpec(4.0, 10), runs.get(1).recipe().stopping());
        assertTrue(runs.get(0).canonicalForm().contains(";patience=40"), runs.get(0).canonicalForm());
        assertProblem(SpecProblems.refused("""
                dataset: mnist
                code_sizes: [8]
                architectures:
                  - name: shallow
                    training: {early_stopping_patience: 5}
                """), "architectures[0].training.early_stopping_patience", "early stopping needs a validation split");
    }

    @Test
    void aRecipeThatRepeatsTheSweepsValuesKeepsTheRunIds() throws Exception {
        String sweep = "dataset: mnist\ncode_sizes: [4]\ntraining: {epochs: 3, learning_rate: 0.01}\n";
        RunConfig plain = load(sweep + "architectures: [shallow]\n").expand().get(0);
        RunConfig restated = load(sweep + "architectures:\n  - name: shallow\n    training: {epochs: 3}\n")
                .expand().get(0);
        assertEquals(plain.runId(), restated.runId());
    }

    @Test
    void badRecipeValuesAreNamedWhereTheyStand() {
        List<SpecProblem> problems = SpecProblems.refused("""
                dataset: mnist
                code_sizes: [4]
                architectures:
                  - name: deep
                    loss: mse
                    training: {epochs: 0, learning_rate: -1, optimizer: adamw, loss: bce, seed: 3}
                """);
        assertProblem(problems, "architectures[0].training.epochs", "must be a whole number > 0");
        assertProblem(problems, "architectures[0].training.learning_rate", "must be a finite number > 0");
        assertProblem(problems, "architectures[0].training.optimizer", "allowed: adam, sgd, nesterovs");
        assertProblem(problems, "architectures[0].training.loss", "the loss is given twice");
        assertProblem(problems, "architectures[0].training.seed", "valid here: epochs");
        assertProblem(SpecProblems.refused("dataset: mnist\ncode_sizes: [4]\narchitectures:\n  - name: deep\n"
                + "    training: {early_stopping_patience: -1}\ndata: {validation: 10}\n"),
                "architectures[0].training.early_stopping_patience", "must be a whole number >= 0");
    }

    @Test
    void aListOfDataSetsIsAnAxis() throws Exception {
        SweepSpec one = load("dataset: mnist\ncode_sizes: [2, 4]\nreplicates: 2\n");
        SweepSpec two = load("dataset: [mnist, fashion-mnist]\ncode_sizes: [2, 4]\nreplicates: 2\n");
        assertEquals(List.of("mnist", "fashion-mnist"), two.datasets());
        assertEquals(8, two.runCount());
        List<RunConfig> runs = two.expand();
        assertEquals(8, runs.size());
        assertEquals(List.of("mnist", "mnist", "mnist", "mnist", "fashion-mnist", "fashion-mnist", "fashion-mnist",
                "fashion-mnist"), runs.stream().map(run -> run.data().dataset()).toList());
        assertEquals(one.expand().stream().map(RunConfig::runId).toList(),
                runs.subList(0, 4).stream().map(RunConfig::runId).toList(), "a single data set keeps its run ids");
        assertTrue(two.describe().startsWith("8 run(s) on mnist, fashion-mnist"), two.describe());
    }

    @Test
    void theDataSetAxisRefusesRepeatsAndKeepsTheNamedSetsCodeSizeBound() {
        assertProblem(SpecProblems.refused("dataset: [mnist, mnist]\ncode_sizes: [2]\n"), "dataset[1]", "duplicate value mnist");
        assertProblem(SpecProblems.refused("dataset: [mnist, fashion-mnist]\ncode_sizes: [800]\n"), "code_sizes[0]", "< 784");
        assertProblem(SpecProblems.refused("dataset: []\ncode_sizes: [2]\n"), "dataset", "must not be empty");
    }

    @Test
    void anArchitectureMayTakeItsOwnCodeSizes() throws Exception {
        SweepSpec spec = load("""
                dataset: fashion-mnist
                code_sizes: [30]
                architectures:
                  - name: deep
                    hidden: [100]
                  - name: conv
                    code: map
                    code_sizes: [576]
                replicates: 2
                """);
        assertEquals(4, spec.runCount());
        assertEquals(List.of(30, 30, 576, 576),
                spec.expand().stream().map(run -> run.architecture().codeSize()).toList());
        assertEquals(List.of(30, 576), spec.allCodeSizes());

        SweepSpec withoutSweepSizes = load("""
                dataset: mnist
                architectures:
                  - {name: shallow, code_sizes: [2, 4]}
                  - {name: deep, code_sizes: [8]}
                """);
        assertEquals(3, withoutSweepSizes.runCount());
        assertProblem(SpecProblems.refused("dataset: mnist\narchitectures:\n  - {name: shallow, code_sizes: [2]}\n  - deep\n"),
                "code_sizes", "required key is missing");
        assertProblem(SpecProblems.refused("dataset: mnist\ncode_sizes: [2]\narchitectures:\n  - {name: deep, code_sizes: [784]}\n"),
                "architectures[0].code_sizes[0]", "must be > 0 and < 784");
    }

    @Test
    void anArchitectureMayTakeItsOwnNoise() throws Exception {
        SweepSpec spec = load("""
                dataset: fashion-mnist
                code_sizes: [30]
                architectures:
                  - {name: deep, label: stacked}
                  - name: deep
                    label: denoising-gaussian
                    noise: {kind: gaussian_unclipped, levels: [0.2]}
                  - name: deep
                    label: denoising-dropout
                    noise: {kind: dropout, levels: [0.5], draw: fixed}
                """);
        assertEquals(List.of(new Noise(NoiseKind.NONE, 0.0), new Noise(NoiseKind.GAUSSIAN_UNCLIPPED, 0.2),
                        new Noise(NoiseKind.DROPOUT, 0.5, NoiseDraw.FIXED)),
                spec.expand().stream().map(RunConfig::noise).toList());
        assertEquals(3, spec.runCount());
        assertProblem(SpecProblems.refused("dataset: mnist\ncode_sizes: [2]\narchitectures:\n"
                        + "  - {name: deep, noise: {kind: dropout, levels: [1.0]}}\n"),
                "architectures[0].noise.levels[0]", "dropout scales kept inputs");
        assertProblem(SpecProblems.refused("dataset: mnist\ncode_sizes: [2]\narchitectures:\n"
                        + "  - {name: deep, noise: {kind: [gaussian, dropout]}}\n"),
                "architectures[0].noise.levels", "required when architectures[0].noise.kind lists several kinds");
    }
}
