package org.aesweep.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

class SpecLoaderTest {
    private static final String MINIMAL = "dataset: mnist\ncode_sizes: [16]\n";

    @Test
    void theFullExampleBindsEveryKey() throws Exception {
        SweepSpec spec = SpecLoader.load(resource("full.yaml"), "full.yaml", List.of());

        assertEquals(List.of("fashion-mnist"), spec.datasets());
        assertEquals(List.of(2, 8, 32), spec.codeSizes());
        assertEquals(List.of(
                new ArchitectureSpec("shallow", ArchitectureKind.SHALLOW, List.of(), List.of(), "relu",
                        OutputActivation.SIGMOID, InputScaling.UNIT, CodeLayout.DENSE, List.of(), List.of(), LossKind.MSE,
                        TrainingMode.AUTO,
                        RecipeOverrides.none()),
                new ArchitectureSpec("deep-128-64", ArchitectureKind.DEEP, List.of(128, 64), List.of(64, 128), "selu",
                        OutputActivation.SIGMOID, InputScaling.UNIT, CodeLayout.DENSE, List.of(), List.of(), LossKind.MSE,
                        TrainingMode.AUTO, RecipeOverrides.none())),
                spec.architectures());
        assertEquals(List.of(new Noise(NoiseKind.GAUSSIAN, 0.0), new Noise(NoiseKind.GAUSSIAN, 0.3)), spec.noise());
        assertEquals(2, spec.replicates());
        assertEquals(3, spec.epochs());
        assertEquals(64, spec.batchSize());
        assertEquals(OptimizerKind.NESTEROVS, spec.optimizer());
        assertEquals(0.01, spec.learningRate());
        assertEquals(7, spec.seed());
        assertEquals(6000, spec.trainLimit());
        assertEquals(1000, spec.testLimit());
    }

    @Test
    void aMinimalSpecGetsTheDocumentedDefaults() throws Exception {
        SweepSpec spec = SpecLoader.load(MINIMAL, "min.yaml", List.of());

        assertEquals(List.of(new ArchitectureSpec("shallow", ArchitectureKind.SHALLOW, List.of(), List.of(), "relu",
                        OutputActivation.SIGMOID, InputScaling.UNIT, CodeLayout.DENSE, List.of(), List.of(), LossKind.BCE,
                        TrainingMode.AUTO,
                        RecipeOverrides.none())),
                spec.architectures());
        assertEquals(List.of(new Noise(NoiseKind.NONE, 0.0)), spec.noise());
        assertEquals(1, spec.replicates());
        assertEquals(5, spec.epochs());
        assertEquals(256, spec.batchSize());
        assertEquals(OptimizerKind.ADAM, spec.optimizer());
        assertEquals(0.001, spec.learningRate());
        assertEquals(42, spec.seed());
        assertEquals(0, spec.trainLimit());
        List<ArchitectureSpec> all = SpecLoader.load(MINIMAL + "architectures: [linear, deep, conv, lstm]\n",
                "min.yaml", List.of()).architectures();
        assertEquals(List.of(), all.get(0).hidden());
        assertEquals(LossKind.MSE, all.get(0).loss(), "linear defaults to MSE, the PCA-equivalent loss");
        assertEquals(List.of(128), all.get(1).hidden());
        assertEquals(LossKind.BCE, all.get(1).loss());
        assertEquals(List.of(16, 32, 64), all.get(2).hidden());
        assertEquals(List.of(100), all.get(3).hidden());
        assertEquals(List.of(1e-5), spec.sparsityWeights(), "Keras' usual activity-regularisation weight");
    }

    @Test
    void expansionCoversTheGridInArchitectureNoiseCodeReplicateOrder() throws Exception {
        List<RunConfig> runs = SpecLoader.load(resource("full.yaml"), "full.yaml", List.of()).expand();

        assertEquals(2 * 2 * 3 * 2, runs.size());
        assertEquals(runs.size(), runs.stream().map(RunConfig::runId).distinct().count());
        RunConfig first = runs.get(0);
        assertEquals(List.of("shallow", "0.0", "2", "0"), List.of(first.architecture().label(),
                Double.toString(first.noise().level()), Integer.toString(first.architecture().codeSize()),
                Integer.toString(first.replicate())));
        assertEquals(1, runs.get(1).replicate());
        assertEquals(8, runs.get(2).architecture().codeSize());
        assertEquals(0.3, runs.get(6).noise().level());
        RunConfig last = runs.get(runs.size() - 1);
        assertEquals("deep-128-64", last.architecture().label());
        assertEquals(List.of(128, 64), last.architecture().hiddenSizes());
        assertEquals(ArchitectureKind.DEEP, last.architecture().kind());
        assertEquals("selu", last.architecture().activation());
        assertEquals(6000, last.data().trainLimit());
    }

