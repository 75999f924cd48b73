package org.aesweep.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A validated sweep spec: its axes, training settings and how large runs train data-parallel.
 * {@link #expand()} gives the runs.
 */
public record SweepSpec(
        List<String> datasets,
        List<Integer> codeSizes,
        List<ArchitectureSpec> architectures,
        List<Noise> noise,
        List<Double> sparsityWeights,
        int replicates,
        ReplicateSplit replicateSplit,
        int dataSplits,
        int epochs,
        int batchSize,
        OptimizerKind optimizer,
        double learningRate,
        long seed,
        int trainLimit,
        int testLimit,
        ValidationSize validation,
        StoppingSpec stopping,
        ParameterAveragingSpec parameterAveraging,
        FusionSpec fusion) {

    public SweepSpec {
        datasets = List.copyOf(datasets);
        codeSizes = List.copyOf(codeSizes);
        architectures = List.copyOf(architectures);
        noise = List.copyOf(noise);
        sparsityWeights = List.copyOf(sparsityWeights);
    }

    /**
     * Every grid point, in the order datasets x architectures x sparsity weights (sparse
     * architectures only) x noise settings (kinds x levels, see {@link SpecLoader}) x code sizes
     * x replicates.
     */
    public List<RunConfig> expand() {
        List<RunConfig> runs = new ArrayList<>();
        for (String dataset : datasets) {
            DataSelection data = new DataSelection(dataset, trainLimit, testLimit,
                    sampling(), validation);
            for (ArchitectureSpec architecture : architectures) {
                TrainingRecipe recipe = architecture.recipe().applyTo(new TrainingRecipe(epochs, batchSize, optimizer,
                        learningRate, architecture.loss(), stopping));
                List<Double> weights = architecture.kind() == ArchitectureKind.SPARSE ? sparsityWeights : List.of(0.0);
                for (double weight : weights) {
                    for (Noise setting : noiseOf(architecture)) {
                        for (int codeSize : codeSizesOf(architecture)) {
                            Architecture network = architecture.at(codeSize, weight);
                            for (int replicate = 0; replicate < replicates; replicate++) {
                                runs.add(new RunConfig(data, network, setting, recipe, replicate, seed));
                            }
                        }
                    }
                }
            }
        }
        return runs;
    }

    /** How many runs {@link #expand()} yields. */
    public int runCount() {
        return datasets.size() * architectures.stream()
                .mapToInt(a -> (a.kind() == ArchitectureKind.SPARSE ? sparsityWeights.size() : 1)
                        * noiseOf(a).size() * codeSizesOf(a).size() * replicates)
                .sum();
    }

    /** The code sizes an architecture's runs take: its own, else the sweep's. */
    public List<Integer> codeSizesOf(ArchitectureSpec architecture) {
        return architecture.codeSizes().isEmpty() ? codeSizes : architecture.codeSizes();
    }

    /** The noise settings an architecture's runs take: its own, else the sweep's. */
    public List<Noise> noiseOf(ArchitectureSpec architecture) {
        return architecture.noise().isEmpty() ? noise : architecture.noise();
    }

    /** Every code size some run of the sweep takes, in first-seen order. */
    public List<Integer> allCodeSizes() {
        return architectures.stream().flatMap(a -> codeSizesOf(a).stream()).distinct().toList();
    }

    /** The training mode the spec asks for runs of the architecture labelled {@code label}. */
    public TrainingMode trainingModeOf(String label) {
        return architectures.stream().filter(a -> a.label().equals(label)).findFirst()
                .map(ArchitectureSpec::trainingMode).orElse(TrainingMode.AUTO);
    }

    /** How every grid point's replicates sample the training set and pick their seeds. */
    public ReplicateSampling sampling() {
        return new ReplicateSampling(replicateSplit, replicates, dataSplits);
    }

    public String describe() {
        boolean ownRecipes = architectures.stream().anyMatch(a -> !a.recipe().equals(RecipeOverrides.none()));
        List<Noise> settings = architectures.stream().flatMap(a -> noiseOf(a).stream()).distinct().toList();
        String kinds = settings.stream().map(setting -> setting.kind().specName()).distinct()
                .collect(Collectors.joining(", "));
        return String.format(Locale.ROOT, "%d run(s) on %s: %d architecture(s) x %d noise setting(s) (%s) x %d code size(s)"
                        + " x %d replicate(s)%s, %s", runCount(), String.join(", ", datasets), architectures.size(),
                settings.size(), kinds, allCodeSizes().size(), replicates,
                replicateSplit == ReplicateSplit.CROSSED
                        ? " (" + dataSplits + " data splits x " + sampling().seedsPerSplit() + " seeds)" : "",
                ownRecipes ? "recipes per architecture" : epochs + " epoch(s) each");
    }
}
