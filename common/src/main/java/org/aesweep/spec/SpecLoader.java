package org.aesweep.spec;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Predicate;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Parses and validates a sweep spec (YAML, see conf/grids/) with command-line overrides. Every
 * problem is collected before failing, each with its key and line, so users fix a spec in one go.
 */
public final class SpecLoader {
    static final int NAMED_DATASET_INPUT_SIZE = 28 * 28;
    static final List<String> NAMED_DATASETS = List.of("mnist", "fashion-mnist");
    static final List<String> ACTIVATIONS = List.of("relu", "selu", "sigmoid", "tanh", "identity");
    private static final String EARLY_STOPPING_NEEDS_VALIDATION = "early stopping needs a validation split: set"
            + " data.validation (a count, or a fraction of the training set) so that the test set never decides when"
            + " a run stops";

    private static final List<String> TOP_KEYS =
            List.of("dataset", "code_sizes", "architectures", "noise", "sparsity", "replicates", "replicate_split",
                    "data_splits", "training", "data", "parameter_averaging", "fusion");
    /** Keras' usual activity-regularisation weight, the study's default. */
    private static final double DEFAULT_SPARSITY_WEIGHT = 1e-5;
    private static final List<String> ARCHITECTURE_KEYS = List.of("name", "hidden", "decoder", "activation",
            "output_activation", "input_scaling", "code", "code_sizes", "noise", "label", "loss", "training_mode",
            "training");
    /** What an architecture's own training block may change; the rest of the recipe is the sweep's. */
    private static final List<String> ARCHITECTURE_TRAINING_KEYS =
            List.of("epochs", "batch_size", "optimizer", "learning_rate", "loss", "early_stopping_patience");
    private static final List<String> NOISE_KEYS = List.of("kind", "levels", "draw");
    private static final List<String> TRAINING_KEYS =
            List.of("epochs", "batch_size", "optimizer", "learning_rate", "loss", "seed", "divergence_factor",
                    "early_stopping_patience");
    private static final List<String> DATA_KEYS = List.of("train_limit", "test_limit", "validation");
    private static final List<String> PARAMETER_AVERAGING_KEYS = List.of("cost_threshold", "workers",
            "batch_size_per_worker", "averaging_frequency", "prefetch", "repartition");
    private static final List<String> FUSION_KEYS = List.of("mode", "max_runs");
    /** The study's settings: deep 784-128-c, conv filters 16/32/64, LSTM(100); sparse is shallow unless given. */
    private static final Map<ArchitectureKind, List<Integer>> DEFAULT_HIDDEN = Map.of(
            ArchitectureKind.SPARSE, List.of(),
            ArchitectureKind.DEEP, List.of(128),
            ArchitectureKind.CONV, List.of(16, 32, 64),
            ArchitectureKind.LSTM, List.of(100));
    /** A map code is one more convolution after these: 28x28 images give the 3x3 map of a 16/32/code-channel net. */
    private static final List<Integer> DEFAULT_MAP_CODE_FILTERS = List.of(16, 32);

    private final SpecReader reader;
    /** The largest code size the spec's data sets allow (known for the named ones only). */
    private int maxCodeSize = Integer.MAX_VALUE;
    /** Whether the spec holds out validation samples, which early stopping needs wherever it is set. */
    private boolean validationGiven;

    private SpecLoader(SpecReader reader) {
        this.reader = reader;
    }

    /**
     * @param sourceName shown in problems (the spec's path)
     * @param overrides  {@code dotted.key=value} replacements applied before validation
     */
    public static SweepSpec load(String yamlText, String sourceName, List<String> overrides) throws SpecException {
        SpecReader reader = new SpecReader(sourceName);
        Optional<MappingNode> root = reader.parse(yamlText);
        SweepSpec spec = null;
        if (root.isPresent()) {
            reader.applyOverrides(root.get(), overrides);
            spec = new SpecLoader(reader).bind(root.get());
        }
        if (!reader.problems().isEmpty()) {
            throw new SpecException(reader.problems());
        }
        return spec;
    }