    @Test
    void overridesReplaceScalarsListsAndNestedKeys() throws Exception {
        SweepSpec spec = SpecLoader.load(resource("full.yaml"), "full.yaml", List.of(
                "training.epochs=1", "code_sizes=[4, 5]", "noise.kind=none", "noise.levels=[0]",
                "architectures=[shallow]", "data.test_limit=10"));

        assertEquals(1, spec.epochs());
        assertEquals(List.of(4, 5), spec.codeSizes());
        assertEquals(List.of(new Noise(NoiseKind.NONE, 0.0)), spec.noise());
        assertEquals(1, spec.architectures().size());
        assertEquals(10, spec.testLimit());
        assertEquals(0.01, spec.learningRate(), "untouched keys keep their value");
        SweepSpec added = SpecLoader.load(MINIMAL, "min.yaml", List.of("training.seed=9"));
        assertEquals(9, added.seed());
    }

    @Test
    void badOverridesAreReportedAgainstTheCommandLine() {
        List<SpecProblem> problems = problems(MINIMAL, List.of("trainig.epochs=2", "epochs", "training.epochs=x"));

        assertEquals(3, problems.size(), problems.toString());
        assertTrue(problems.stream().allMatch(p -> p.source().equals("--set")), problems.toString());
        assertProblem(problems, "trainig", 0, "did you mean 'training'");
        assertProblem(problems, "epochs", 0, "key=value");
        assertProblem(problems, "training.epochs", 0, "expected an integer");
    }

    @Test
    void everyProblemOfASpecIsReportedAtOnceWithItsKeyAndLine() throws Exception {
        List<SpecProblem> problems = problems(resource("many-problems.yaml"), List.of());
        String all = problems.stream().map(SpecProblem::toString).collect(Collectors.joining("\n"));

        assertProblem(problems, "code_sizes[0]", 2, "must be > 0 and < 784");
        assertProblem(problems, "code_sizes[2]", 2, "duplicate value 8");
        assertProblem(problems, "code_sizes[3]", 2, "< 784");
        assertProblem(problems, "architectures[0]", 4, "did you mean 'shallow'");
        assertProblem(problems, "architectures[1]", 5, "(allowed: linear, shallow, deep, conv, lstm, sparse)");
        assertProblem(problems, "architectures[2].hidden[1]", 7, "must be > 0");
        assertProblem(problems, "noise.levels[0]", 10, "within [0, 1]");
        assertProblem(problems, "replicates", 11, "> 0");
        assertProblem(problems, "trainig", 12, "did you mean 'training'");
        assertProblem(problems, "training.epochs", 15, "> 0");
        assertProblem(problems, "training.batch_size", 16, "> 0");
        assertProblem(problems, "training.optimizer", 17, "allowed: adam, sgd, nesterovs");
        assertProblem(problems, "training.learning_rate", 18, "finite number > 0");
        assertProblem(problems, "training.loss", 19, "allowed: bce, mse");
        assertProblem(problems, "data.train_limit", 21, ">= 0");
        assertEquals(15, problems.size(), all);
        SpecException exception = assertThrows(SpecException.class,
                () -> SpecLoader.load(resource("many-problems.yaml"), "many-problems.yaml", List.of()));
        assertTrue(exception.getMessage().startsWith("15 problem(s) in the sweep spec:"), exception.getMessage());
        assertTrue(exception.getMessage().contains("many-problems.yaml:16: training.batch_size"),
                exception.getMessage());
    }

