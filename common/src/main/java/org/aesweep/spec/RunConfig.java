package org.aesweep.spec;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * One grid point, fully resolved: everything a task needs to train a run and nothing else.
 * Its {@link #runId()} is a hash of the normalised fields, so a rerun of the same grid point
 * finds its own rows.
 *
 * @param data         the images it trains and is tested on
 * @param architecture the network
 * @param noise        the corruption of its training inputs
 * @param recipe       how it trains
 * @param replicate    which of the grid point's replicates this is
 * @param seed         the sweep's seed, from which the run's and the data's seeds derive
 */
public record RunConfig(DataSelection data, Architecture architecture, Noise noise, TrainingRecipe recipe,
                        int replicate, long seed) implements Serializable {

    /** The same run for a different number of epochs (the planner's speed probes train a few). */
    public RunConfig withEpochs(int newEpochs) {
        return new RunConfig(data, architecture, noise, recipe.withEpochs(newEpochs), replicate, seed);
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
     * weight only appears for sparse runs; the decoder, output activation, input scaling, code
     * layout, stopping rules, replicate split and validation split only when they differ from what
     * runs did before they could be chosen, so the ids of earlier runs did not change when those
     * were added.
     */
    public String canonicalForm() {
        String form = String.join(";",
                "dataset=" + data.dataset(),
                "architecture=" + architecture.label(),
                "kind=" + architecture.kind().specName(),
                "hidden=" + architecture.hiddenSizes(),
                "activation=" + architecture.activation(),
                "code_size=" + architecture.codeSize(),
                "noise_kind=" + noise.kind().specName(),
                "noise_level=" + noise.level(),
                "replicate=" + replicate,
                "epochs=" + recipe.epochs(),
                "batch_size=" + recipe.batchSize(),
                "optimizer=" + recipe.optimizer().specName(),
                "learning_rate=" + recipe.learningRate(),
                "loss=" + recipe.loss().specName(),
                "seed=" + seed,
                "train_limit=" + data.trainLimit(),
                "test_limit=" + data.testLimit());
        if (architecture.kind() == ArchitectureKind.SPARSE) {
            form += ";sparsity_weight=" + architecture.sparsityWeight();
        }
        if (!data.sampling().sharesTrainingData()) {
            form += ";replicate_split=" + data.sampling().split().specName() + "/" + data.sampling().replicates();
            if (data.sampling().split() == ReplicateSplit.CROSSED) {
                form += ";data_splits=" + data.sampling().dataSplits();
            }
        }
        if (!architecture.hasMirroredDecoder()) {
            form += ";decoder=" + architecture.decoderSizes();
        }
        if (architecture.outputActivation() != OutputActivation.defaultFor(architecture.kind(), recipe.loss())) {
            form += ";output_activation=" + architecture.outputActivation().specName();
        }
        if (architecture.inputScaling() != InputScaling.UNIT) {
            form += ";input_scaling=" + architecture.inputScaling().specName();
        }
        if (architecture.codeLayout() != CodeLayout.DENSE) {
            form += ";code=" + architecture.codeLayout().specName();
        }
        if (data.hasValidation()) {
            form += ";validation=" + data.validation().specForm();
        }
        if (!recipe.stopping().isDefault()) {
            form += ";divergence_factor=" + recipe.stopping().divergenceFactor() + ";patience="
                    + recipe.stopping().patience();
        }
        // Like the fields above, the noise draw appears only when it is not the default.
        if (noise.draw() != NoiseDraw.PER_BATCH) {
            form += ";noise_draw=" + noise.draw().specName();
        }
        return form;
    }

    /**
     * The seed this run trains with: differs between replicates of one grid point, so replicates
     * see different initialisations and minibatch orders, and is the same on every rerun. The
     * replicates of a crossed design that share a seed index share it across data splits.
     */
    public long runSeed() {
        long h = seed * 0x9E3779B97F4A7C15L + data.sampling().seedIndexOf(replicate);
        h ^= (h >>> 33);
        h *= 0xff51afd7ed558ccdL;
        return h ^ (h >>> 33);
    }

    /** The seed that picks the train/test subsets; shared by all runs of a sweep so they compare. */
    public long dataSeed() {
        return seed;
    }
}
