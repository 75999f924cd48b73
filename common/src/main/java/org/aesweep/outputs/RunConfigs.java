package org.aesweep.outputs;

import java.util.Locale;

import org.aesweep.spec.Architecture;
import org.aesweep.spec.ArchitectureKind;
import org.aesweep.spec.CodeLayout;
import org.aesweep.spec.DataSelection;
import org.aesweep.spec.InputScaling;
import org.aesweep.spec.LossKind;
import org.aesweep.spec.Noise;
import org.aesweep.spec.NoiseDraw;
import org.aesweep.spec.NoiseKind;
import org.aesweep.spec.OptimizerKind;
import org.aesweep.spec.OutputActivation;
import org.aesweep.spec.ReplicateSampling;
import org.aesweep.spec.ReplicateSplit;
import org.aesweep.spec.RunConfig;
import org.aesweep.spec.StoppingSpec;
import org.aesweep.spec.TrainingRecipe;
import org.aesweep.spec.ValidationSize;
import org.aesweep.tables.avro.RunRow;

/**
 * Rebuilds a run's config from its runs-table row, the inverse of {@link RunRows#runRow}. Rows of
 * files written before a column existed arrive with the column's .avsc default (the value those
 * runs trained with), so every column is read as it is.
 */
public final class RunConfigs {
    private RunConfigs() {
    }

    /** A crossed split records its data splits; the others' follow from the split and the replicates. */
    private static ReplicateSampling sampling(RunRow row) {
        ReplicateSplit split = ReplicateSplit.valueOf(upper(row.getReplicateSplit()));
        return split == ReplicateSplit.CROSSED
                ? new ReplicateSampling(split, row.getReplicates(), row.getDataSplits())
                : new ReplicateSampling(split, row.getReplicates());
    }

    public static RunConfig fromRunsRow(RunRow row) {
        DataSelection data = new DataSelection(row.getDataset(), row.getTrainLimit(), row.getTestLimit(),
                sampling(row),
                ValidationSize.parse(row.getValidation() == null ? null : row.getValidation().toString()));
        TrainingRecipe recipe = new TrainingRecipe(row.getEpochs(), row.getBatchSize(),
                OptimizerKind.valueOf(upper(row.getOptimizer())), row.getLearningRate(),
                LossKind.valueOf(upper(row.getLoss())),
                new StoppingSpec(row.getDivergenceFactor(), row.getEarlyStoppingPatience()));
        ArchitectureKind kind = ArchitectureKind.valueOf(upper(row.getArchitectureKind()));
        CodeLayout layout = CodeLayout.valueOf(upper(row.getCodeLayout()));
        Architecture architecture = new Architecture(row.getArchitecture(), kind, row.getHiddenSizes(),
                row.getDecoderSizes() == null
                        ? Architecture.mirroredDecoder(kind, layout, row.getHiddenSizes()) : row.getDecoderSizes(),
                row.getActivation(),
                row.getOutputActivation() == null
                        ? OutputActivation.defaultFor(kind, recipe.loss())
                        : OutputActivation.valueOf(upper(row.getOutputActivation())),
                InputScaling.valueOf(upper(row.getInputScaling())), layout, row.getCodeSize(),
                row.getSparsityWeight());
        Noise noise = new Noise(NoiseKind.valueOf(upper(row.getNoiseKind())), row.getNoiseLevel(),
                NoiseDraw.valueOf(upper(row.getNoiseDraw())));
        return new RunConfig(data, architecture, noise, recipe, row.getReplicate(), row.getSeed());
    }

    /** Table values are the spec's lower-case names of the enum constants. */
    private static String upper(String specName) {
        return specName.toUpperCase(Locale.ROOT);
    }
}