    @Test
    void missingKeysWrongTypesAndEmptyAxesAreNamed() {
        assertProblem(problems("code_sizes: [2]\n", List.of()), "dataset", 1, "required");
        assertProblem(problems("dataset: mnist\n", List.of()), "code_sizes", 1, "required");
        assertProblem(problems("dataset: mnist\ncode_sizes: []\n", List.of()), "code_sizes", 2, "must not be empty");
        assertProblem(problems("dataset: mnist\ncode_sizes: 5\n", List.of()), "code_sizes", 2, "expected a list");
        assertProblem(problems(MINIMAL + "replicates: two\n", List.of()), "replicates", 3, "expected an integer");
        assertProblem(problems(MINIMAL + "noise:\n  kind: none\n  levels: [0.1]\n", List.of()), "noise.levels[0]", 5,
                "must be 0");
        assertProblem(problems(MINIMAL + "noise:\n  kind: gausian\n", List.of()), "noise.kind", 4,
                "did you mean 'gaussian'");
        assertProblem(problems(MINIMAL + "noise:\n  kind: gaussian\n  levels: [0.1, 0.1]\n", List.of()),
                "noise.levels[1]", 5, "duplicate");
        assertProblem(problems(MINIMAL + "architectures: [shallow, shallow]\n", List.of()), "architectures[1]", 3,
                "duplicate architecture label");
        assertProblem(problems(MINIMAL + "architectures:\n  - name: shallow\n    hidden: [3]\n", List.of()),
                "architectures[0].hidden", 5, "shallow has no hidden layers");
        assertProblem(problems(MINIMAL + "architectures:\n  - name: deep\n    activation: gelu\n", List.of()),
                "architectures[0].activation", 5, "unknown activation");
        assertProblem(problems(MINIMAL + "training:\n  learning_rate: .inf\n", List.of()), "training.learning_rate", 4,
                "finite");
        assertProblem(problems(MINIMAL + "training:\n  learning_rate: 0\n", List.of()), "training.learning_rate", 4,
                "> 0");
    }

    @Test
    void sparsityWeightsAreAnAxisOfSparseArchitecturesOnly() throws Exception {
        SweepSpec spec = SpecLoader.load(MINIMAL + "architectures: [shallow, sparse, {name: sparse, hidden: [64], "
                + "label: sparse-deep}]\nsparsity: [0.0, 1e-4, 1e-3]\n", "s.yaml", List.of());
        List<RunConfig> runs = spec.expand();

        assertEquals(1 + 3 + 3, runs.size());
        assertEquals(spec.runCount(), runs.size());
        assertEquals(0.0, runs.get(0).architecture().sparsityWeight());
        assertEquals(List.of(0.0, 1e-4, 1e-3), runs.subList(1, 4).stream().map(run -> run.architecture().sparsityWeight()).toList());
        assertEquals(List.of(64), runs.get(6).architecture().hiddenSizes());
        assertEquals(runs.size(), runs.stream().map(RunConfig::runId).distinct().count());
        assertProblem(problems(MINIMAL + "training:\n  learning_rate: .nan\n", List.of()), "training.learning_rate", 4,
                "finite number > 0");
        assertProblem(problems(MINIMAL + "sparsity: [-1, .nan]\n", List.of()), "sparsity[0]", 3, ">= 0");
        assertProblem(problems(MINIMAL + "sparsity: [-1, .nan]\n", List.of()), "sparsity[1]", 3, "finite");
    }

    @Test
    void customDatasetDirectoriesOnlyNeedPositiveCodeSizes() throws Exception {
        SweepSpec spec = SpecLoader.load("dataset: /data/my-idx\ncode_sizes: [1000]\n", "x.yaml", List.of());
        assertEquals(List.of(1000), spec.codeSizes());
    }