    private SweepSpec bind(MappingNode root) {
        Map<String, Node> top = reader.entries(root, "", TOP_KEYS);
        validationGiven = hasKey(top.get("data"), "validation");
        List<String> datasets = required(top, "dataset", root).map(this::datasets).orElse(List.of());
        maxCodeSize = !datasets.isEmpty() && NAMED_DATASETS.containsAll(datasets)
                ? NAMED_DATASET_INPUT_SIZE - 1 : Integer.MAX_VALUE;
        Map<String, Node> training = section(top, "training", TRAINING_KEYS);
        Optional<LossKind> trainingLoss = Optional.ofNullable(training.get("loss"))
                .flatMap(node -> reader.choice(node, "training.loss", LossKind.class));
        List<ArchitectureSpec> architectures = architectures(top.get("architectures"), trainingLoss);
        // The sweep's code sizes may be left out when every architecture gives its own.
        boolean everyArchitectureHasCodeSizes = !architectures.isEmpty()
                && architectures.stream().noneMatch(a -> a.codeSizes().isEmpty());
        List<Integer> codeSizes = top.containsKey("code_sizes") || !everyArchitectureHasCodeSizes
                ? required(top, "code_sizes", root).map(node -> codeSizes(node, "code_sizes")).orElse(List.of())
                : List.of();

        List<Noise> noise = noise(top, "noise");
        List<Double> sparsity = numberList(top.get("sparsity"), "sparsity", List.of(DEFAULT_SPARSITY_WEIGHT),
                weight -> Double.isFinite(weight) && weight >= 0, "must be a finite number >= 0");

        int replicates = positiveInt(top, "replicates", 1);
        ReplicateSplit split = optional(top, "replicate_split", ReplicateSplit.SEED,
                (node, path) -> reader.choice(node, path, ReplicateSplit.class));
        int dataSplits = dataSplits(top, split, replicates);
        int epochs = positiveInt(training, "training.epochs", 5);
        int batchSize = positiveInt(training, "training.batch_size", 256);
        OptimizerKind optimizer = optional(training, "training.optimizer", OptimizerKind.ADAM,
                (node, path) -> reader.choice(node, path, OptimizerKind.class));
        double learningRate = optional(training, "training.learning_rate", 0.001, this::learningRate);
        long seed = optional(training, "training.seed", 42L, reader::integer);
        double divergenceFactor = optional(training, "training.divergence_factor",
                StoppingSpec.DEFAULT_DIVERGENCE_FACTOR,
                (node, path) -> check(node, path, reader.number(node, path),
                        factor -> factor == 0 || Double.isFinite(factor) && factor > 1,
                        "must be a finite number > 1, or 0 to disable"));
        int patience = nonNegativeInt(training, "training.early_stopping_patience", "0 = no early stopping");

        Map<String, Node> data = section(top, "data", DATA_KEYS);
        int trainLimit = nonNegativeInt(data, "data.train_limit", "0 = the whole set");
        int testLimit = nonNegativeInt(data, "data.test_limit", "0 = the whole set");
        ValidationSize validation = validation(data.get("validation"), trainLimit);
        if (patience > 0 && validation.isNone()) {
            reader.problem(training.get("early_stopping_patience"), "training.early_stopping_patience",
                    EARLY_STOPPING_NEEDS_VALIDATION);
        }

        return new SweepSpec(datasets, codeSizes, architectures, noise, sparsity, replicates, split, dataSplits, epochs,
                batchSize, optimizer, learningRate, seed, trainLimit, testLimit, validation,
                new StoppingSpec(divergenceFactor, patience), parameterAveraging(top), fusion(top));
    }

