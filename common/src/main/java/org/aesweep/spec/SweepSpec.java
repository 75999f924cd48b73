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
        String dataset,
        List<Integer> codeSizes,
        List<ArchitectureSpec> architectures,
        List<Noise> noise,
        List<Double> sparsityWeights,
        int replicates,
        ReplicateSplit replicateSplit,
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
        codeSizes = List.copyOf(codeSizes);
        architectures = List.copyOf(architectures);
        noise = List.copyOf(noise);
        sparsityWeights = List.copyOf(sparsityWeights);
    }

    /**
     * Every grid point, in the order architectures x sparsity weights (sparse architectures only)
     * x noise settings (kinds x levels, see {@link SpecLoader}) x code sizes x replicates.
     */
    public List<RunConfig> expand() {
        List<RunConfig> runs = new ArrayList<>();
        DataSelection data = new DataSelection(dataset, trainLimit, testLimit,
                new ReplicateSampling(replicateSplit, replicates), validation);
        for (ArchitectureSpec architecture : architectures) {
            TrainingRecipe recipe = new TrainingRecipe(epochs, batchSize, optimizer, learningRate, architecture.loss(),
                    stopping);
            List<Double> weights = architecture.kind() == ArchitectureKind.SPARSE ? sparsityWeights : List.of(0.0);
            for (double weight : weights) {
                for (Noise setting : noise) {
                    for (int codeSize : codeSizes) {
                        Architecture network = new Architecture(architecture.label(), architecture.kind(),
                                architecture.hidden(), architecture.activation(), codeSize, weight);
                        for (int replicate = 0; replicate < replicates; replicate++) {
                            runs.add(new RunConfig(data, network, setting, recipe, replicate, seed));
                        }
                    }
                }
            }
        }
        return runs;
    }

    /** How many runs {@link #expand()} yields. */
    public int runCount() {
        int perNoiseAndCode = noise.size() * codeSizes.size() * replicates;
        return architectures.stream()
                .mapToInt(a -> (a.kind() == ArchitectureKind.SPARSE ? sparsityWeights.size() : 1) * perNoiseAndCode)
                .sum();
    }

    /** The training mode the spec asks for runs of the architecture labelled {@code label}. */
    public TrainingMode trainingModeOf(String label) {
        return architectures.stream().filter(a -> a.label().equals(label)).findFirst()
                .map(ArchitectureSpec::trainingMode).orElse(TrainingMode.AUTO);
    }

    public String describe() {
        String kinds = noise.stream().map(setting -> setting.kind().specName()).distinct()
                .collect(Collectors.joining(", "));
        return String.format(Locale.ROOT, "%d run(s) on %s: %d architecture(s) x %d noise setting(s) (%s) x %d code size(s)"
                        + " x %d replicate(s), %d epoch(s) each", runCount(), dataset, architectures.size(), noise.size(),
                kinds, codeSizes.size(), replicates, epochs);
    }
}
