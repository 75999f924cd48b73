package org.aesweep.outputs;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.aesweep.spec.Architecture;
import org.aesweep.spec.ArchitectureKind;
import org.aesweep.spec.DataSelection;
import org.aesweep.spec.LossKind;
import org.aesweep.spec.Noise;
import org.aesweep.spec.NoiseKind;
import org.aesweep.spec.OptimizerKind;
import org.aesweep.spec.ReplicateSampling;
import org.aesweep.spec.ReplicateSplit;
import org.aesweep.spec.RunConfig;
import org.aesweep.spec.StoppingSpec;
import org.aesweep.spec.TrainingRecipe;
import org.apache.avro.generic.GenericRecord;

/** Rebuilds a run's config from its runs-table row, the inverse of {@link RunRows#runRow}. */
public final class RunConfigs {
    private RunConfigs() {
    }

    public static RunConfig fromRunsRow(GenericRecord row) {
        List<Integer> hidden = new ArrayList<>();
        for (Object size : (List<?>) row.get("hidden_sizes")) {
            hidden.add((Integer) size);
        }
        DataSelection data = new DataSelection(text(row, "dataset"), (Integer) row.get("train_limit"),
                (Integer) row.get("test_limit"), sampling(row));
        Architecture architecture = new Architecture(text(row, "architecture"),
                ArchitectureKind.valueOf(upper(row, "architecture_kind")), hidden, text(row, "activation"),
                (Integer) row.get("code_size"), (Double) row.get("sparsity_weight"));
        Noise noise = new Noise(NoiseKind.valueOf(upper(row, "noise_kind")), (Double) row.get("noise_level"));
        TrainingRecipe recipe = new TrainingRecipe((Integer) row.get("epochs"), (Integer) row.get("batch_size"),
                OptimizerKind.valueOf(upper(row, "optimizer")), (Double) row.get("learning_rate"),
                LossKind.valueOf(upper(row, "loss")), stopping(row));
        return new RunConfig(data, architecture, noise, recipe, (Integer) row.get("replicate"), (Long) row.get("seed"));
    }

    /** Rows written before the replicate_split column existed came from seed replicates. */
    private static ReplicateSampling sampling(GenericRecord row) {
        Object split = row.hasField("replicate_split") ? row.get("replicate_split") : null;
        Object replicates = row.hasField("replicates") ? row.get("replicates") : null;
        return new ReplicateSampling(
                split == null ? ReplicateSplit.SEED : ReplicateSplit.valueOf(split.toString().toUpperCase(Locale.ROOT)),
                replicates == null ? 1 : (Integer) replicates);
    }

    /** Rows written before the stopping columns existed trained with the defaults. */
    private static StoppingSpec stopping(GenericRecord row) {
        Object factor = row.hasField("divergence_factor") ? row.get("divergence_factor") : null;
        Object patience = row.hasField("early_stopping_patience") ? row.get("early_stopping_patience") : null;
        StoppingSpec defaults = StoppingSpec.defaults();
        return new StoppingSpec(factor == null ? defaults.divergenceFactor() : (Double) factor,
                patience == null ? defaults.patience() : (Integer) patience);
    }

    private static String text(GenericRecord row, String field) {
        return row.get(field).toString();
    }

    private static String upper(GenericRecord row, String field) {
        return text(row, field).toUpperCase(Locale.ROOT);
    }
}