    /**
     * data.validation: a whole number is a count of held-out samples, any other number a fraction
     * of the training set. A count is checked against train_limit here; against the data set's own
     * size only once the data is read (plan.SweepPreflight).
     */
    private ValidationSize validation(Node node, int trainLimit) {
        String path = "data.validation";
        if (node == null) {
            return ValidationSize.none();
        }
        if (node instanceof ScalarNode scalar && scalar.getTag().equals(Tag.INT)) {
            String rule = trainLimit > 0
                    ? "must be a count from 1 to " + (trainLimit - 1) + " (below data.train_limit) or a fraction in (0, 1)"
                    : "must be a count >= 1 or a fraction in (0, 1)";
            return check(node, path, reader.integer(node, path),
                    count -> count >= 1 && (trainLimit > 0 ? count < trainLimit : count <= Integer.MAX_VALUE), rule)
                    .map(count -> ValidationSize.ofCount(count.intValue()))
                    .orElse(ValidationSize.none());
        }
        return check(node, path, reader.number(node, path), fraction -> fraction > 0 && fraction < 1,
                "must be a fraction in (0, 1) or a whole-number count >= 1")
                .map(ValidationSize::ofFraction)
                .orElse(ValidationSize.none());
    }

    private List<Integer> codeSizes(Node node, String path) {
        return intList(node, path, size -> size > 0 && size <= maxCodeSize,
                maxCodeSize == Integer.MAX_VALUE ? "must be > 0" : "must be > 0 and < " + (maxCodeSize + 1));
    }

    /** dataset: one name or directory, or a list of them (an axis; each name once). */
    private List<String> datasets(Node node) {
        if (node instanceof ScalarNode) {
            return reader.string(node, "dataset").map(List::of).orElse(List.of());
        }
        List<String> datasets = new ArrayList<>();
        reader.sequence(node, "dataset").ifPresent(items -> {
            for (int i = 0; i < items.size(); i++) {
                String itemPath = "dataset[" + i + "]";
                Node item = items.get(i);
                reader.string(item, itemPath).ifPresent(name -> addUnique(datasets, name, item, itemPath));
            }
        });
        return datasets;
    }

    private FusionSpec fusion(Map<String, Node> top) {
        Map<String, Node> section = section(top, "fusion", FUSION_KEYS);
        FusionMode mode = optional(section, "fusion.mode", FusionSpec.defaults().mode(),
                (node, path) -> reader.choice(node, path, FusionMode.class));
        int maxRuns = optional(section, "fusion.max_runs", (long) FusionSpec.DEFAULT_MAX_RUNS,
                (node, path) -> check(node, path, reader.integer(node, path), value -> value >= 1 && value <= 64,
                        "must be a whole number from 1 to 64 (1 = no fusion)")).intValue();
        return new FusionSpec(mode, maxRuns);
    }

    private ParameterAveragingSpec parameterAveraging(Map<String, Node> top) {
        String prefix = "parameter_averaging.";
        Map<String, Node> section = section(top, "parameter_averaging", PARAMETER_AVERAGING_KEYS);
        ParameterAveragingSpec defaults = ParameterAveragingSpec.defaults();
        double threshold = optional(section, prefix + "cost_threshold", defaults.costThreshold(),
                (node, path) -> check(node, path, reader.number(node, path),
                        value -> !Double.isNaN(value) && value >= 0,
                        "must be a number >= 0 (estimated multiply-accumulates; .inf = only runs marked"
                                + " training_mode: parameter_averaging)"));
        int workers = optional(section, prefix + "workers", 0L,
                (node, path) -> check(node, path, reader.integer(node, path), value -> value >= 0 && value <= 4096,
                        "must be a whole number >= 0 (0 = one per task slot)")).intValue();
        int batchPerWorker = nonNegativeInt(section, prefix + "batch_size_per_worker", "0 = training.batch_size");
        int frequency = positiveInt(section, prefix + "averaging_frequency", defaults.averagingFrequency());
        int prefetch = optional(section, prefix + "prefetch", (long) defaults.prefetch(),
                (node, path) -> check(node, path, reader.integer(node, path), value -> value >= 0 && value <= 1024,
                        "must be a whole number >= 0 (0 = no prefetch)")).intValue();
        RepartitionPolicy repartition = optional(section, prefix + "repartition", defaults.repartition(),
                (node, path) -> reader.choice(node, path, RepartitionPolicy.class));
        return new ParameterAveragingSpec(threshold, workers, batchPerWorker, frequency, prefetch, repartition);
    }