    @Test
    void malformedYamlIsReportedWithItsLine() {
        List<SpecProblem> problems = problems("dataset: mnist\ncode_sizes: [2, 4\ntraining:\n  epochs: 1\n", List.of());
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).message().startsWith("malformed YAML"), problems.toString());
        assertTrue(problems.get(0).line() >= 2, problems.toString());
        assertProblem(problems("- a\n- b\n", List.of()), "", 1, "must be a mapping");
    }

    @Test
    void parameterAveragingSettingsAndTrainingModesBind() throws Exception {
        SweepSpec spec = SpecLoader.load(MINIMAL + """
                architectures:
                  - shallow
                  - name: conv
                    training_mode: parameter_averaging
                  - name: deep
                    training_mode: local
                parameter_averaging:
                  cost_threshold: 2.5e12
                  workers: 4
                  batch_size_per_worker: 64
                  averaging_frequency: 3
                  prefetch: 0
                  repartition: never
                """, "spec.yaml", List.of());
        assertEquals(new ParameterAveragingSpec(2.5e12, 4, 64, 3, 0, RepartitionPolicy.NEVER),
                spec.parameterAveraging());
        assertEquals(TrainingMode.AUTO, spec.trainingModeOf("shallow"));
        assertEquals(TrainingMode.PARAMETER_AVERAGING, spec.trainingModeOf("conv"));
        assertEquals(TrainingMode.LOCAL, spec.trainingModeOf("deep"));
        assertEquals(ParameterAveragingSpec.defaults(), SpecLoader.load(MINIMAL, "spec.yaml", List.of())
                .parameterAveraging());
        assertEquals(1e12, SpecLoader.load(MINIMAL, "spec.yaml", List.of("parameter_averaging.cost_threshold=1e12"))
                .parameterAveraging().costThreshold());
    }

    @Test
    void badParameterAveragingSettingsAreNamed() {
        List<SpecProblem> problems = problems(MINIMAL + """
                architectures:
                  - name: conv
                    training_mode: paralel
                parameter_averaging:
                  cost_threshold: lots
                  workers: -1
                  averaging_frequency: 0
                  repartition: sometimes
                  batch_size: 3
                """, List.of());
        assertProblem(problems, "architectures[0].training_mode", 5, "allowed: auto, local, parameter_averaging");
        assertProblem(problems, "parameter_averaging.cost_threshold", 7, "expected a number");
        assertProblem(problems, "parameter_averaging.workers", 8, ">= 0");
        assertProblem(problems, "parameter_averaging.averaging_frequency", 9, "> 0");
        assertProblem(problems, "parameter_averaging.repartition", 10, "allowed: always, never");
        assertProblem(problems, "parameter_averaging.batch_size", 11, "valid here: cost_threshold");
    }

    @Test
    void fusionIsOffByDefaultAndCanBeTurnedOn() throws Exception {
        assertEquals(FusionSpec.defaults(), SpecLoader.load(MINIMAL, "spec.yaml", List.of()).fusion());
        assertFalse(FusionSpec.defaults().enabled());
        FusionSpec on = SpecLoader.load(MINIMAL + "fusion:\n  mode: on\n", "spec.yaml", List.of()).fusion();
        assertEquals(FusionMode.ON, on.mode());
        assertTrue(on.enabled());
        assertEquals(3, SpecLoader.load(MINIMAL, "spec.yaml", List.of("fusion.max_runs=3")).fusion().maxRuns());
        List<SpecProblem> problems = problems(MINIMAL + "fusion:\n  mode: sometimes\n  max_runs: 0\n  size: 2\n",
                List.of());
        assertProblem(problems, "fusion.mode", 4, "allowed: on, off");
        assertProblem(problems, "fusion.max_runs", 5, "from 1 to 64");
        assertProblem(problems, "fusion.size", 6, "valid here: mode, max_runs");
    }

    @Test
    void replicateSplitsBindAndReachEveryRun() throws Exception {
        SweepSpec spec = SpecLoader.load(MINIMAL + "replicates: 4\nreplicate_split: disjoint\n", "spec.yaml", List.of());
        assertEquals(ReplicateSplit.DISJOINT, spec.replicateSplit());
        assertTrue(spec.expand().stream()
                .allMatch(run -> run.data().sampling().equals(new ReplicateSampling(ReplicateSplit.DISJOINT, 4))));
        assertEquals(ReplicateSplit.SEED, SpecLoader.load(MINIMAL, "spec.yaml", List.of()).replicateSplit());
        assertProblem(problems(MINIMAL + "replicate_split: halves\n", List.of()), "replicate_split", 3,
                "allowed: seed, disjoint, bootstrap, crossed");
    }

    @Test
    void aCrossedDesignNamesItsDataSplitsAndReachesEveryRun() throws Exception {
        SweepSpec spec = SpecLoader.load(MINIMAL + "replicates: 6\nreplicate_split: crossed\ndata_splits: 3\n",
                "spec.yaml", List.of());
        assertTrue(spec.expand().stream()
                .allMatch(run -> run.data().sampling().equals(ReplicateSampling.crossed(3, 2))));
        assertTrue(spec.describe().contains("6 replicate(s) (3 data splits x 2 seeds)"), spec.describe());
        assertProblem(problems(MINIMAL + "replicates: 6\nreplicate_split: crossed\n", List.of()), "replicate_split", 4,
                "crossed needs data_splits");
        assertProblem(problems(MINIMAL + "replicates: 6\nreplicate_split: crossed\ndata_splits: 4\n", List.of()),
                "data_splits", 5, "divides replicates (6) into at least 2 seeds per split");
        assertProblem(problems(MINIMAL + "replicates: 6\nreplicate_split: crossed\ndata_splits: 6\n", List.of()),
                "data_splits", 5, "at least 2 seeds per split");
        assertProblem(problems(MINIMAL + "replicates: 4\nreplicate_split: disjoint\ndata_splits: 2\n", List.of()),
                "data_splits", 5, "applies to replicate_split: crossed only");
    }

    @Test
    void validationIsACountOrAFractionAndReachesEveryRun() throws Exception {
        SweepSpec counted = SpecLoader.load(MINIMAL + "data:\n  train_limit: 1000\n  validation: 100\n", "spec.yaml",
                List.of());
        assertEquals(ValidationSize.ofCount(100), counted.validation());
        assertTrue(counted.expand().stream().allMatch(run -> run.data().validation().equals(ValidationSize.ofCount(100))));
        assertEquals(ValidationSize.ofFraction(0.1),
                SpecLoader.load(MINIMAL, "spec.yaml", List.of("data.validation=0.1")).validation());
        assertEquals(ValidationSize.none(), SpecLoader.load(MINIMAL, "spec.yaml", List.of()).validation());
    }

    @Test
    void badValidationSizesAreRefusedWithTheirRule() {
        assertProblem(problems(MINIMAL + "data:\n  validation: 0\n", List.of()), "data.validation", 4,
                "must be a count >= 1 or a fraction in (0, 1)");
        assertProblem(problems(MINIMAL + "data:\n  validation: 1.5\n", List.of()), "data.validation", 4,
                "must be a fraction in (0, 1)");
        assertProblem(problems(MINIMAL + "data:\n  validation: -0.2\n", List.of()), "data.validation", 4,
                "must be a fraction in (0, 1)");
        assertProblem(problems(MINIMAL + "data:\n  validation: some\n", List.of()), "data.validation", 4,
                "expected a number");
        assertProblem(problems(MINIMAL + "data:\n  train_limit: 500\n  validation: 500\n", List.of()),
                "data.validation", 5, "from 1 to 499 (below data.train_limit)");
    }

    @Test
    void earlyStoppingWithoutAValidationSplitIsRefused() throws Exception {
        assertProblem(problems(MINIMAL + "training:\n  early_stopping_patience: 2\n", List.of()),
                "training.early_stopping_patience", 4, "early stopping needs a validation split: set data.validation");
        SweepSpec spec = SpecLoader.load(MINIMAL + "training:\n  early_stopping_patience: 2\ndata:\n  validation: 0.1\n",
                "spec.yaml", List.of());
        assertEquals(2, spec.stopping().patience());
    }

    @Test
    void noiseKindsAreAnAxisCrossedWithTheLevelsWithNoneOneCleanSetting() throws Exception {
        SweepSpec spec = SpecLoader.load("dataset: mnist\ncode_sizes: [4, 8]\nreplicates: 2\n"
                + "noise:\n  kind: [none, gaussian, dropout]\n  levels: [0.1, 0.2]\n", "spec.yaml", List.of());

        assertEquals(List.of(new Noise(NoiseKind.NONE, 0.0), new Noise(NoiseKind.GAUSSIAN, 0.1),
                new Noise(NoiseKind.GAUSSIAN, 0.2), new Noise(NoiseKind.DROPOUT, 0.1), new Noise(NoiseKind.DROPOUT, 0.2)),
                spec.noise());
        List<RunConfig> runs = spec.expand();
        assertEquals((1 + 2 * 2) * 2 * 2, runs.size());
        assertEquals(spec.runCount(), runs.size());
        assertEquals(runs.size(), runs.stream().map(RunConfig::runId).distinct().count());
        assertEquals(List.of(new Noise(NoiseKind.NONE, 0.0), new Noise(NoiseKind.GAUSSIAN_UNCLIPPED, 0.3)),
                SpecLoader.load(MINIMAL + "noise:\n  kind: [none, gaussian_unclipped]\n  levels: [0.3]\n", "spec.yaml",
                        List.of()).noise());
    }

    @Test
    void aSingleKindAsTextOrAOneItemListKeepsTheRunIdsOfBeforeKindLists() throws Exception {
        String levels = "\n  levels: [0.0, 0.3]\n";
        List<String> asText = SpecLoader.load(MINIMAL + "noise:\n  kind: masking" + levels, "spec.yaml", List.of())
                .expand().stream().map(RunConfig::runId).toList();
        List<String> asList = SpecLoader.load(MINIMAL + "noise:\n  kind: [masking]" + levels, "spec.yaml", List.of())
                .expand().stream().map(RunConfig::runId).toList();

        assertEquals(2, asText.size());
        assertEquals(asText, asList);
        assertEquals("dataset=mnist;architecture=shallow;kind=shallow;hidden=[];activation=relu;code_size=16;"
                + "noise_kind=masking;noise_level=0.0;replicate=0;epochs=5;batch_size=256;optimizer=adam;"
                + "learning_rate=0.001;loss=bce;seed=42;train_limit=0;test_limit=0",
                SpecLoader.load(MINIMAL + "noise:\n  kind: [masking]" + levels, "spec.yaml", List.of()).expand().get(0)
                        .canonicalForm(), "level 0 of a lone kind is still its own run, named as before");
    }

    @Test
    void theDrawIsPerBatchByDefaultAndFixedReachesTheNoisyRunsOnly() throws Exception {
        String noise = "noise:\n  kind: [none, dropout]\n  levels: [0.5]\n";
        SweepSpec perBatch = SpecLoader.load(MINIMAL + noise, "spec.yaml", List.of());
        SweepSpec fixed = SpecLoader.load(MINIMAL + noise + "  draw: fixed\n", "spec.yaml", List.of());

        assertTrue(perBatch.noise().stream().allMatch(setting -> setting.draw() == NoiseDraw.PER_BATCH));
        assertEquals(List.of(new Noise(NoiseKind.NONE, 0.0), new Noise(NoiseKind.DROPOUT, 0.5, NoiseDraw.FIXED)),
                fixed.noise());
        List<RunConfig> fixedRuns = fixed.expand();
        assertEquals(perBatch.expand().get(0).runId(), fixedRuns.get(0).runId(), "the clean run is the same run");
        assertTrue(fixedRuns.get(1).canonicalForm().endsWith(";noise_draw=fixed"), fixedRuns.get(1).canonicalForm());
        assertEquals(NoiseDraw.FIXED, SpecLoader.load(MINIMAL + noise, "spec.yaml", List.of("noise.draw=fixed"))
                .noise().get(1).draw());
    }

    @Test
    void badNoiseSettingsAreRefusedWithTheirRule() {
        assertProblem(problems(MINIMAL + "noise:\n  kind: dropout\n  levels: [0.5, 1.0]\n", List.of()),
                "noise.levels[1]", 5, "must be within [0, 1) (dropout scales kept inputs by 1/(1 - level)) (got 1.0)");
        assertProblem(problems(MINIMAL + "noise:\n  kind: [gaussian, dropout]\n  levels: [1.0]\n", List.of()),
                "noise.levels[0]", 5, "must be within (0, 1)");
        assertProblem(problems(MINIMAL + "noise:\n  kind: [gaussian, blur]\n  levels: [0.1]\n", List.of()),
                "noise.kind[1]", 4, "unknown value 'blur' (allowed: none, gaussian, gaussian_unclipped, masking, dropout,"
                        + " salt_and_pepper)");
        assertProblem(problems(MINIMAL + "noise:\n  kind: [gaussian, masking, gaussian]\n  levels: [0.1]\n", List.of()),
                "noise.kind[2]", 4, "duplicate value gaussian");
        assertProblem(problems(MINIMAL + "noise:\n  kind: []\n", List.of()), "noise.kind", 4, "must not be empty");
        assertProblem(problems(MINIMAL + "noise:\n  kind: gaussian\n  draw: fixd\n", List.of()), "noise.draw", 5,
                "unknown value 'fixd'; did you mean 'fixed'? (allowed: per_batch, fixed)");
        assertProblem(problems(MINIMAL + "noise:\n  kind: [none, masking]\n  levels: [0.0, 0.2]\n", List.of()),
                "noise.levels[0]", 5, "level 0 trains without noise whatever the kind, so list none in noise.kind");
        assertProblem(problems(MINIMAL + "noise:\n  kind: [gaussian, masking]\n", List.of()), "noise.levels", 4,
                "required when noise.kind lists several kinds");
        List<SpecProblem> misspelt = problems(MINIMAL + "noise:\n  kind: gausian\n  levels: [0.1]\n", List.of());
        assertEquals(1, misspelt.size(), "a refused kind does not also refuse the levels: " + misspelt);
    }

    private static void assertProblem(List<SpecProblem> problems, String key, int line, String text) {
        assertTrue(problems.stream().anyMatch(p -> p.key().equals(key) && p.line() == line
                        && p.message().contains(text)),
                "expected " + key + " at line " + line + " with '" + text + "' in\n"
                        + problems.stream().map(SpecProblem::toString).collect(Collectors.joining("\n")));
    }

    private static List<SpecProblem> problems(String yaml, List<String> overrides) {
        return SpecProblems.refused(yaml, overrides);
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = SpecLoaderTest.class.getResourceAsStream("/specs/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
