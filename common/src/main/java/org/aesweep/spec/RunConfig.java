package org.aesweep.spec;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * One grid point, fully resolved: everything a task needs to train a run and nothing else.
 * Its {@link #runId()} is a hash of the normalised fields, so a rerun of the same grid point
 * finds its own rows.
 *
 * @param dataset      "mnist", "fashion-mnist", or the URI of a directory of the four IDX files
 * @param architecture the label used in tables (the kind's name unless the spec gave a label)
 * @param kind         the network family
 * @param hiddenSizes  encoder hidden layer sizes between input and code (mirrored in the decoder)
 * @param activation   hidden-layer activation name (relu, selu, sigmoid, ...)
 * @param sparsityWeight L1 weight on the code's activations; 0 except for sparse runs
 * @param trainLimit   0 for the whole training set, else a seeded subset of that many samples
 * @param testLimit    0 for the whole test set, else a seeded subset of that many samples
 * @param stopping     divergence and early-stopping rules
 * @param sampling     how this run's replicate samples the training set
 */
public record RunConfig(
        String dataset,
        String architecture,
        ArchitectureKind kind,
        List<Integer> hiddenSizes,
        String activation,
        int codeSize,
        NoiseKind noiseKind,
        double noiseLevel,
        double sparsityWeight,
        int replicate,
        int epochs,
        int batchSize,
        OptimizerKind optimizer,
        double learningRate,
        LossKind loss,
        long seed,
        int trainLimit,
        int testLimit,
        StoppingSpec stopping,
        ReplicateSampling sampling) implements Serializable {

    public RunConfig {
        hiddenSizes = List.copyOf(hiddenSizes);
    }

    /** The same run for a different number of epochs (the planner's speed probes train a few). */
    public RunConfig withEpochs(int newEpochs) {
        return new RunConfig(dataset, architecture, kind, hiddenSizes, activation, codeSize, noiseKind, noiseLevel,
                sparsityWeight, replicate, newEpochs, batchSize, optimizer, learningRate, loss, seed, trainLimit,
                testLimit, stopping, sampling);
    }

    /** Stable across JVMs and releases: 16 hex digits of SHA-256 over {@link #canonicalForm()}. */
    public String runId() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(canonicalForm().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JVM", e);
        }
    }

    /**
     * Every field, named, in a fixed order and locale-independent number format. The sparsity
     * weight only appears for sparse runs, the stopping rules and replicate split only when they
     * differ from the defaults, so the ids of earlier runs did not change when those were added.
     */
    public String canonicalForm() {
        String form = String.join(";",
                "dataset=" + dataset,
                "architecture=" + architecture,
                "kind=" + kind.specName(),
                "hidden=" + hiddenSizes,
                "activation=" + activation,
                "code_size=" + codeSize,
                "noise_kind=" + noiseKind.specName(),
                "noise_level=" + noiseLevel,
                "replicate=" + replicate,
                "epochs=" + epochs,
                "batch_size=" + batchSize,
                "optimizer=" + optimizer.specName(),
                "learning_rate=" + learningRate,
                "loss=" + loss.specName(),
                "seed=" + seed,
                "train_limit=" + trainLimit,
                "test_limit=" + testLimit);
        if (kind == ArchitectureKind.SPARSE) {
            form += ";sparsity_weight=" + sparsityWeight;
        }
        if (!sampling.sharesTrainingData()) {
            form += ";replicate_split=" + sampling.split().specName() + "/" + sampling.replicates();
        }
        if (!stopping.isDefault()) {
            form += ";divergence_factor=" + stopping.divergenceFactor() + ";patience=" + stopping.patience();
        }
        return form;
    }

    /**
     * The seed this run trains with: differs between replicates of one grid point, so replicates
     * see different initialisations and minibatch orders, and is the same on every rerun.
     */
    public long runSeed() {
        long h = seed * 0x9E3779B97F4A7C15L + replicate;
        h ^= (h >>> 33);
        h *= 0xff51afd7ed558ccdL;
        return h ^ (h >>> 33);
    }

    /** The seed that picks the train/test subsets; shared by all runs of a sweep so they compare. */
    public long dataSeed() {
        return seed;
    }
}