    private Optional<Node> required(Map<String, Node> entries, String key, Node parent) {
        Node node = entries.get(key);
        if (node == null) {
            reader.problem(parent, key, "required key is missing");
        }
        return Optional.ofNullable(node);
    }

    /** The entries of an optional sub-mapping; empty when absent or not a mapping. */
    private Map<String, Node> section(Map<String, Node> parent, String key, List<String> allowed) {
        return section(parent, key, key, allowed);
    }

    /** The same, for a sub-mapping at {@code path} (problems name it there). */
    private Map<String, Node> section(Map<String, Node> parent, String key, String path, List<String> allowed) {
        Node node = parent.get(key);
        if (node == null) {
            return Map.of();
        }
        return reader.mapping(node, path).map(mapping -> reader.entries(mapping, path, allowed)).orElse(Map.of());
    }

    /** Whether {@code node} is a mapping with {@code key}, read before its section is validated. */
    private static boolean hasKey(Node node, String key) {
        return node instanceof MappingNode mapping && mapping.getValue().stream()
                .anyMatch(tuple -> tuple.getKeyNode() instanceof ScalarNode scalar && scalar.getValue().equals(key));
    }

    /** The value under the last segment of {@code path}, or the default when absent or invalid. */
    private <T> T optional(Map<String, Node> entries, String path, T defaultValue,
                           BiFunction<Node, String, Optional<T>> read) {
        Node node = entries.get(path.substring(path.lastIndexOf('.') + 1));
        return node == null ? defaultValue : read.apply(node, path).orElse(defaultValue);
    }

    /**
     * data_splits: D of a crossed design, whose replicates are D data splits x S seeds; it needs
     * D >= 2 and S >= 2 for either part of the variance to be estimated. Other splits take theirs
     * from the replicates, so the key is refused there.
     */
    private int dataSplits(Map<String, Node> top, ReplicateSplit split, int replicates) {
        Node node = top.get("data_splits");
        if (split != ReplicateSplit.CROSSED) {
            if (node != null) {
                reader.problem(node, "data_splits", "applies to replicate_split: crossed only (this spec's split is "
                        + split.specName() + ")");
            }
            return split == ReplicateSplit.DISJOINT ? replicates : 1;
        }
        if (node == null) {
            reader.problem(top.get("replicate_split"), "replicate_split",
                    "crossed needs data_splits: the D disjoint parts that replicates = D x seeds train on");
            return replicates;
        }
        return check(node, "data_splits", reader.integer(node, "data_splits"),
                d -> d >= 2 && replicates % d == 0 && replicates / d >= 2,
                "must be a whole number >= 2 that divides replicates (" + replicates
                        + ") into at least 2 seeds per split")
                .map(Long::intValue).orElse(replicates);
    }

    private int positiveInt(Map<String, Node> entries, String path, int defaultValue) {
        return optional(entries, path, (long) defaultValue,
                (node, p) -> check(node, p, reader.integer(node, p), value -> value > 0 && value <= Integer.MAX_VALUE,
                        "must be a whole number > 0")).intValue();
    }

    private int nonNegativeInt(Map<String, Node> entries, String path, String zeroMeans) {
        return optional(entries, path, 0L,
                (node, p) -> check(node, p, reader.integer(node, p), value -> value >= 0 && value <= Integer.MAX_VALUE,
                        "must be a whole number >= 0 (" + zeroMeans + ")")).intValue();
    }

    private <T> Optional<T> check(Node node, String path, Optional<T> value, Predicate<T> valid, String rule) {
        if (value.isPresent() && !valid.test(value.get())) {
            reader.problem(node, path, rule + " (got " + value.get() + ")");
            return Optional.empty();
        }
        return value;
    }

