package org.aesweep.model;

import java.util.EnumSet;
import java.util.Set;

import org.aesweep.spec.ArchitectureKind;
import org.aesweep.spec.RunConfig;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Builds the autoencoder a run config names, for images of rows x cols pixels. Every architecture
 * shares the seed, Glorot-uniform weights with zero biases (Keras' defaults, so losses compare with
 * the study's Keras figures) and the updater.
 */
public final class AutoencoderFactory {
    private static final Set<ArchitectureKind> FUSED_FORM =
            EnumSet.of(ArchitectureKind.LINEAR, ArchitectureKind.SHALLOW, ArchitectureKind.DEEP);

    private AutoencoderFactory() {
    }

    /** Builds in single precision, what training uses. */
    public static Autoencoder build(RunConfig config, int rows, int cols) {
        return build(config, rows, cols, DataType.FLOAT);
    }

    /** Any precision; gradient checks need double. */
    static Autoencoder build(RunConfig config, int rows, int cols, DataType precision) {
        NeuralNetConfiguration.Builder common = common(config, rows, cols, precision);
        return switch (config.architecture().kind()) {
            case LINEAR, SHALLOW, DEEP, SPARSE -> DenseAutoencoder.build(config, rows, cols, common);
            case CONV -> ConvAutoencoder.build(config, rows, cols, common);
            case LSTM -> LstmAutoencoder.build(config, rows, cols, common);
        };
    }

    /**
     * Whether {@code config}'s network has a fused form ({@link #buildFused}), decided here alone:
     * linear, shallow and deep do; a sparse net does not, its activity penalty being per run, nor
     * conv or LSTM. The planner fuses only such runs, and train.RunEngine trains and scores them
     * through that form even one at a time: its layers reuse the forward pass in backprop and skip
     * the first layer's input gradient.
     */
    public static boolean hasFusedForm(RunConfig config) {
        return FUSED_FORM.contains(config.architecture().kind());
    }

    /**
     * One network holding {@code branches} copies of the dense network {@code config} names, side
     * by side (see {@link FusedDense}); in single precision. Its initial parameters are
     * placeholders: each branch gets its run's own from that run's solo network.
     */
    public static MultiLayerNetwork buildFused(RunConfig config, int branches, int rows, int cols) {
        if (!hasFusedForm(config)) {
            throw new IllegalArgumentException(
                    config.architecture().kind().specName() + " networks have no fused form");
        }
        return DenseAutoencoder.buildFused(config, branches, rows, cols, common(config, rows, cols, DataType.FLOAT));
    }

    private static NeuralNetConfiguration.Builder common(RunConfig config, int rows, int cols, DataType precision) {
        return new NeuralNetConfiguration.Builder()
                .seed(config.runSeed())
                .dataType(precision)
                .weightInit(WeightInit.XAVIER_UNIFORM)
                .updater(Updaters.of(config.recipe().optimizer(), config.recipe().learningRate(),
                        ScoreScale.elementsPerScore(config, rows, cols)));
    }
}
