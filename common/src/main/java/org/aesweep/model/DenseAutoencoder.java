package org.aesweep.model;

import java.util.ArrayList;
import java.util.List;

import org.aesweep.engine.ActivityL1;
import org.aesweep.engine.ReconstructionLoss;
import org.aesweep.spec.Architecture;
import org.aesweep.spec.ArchitectureKind;
import org.aesweep.spec.LossKind;
import org.aesweep.spec.RunConfig;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.Activation;

/**
 * Dense autoencoders: {@code linear} and {@code shallow} are input-c-input, {@code deep} is
 * input-h1..hk-c-hk..h1-input with the decoder mirroring the encoder; {@code sparse} is either of
 * the latter two (by its hidden sizes) with an {@link ActivityL1} penalty on the code. Hidden and code layers use
 * the config's activation (identity for linear). The output is sigmoid, since inputs are
 * intensities in [0, 1], except for a linear net trained with MSE, which stays linear end to end
 * so it can reach the PCA optimum. With BCE the sigmoid is applied inside the loss
 * ({@link ReconstructionLoss#outputLayerActivation}).
 */
final class DenseAutoencoder {
    private DenseAutoencoder() {
    }

    static Autoencoder build(RunConfig config, int rows, int cols, NeuralNetConfiguration.Builder common) {
        int inputSize = rows * cols;
        Activation hidden = hiddenActivation(config);
        Activation output = outputActivation(config);
        List<Integer> encoderWidths = new ArrayList<>(config.architecture().hiddenSizes());
        encoderWidths.add(config.architecture().codeSize());

        NeuralNetConfiguration.ListBuilder layers = common.list();
        int layerIndex = 0;
        int width = inputSize;
        for (int next : encoderWidths) {
            layers.layer(layerIndex++, dense(width, next, hidden));
            width = next;
        }
        int codeLayerIndex = layerIndex - 1;
        if (config.architecture().kind() == ArchitectureKind.SPARSE) {
            layers.layer(layerIndex++, new ActivityL1(config.architecture().sparsityWeight()));
        }
        for (int i = config.architecture().hiddenSizes().size() - 1; i >= 0; i--) {
            int next = config.architecture().hiddenSizes().get(i);
            layers.layer(layerIndex++, dense(width, next, hidden));
            width = next;
        }
        ReconstructionLoss loss = Losses.of(config.recipe().loss());
        layers.layer(layerIndex, new OutputLayer.Builder(loss.dl4jLoss())
                .nIn(width).nOut(inputSize).activation(loss.outputLayerActivation(output)).build());

        MultiLayerNetwork network = new MultiLayerNetwork(layers.build());
        network.init();
        return new Autoencoder(network, codeLayerIndex, InputLayout.FLAT, rows, cols,
                loss.perElementFactor(inputSize));
    }

    /**
     * The fused form of the non-sparse dense networks (the factory says which have one): layer i of
     * the solo network is layer i here.
     */
    static MultiLayerNetwork buildFused(RunConfig config, int branches, int rows, int cols,
                                        NeuralNetConfiguration.Builder common) {
        List<Integer> widths = new ArrayList<>();
        widths.add(rows * cols);
        widths.addAll(config.architecture().hiddenSizes());
        widths.add(config.architecture().codeSize());
        for (int i = config.architecture().hiddenSizes().size() - 1; i >= 0; i--) {
            widths.add(config.architecture().hiddenSizes().get(i));
        }
        widths.add(rows * cols);
        ReconstructionLoss loss = Losses.of(config.recipe().loss());
        return FusedDense.build(branches, widths.stream().mapToInt(Integer::intValue).toArray(),
                hiddenActivation(config), loss.outputLayerActivation(outputActivation(config)), loss, common);
    }

    private static Activation hiddenActivation(RunConfig config) {
        Architecture architecture = config.architecture();
        return architecture.kind() == ArchitectureKind.LINEAR ? Activation.IDENTITY
                : ActivationNames.parse(architecture.activation());
    }

    private static Activation outputActivation(RunConfig config) {
        boolean linear = config.architecture().kind() == ArchitectureKind.LINEAR;
        return linear && config.recipe().loss() == LossKind.MSE ? Activation.IDENTITY : Activation.SIGMOID;
    }

    private static DenseLayer dense(int in, int out, Activation activation) {
        return new DenseLayer.Builder().nIn(in).nOut(out).activation(activation).build();
    }
}