    private List<Integer> intList(Node node, String path, Predicate<Long> valid, String rule) {
        List<Integer> values = new ArrayList<>();
        reader.sequence(node, path).ifPresent(items -> {
            for (int i = 0; i < items.size(); i++) {
                String itemPath = path + "[" + i + "]";
                Node item = items.get(i);
                check(item, itemPath, reader.integer(item, itemPath), valid, rule)
                        .ifPresent(value -> addUnique(values, value.intValue(), item, itemPath));
            }
        });
        return values;
    }

    private <T> void addUnique(List<T> values, T value, Node node, String path) {
        if (values.contains(value)) {
            reader.problem(node, path, "duplicate value " + value + " on this axis");
        } else {
            values.add(value);
        }
    }

    /**
     * The noise settings the runs cross with the other axes: each kind of noise.kind (one kind, or a
     * list of them) with each of noise.levels, drawn as noise.draw says. Kind none adds one clean
     * setting whatever the levels. With several kinds a level of 0 is refused: it trains without
     * noise whatever the kind, so it would repeat one clean run under every kind's name.
     */
    /**
     * A noise block (the sweep's, or an architecture's own at {@code path}): its kinds crossed with
     * its levels, each with the block's draw.
     */
    private List<Noise> noise(Map<String, Node> parent, String path) {
        Map<String, Node> section = section(parent, "noise", path, NOISE_KEYS);
        List<NoiseKind> kinds = noiseKinds(section.get("kind"), path + ".kind");
        List<Double> levels = noiseLevels(section.get("levels"), kinds, parent.get("noise"), path);
        NoiseDraw draw = optional(section, path + ".draw", NoiseDraw.PER_BATCH,
                (node, drawPath) -> reader.choice(node, drawPath, NoiseDraw.class));
        List<Noise> settings = new ArrayList<>();
        for (NoiseKind kind : kinds) {
            if (kind == NoiseKind.NONE) {
                settings.add(new Noise(kind, 0.0));
            } else {
                levels.forEach(level -> settings.add(new Noise(kind, level, draw)));
            }
        }
        return settings;
    }

    /** noise.kind: one kind, or a non-empty list of distinct kinds; none when absent. */
    private List<NoiseKind> noiseKinds(Node node, String path) {
        if (node == null) {
            return List.of(NoiseKind.NONE);
        }
        if (!(node instanceof SequenceNode)) {
            return reader.choice(node, path, NoiseKind.class).map(List::of).orElse(List.of());
        }
        List<String> names = new ArrayList<>();
        reader.sequence(node, path).ifPresent(items -> {
            for (int i = 0; i < items.size(); i++) {
                String itemPath = path + "[" + i + "]";
                Node item = items.get(i);
                reader.choice(item, itemPath, NoiseKind.class)
                        .ifPresent(kind -> addUnique(names, kind.specName(), item, itemPath));
            }
        });
        return names.stream().map(name -> NoiseKind.valueOf(name.toUpperCase(Locale.ROOT))).toList();
    }

