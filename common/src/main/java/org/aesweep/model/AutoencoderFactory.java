package org.aesweep.model;

import org.aesweep.grid.RunConfig;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Builds the autoencoder a run config names, for images of rows x cols pixels. Glorot-uniform
 * weights and zero biases match Keras' defaults, so losses compare with the study's Keras figures.
 */
public final class AutoencoderFactory {
    private AutoencoderFactory() {
    }

    public static Autoencoder build(RunConfig config, int rows, int cols) {
        return switch (config.kind()) {
            case LINEAR, SHALLOW, DEEP, SPARSE -> DenseAutoencoder.build(config, rows, cols);
            case CONV -> ConvAutoencoder.build(config, rows, cols);
            case LSTM -> LstmAutoencoder.build(config, rows, cols);
        };
    }

    /** The settings every architecture shares: seed, precision, initialisation and updater. */
    static NeuralNetConfiguration.Builder common(RunConfig config) {
        return new NeuralNetConfiguration.Builder()
                .seed(config.runSeed())
                .dataType(DataType.FLOAT)
                .weightInit(WeightInit.XAVIER_UNIFORM)
                .updater(Updaters.of(config.optimizer(), config.learningRate()));
    }
}
