package org.aesweep.model;

import java.util.ArrayList;
import java.util.List;

import org.aesweep.grid.ArchitectureKind;
import org.aesweep.grid.RunConfig;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Builds the dense autoencoders of a run config: {@code shallow} is input-c-input and {@code deep}
 * is input-h1..hk-c-hk..h1-input. Hidden and code layers use the config's activation; the output
 * is sigmoid because inputs are intensities in [0, 1]. Glorot-uniform weights and zero biases
 * match Keras' Dense defaults, so losses compare with the Keras figures of the study.
 */
public final class AutoencoderFactory {
    private AutoencoderFactory() {
    }

    public static Autoencoder build(RunConfig config, int inputSize) {
        if (config.kind() != ArchitectureKind.SHALLOW && config.kind() != ArchitectureKind.DEEP) {
            throw new IllegalArgumentException("architecture " + config.kind().specName() + " is not implemented");
        }
        List<Integer> encoderWidths = new ArrayList<>(config.hiddenSizes());
        encoderWidths.add(config.codeSize());
        Activation hidden = ActivationNames.parse(config.activation());

        NeuralNetConfiguration.ListBuilder layers = new NeuralNetConfiguration.Builder()
                .seed(config.runSeed())
                .dataType(DataType.FLOAT)
                .weightInit(WeightInit.XAVIER_UNIFORM)
                .updater(Updaters.of(config.optimizer(), config.learningRate()))
                .list();

        int layerIndex = 0;
        int width = inputSize;
        for (int next : encoderWidths) {
            layers.layer(layerIndex++, dense(width, next, hidden));
            width = next;
        }
        int codeLayerIndex = layerIndex - 1;
        for (int i = config.hiddenSizes().size() - 1; i >= 0; i--) {
            int next = config.hiddenSizes().get(i);
            layers.layer(layerIndex++, dense(width, next, hidden));
            width = next;
        }
        layers.layer(layerIndex, new OutputLayer.Builder(ReconstructionLoss.of(config.loss()).dl4jLoss())
                .nIn(width).nOut(inputSize).activation(Activation.SIGMOID).build());

        MultiLayerNetwork network = new MultiLayerNetwork(layers.build());
        network.init();
        return new Autoencoder(network, codeLayerIndex);
    }

    private static DenseLayer dense(int in, int out, Activation activation) {
        return new DenseLayer.Builder().nIn(in).nOut(out).activation(activation).build();
    }
}