    /**
     * noise.levels, checked against every listed kind (dropout takes levels below 1 only). With one
     * kind they default to [0] as before kinds became a list; with several they are required.
     */
    private List<Double> noiseLevels(Node node, List<NoiseKind> kinds, Node noiseNode, String noisePath) {
        String path = noisePath + ".levels";
        List<NoiseKind> noisy = kinds.stream().filter(kind -> kind != NoiseKind.NONE).toList();
        if (kinds.isEmpty()) {
            // noise.kind was refused already: check the levels against the widest range only.
            return numberList(node, path, List.of(0.0), NoiseKind.GAUSSIAN::accepts, "must be within [0, 1]");
        }
        if (noisy.isEmpty()) {
            return numberList(node, path, List.of(0.0), NoiseKind.NONE::accepts, "must be 0 when " + noisePath + ".kind is none");
        }
        boolean several = kinds.size() > 1;
        if (several && node == null) {
            reader.problem(noiseNode, path, "required when " + noisePath + ".kind lists several kinds: the levels every kind"
                    + " but none is crossed with, e.g. [0.1, 0.3]");
            return List.of();
        }
        String upper = noisy.contains(NoiseKind.DROPOUT) ? "1) (dropout scales kept inputs by 1/(1 - level))" : "1]";
        String rule = several
                ? "must be within (0, " + upper + " when " + noisePath + ".kind lists several kinds: level 0 trains"
                        + " without noise whatever the kind, so list none in " + noisePath + ".kind for one clean run"
                : "must be within [0, " + upper;
        return numberList(node, path, List.of(0.0),
                level -> (!several || level > 0.0) && noisy.stream().allMatch(kind -> kind.accepts(level)), rule);
    }

    /** A non-empty list of distinct numbers that pass {@code valid}; the default when absent. */
    private List<Double> numberList(Node node, String path, List<Double> defaults, Predicate<Double> valid,
                                    String rule) {
        if (node == null) {
            return defaults;
        }
        List<Double> values = new ArrayList<>();
        reader.sequence(node, path).ifPresent(items -> {
            for (int i = 0; i < items.size(); i++) {
                String itemPath = path + "[" + i + "]";
                Node item = items.get(i);
                check(item, itemPath, reader.number(item, itemPath), valid, rule)
                        .ifPresent(value -> addUnique(values, value, item, itemPath));
            }
        });
        return values;
    }

    private List<ArchitectureSpec> architectures(Node node, Optional<LossKind> trainingLoss) {
        if (node == null) {
            LossKind loss = trainingLoss.orElse(LossKind.BCE);
            return List.of(new ArchitectureSpec("shallow", ArchitectureKind.SHALLOW, List.of(), List.of(), "relu",
                    OutputActivation.defaultFor(ArchitectureKind.SHALLOW, loss), InputScaling.UNIT, CodeLayout.DENSE,
                    List.of(), List.of(), loss, TrainingMode.AUTO, RecipeOverrides.none()));
        }
        List<ArchitectureSpec> architectures = new ArrayList<>();
        Set<String> labels = new HashSet<>();
        reader.sequence(node, "architectures").ifPresent(items -> {
            for (int i = 0; i < items.size(); i++) {
                String path = "architectures[" + i + "]";
                Node item = items.get(i);
                architecture(item, path, trainingLoss).ifPresent(spec -> {
                    if (labels.add(spec.label())) {
                        architectures.add(spec);
                    } else {
                        reader.problem(item, path, "duplicate architecture label '" + spec.label()
                                + "'; give one of them a distinct label");
                    }
                });
            }
        });
        return architectures;
    }

    /**
     * An entry is a bare name (defaults for everything) or a mapping of {@link #ARCHITECTURE_KEYS}.
     * The loss defaults to training.loss, else to MSE for linear (the PCA-equivalent autoencoder)
     * and BCE for the others; the output activation to {@link OutputActivation#defaultFor}.
     */
    private Optional<ArchitectureSpec> architecture(Node node, String path, Optional<LossKind> trainingLoss) {
        Map<String, Node> entries = node instanceof MappingNode mapping
                ? reader.entries(mapping, path, ARCHITECTURE_KEYS) : Map.of("name", node);
        String namePath = node instanceof MappingNode ? path + ".name" : path;
        Optional<ArchitectureKind> kind = Optional.ofNullable(entries.get("name"))
                .or(() -> {
                    reader.problem(node, namePath, "required key is missing");
                    return Optional.empty();
                })
                .flatMap(nameNode -> reader.choice(nameNode, namePath, ArchitectureKind.class));
        if (kind.isEmpty()) {
            return Optional.empty();
        }
        CodeLayout layout = codeLayout(kind.get(), entries.get("code"), path + ".code");
        List<Integer> hidden = hiddenSizes(kind.get(), layout, entries.get("hidden"), path + ".hidden");
        List<Integer> decoder = decoderSizes(kind.get(), layout, hidden, entries.get("decoder"), path + ".decoder");
        String activation = optional(entries, path + ".activation", "relu",
                (n, p) -> check(n, p, reader.string(n, p), ACTIVATIONS::contains,
                        "unknown activation (allowed: " + String.join(", ", ACTIVATIONS) + ")"));
        String label = optional(entries, path + ".label", kind.get().specName(), reader::string);
        LossKind defaultLoss = trainingLoss.orElse(kind.get() == ArchitectureKind.LINEAR ? LossKind.MSE : LossKind.BCE);
        Map<String, Node> ownTraining = section(entries, "training", path + ".training", ARCHITECTURE_TRAINING_KEYS);
        if (entries.containsKey("loss") && ownTraining.containsKey("loss")) {
            reader.problem(ownTraining.get("loss"), path + ".training.loss",
                    "the loss is given twice; keep either " + path + ".loss or " + path + ".training.loss");
        }
        LossKind loss = optional(ownTraining.containsKey("loss") ? ownTraining : entries,
                path + (ownTraining.containsKey("loss") ? ".training.loss" : ".loss"), defaultLoss,
                (n, p) -> reader.choice(n, p, LossKind.class));
        OutputActivation output = optional(entries, path + ".output_activation",
                OutputActivation.defaultFor(kind.get(), loss), (n, p) -> reader.choice(n, p, OutputActivation.class));
        InputScaling scaling = optional(entries, path + ".input_scaling", InputScaling.UNIT,
                (n, p) -> reader.choice(n, p, InputScaling.class));
        checkOutputFitsTargets(node, path, loss, output, scaling);
        TrainingMode mode = optional(entries, path + ".training_mode", TrainingMode.AUTO,
                (n, p) -> reader.choice(n, p, TrainingMode.class));
        List<Integer> codeSizes = Optional.ofNullable(entries.get("code_sizes"))
                .map(n -> codeSizes(n, path + ".code_sizes")).orElse(List.of());
        List<Noise> noise = entries.containsKey("noise") ? noise(entries, path + ".noise") : List.of();
        return Optional.of(new ArchitectureSpec(label, kind.get(), hidden, decoder, activation, output, scaling, layout,
                codeSizes, noise, loss, mode, recipeOverrides(ownTraining, path + ".training")));
    }

    /** An architecture's own training block, validated by the same rules as the sweep's. */
    private RecipeOverrides recipeOverrides(Map<String, Node> training, String prefix) {
        Integer epochs = training.containsKey("epochs") ? positiveInt(training, prefix + ".epochs", 1) : null;
        Integer batchSize = training.containsKey("batch_size") ? positiveInt(training, prefix + ".batch_size", 1) : null;
        OptimizerKind optimizer = optional(training, prefix + ".optimizer", null,
                (node, path) -> reader.choice(node, path, OptimizerKind.class));
        Double learningRate = optional(training, prefix + ".learning_rate", null, this::learningRate);
        Integer patience = training.containsKey("early_stopping_patience")
                ? nonNegativeInt(training, prefix + ".early_stopping_patience", "0 = no early stopping") : null;
        if (patience != null && patience > 0 && !validationGiven) {
            reader.problem(training.get("early_stopping_patience"), prefix + ".early_stopping_patience",
                    EARLY_STOPPING_NEEDS_VALIDATION);
        }
        return new RecipeOverrides(epochs, batchSize, optimizer, learningRate, patience);
    }

    private Optional<Double> learningRate(Node node, String path) {
        return check(node, path, reader.number(node, path), rate -> Double.isFinite(rate) && rate > 0,
                "must be a finite number > 0");
    }

    /**
     * BCE scores outputs as probabilities of pixel intensities in [0, 1], so it needs a sigmoid
     * output and unit-scaled inputs; any loss needs an output activation that can reach the targets.
     */
    private void checkOutputFitsTargets(Node node, String path, LossKind loss, OutputActivation output,
                                        InputScaling scaling) {
        if (loss == LossKind.BCE && (output != OutputActivation.SIGMOID || scaling != InputScaling.UNIT)) {
            reader.problem(node, path, "loss bce needs outputs and targets in [0, 1]: output_activation sigmoid and"
                    + " input_scaling unit (got output_activation " + output.specName() + ", input_scaling "
                    + scaling.specName() + "); use loss mse for other outputs");
        } else if (!output.reaches(scaling)) {
            reader.problem(node, path, "output_activation " + output.specName() + " cannot reach the targets of"
                    + " input_scaling " + scaling.specName() + " ([" + scaling.low() + ", " + scaling.high()
                    + "]); use tanh or identity");
        }
    }

    private CodeLayout codeLayout(ArchitectureKind kind, Node node, String path) {
        if (node == null) {
            return CodeLayout.DENSE;
        }
        if (kind != ArchitectureKind.CONV) {
            reader.problem(node, path, "only conv nets choose their code layout (dense or map)");
            return CodeLayout.DENSE;
        }
        return reader.choice(node, path, CodeLayout.class).orElse(CodeLayout.DENSE);
    }

    private List<Integer> hiddenSizes(ArchitectureKind kind, CodeLayout layout, Node node, String path) {
        List<Integer> defaults = layout == CodeLayout.MAP ? DEFAULT_MAP_CODE_FILTERS : DEFAULT_HIDDEN.get(kind);
        if (defaults == null) {
            if (node != null) {
                reader.problem(node, path, kind.specName() + " has no hidden layers; use deep for stacked layers");
            }
            return List.of();
        }
        if (node == null) {
            return defaults;
        }
        List<Integer> hidden = intList(node, path, size -> size > 0, "must be > 0");
        if (kind == ArchitectureKind.LSTM && hidden.isEmpty()) {
            reader.problem(node, path, "lstm needs at least one recurrent layer before its code");
        }
        return hidden;
    }

    /**
     * decoder: the widths between code and output, in order. Absent means the mirror of the
     * encoder; an empty list is a one-layer decoder (dense nets). Sizes may repeat.
     */
    private List<Integer> decoderSizes(ArchitectureKind kind, CodeLayout layout, List<Integer> hidden, Node node,
                                       String path) {
        List<Integer> mirrored = Architecture.mirroredDecoder(kind, layout, hidden);
        if (node == null) {
            return mirrored;
        }
        switch (kind) {
            case LINEAR, SHALLOW -> {
                reader.problem(node, path, kind.specName() + " decodes in one layer; use deep (or sparse) with"
                        + " hidden and decoder for other shapes");
                return mirrored;
            }
            case CONV -> {
                if (layout != CodeLayout.MAP) {
                    reader.problem(node, path, "a conv net's decoder filters need code: map (a dense code has a"
                            + " fixed decoder)");
                    return mirrored;
                }
            }
            default -> {
            }
        }
        List<Integer> decoder = new ArrayList<>();
        reader.possiblyEmptySequence(node, path).ifPresent(items -> {
            for (int i = 0; i < items.size(); i++) {
                String itemPath = path + "[" + i + "]";
                check(items.get(i), itemPath, reader.integer(items.get(i), itemPath), size -> size > 0 && size <= 1 << 20,
                        "must be > 0").ifPresent(size -> decoder.add(size.intValue()));
            }
        });
        if (kind == ArchitectureKind.LSTM && decoder.isEmpty()) {
            reader.problem(node, path, "lstm needs at least one recurrent decoder layer");
        }
        if (kind == ArchitectureKind.CONV && decoder.size() != hidden.size()) {
            reader.problem(node, path, "a map code's decoder has one transposed convolution per pooling before the"
                    + " 1-channel output: give " + hidden.size() + " filter counts (as many as hidden), got "
                    + decoder.size());
        }
        return decoder;
    }
}
