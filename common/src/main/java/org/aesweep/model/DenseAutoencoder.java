package org.aesweep.model;

import java.util.ArrayList;
import java.util.List;

import org.aesweep.engine.ActivityL1;
import org.aesweep.engine.ReconstructionLoss;
import org.aesweep.spec.Architecture;
import org.aesweep.spec.ArchitectureKind;
import org.aesweep.spec.RunConfig;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.Activation;

/**
 * Dense autoencoders: {@code linear} and {@code shallow} are input-c-input, {@code deep} is
 * input-h1..hk-c-d1..dm-input, the decoder's sizes mirroring the encoder's unless the spec gave
 * them (784-50-c-784 has none); {@code sparse} is either of the latter two (by its hidden sizes)
 * with an {@link ActivityL1} penalty on the code. Hidden and code layers use the config's
 * activation (identity for linear), the output layer the config's output activation. With BCE the
 * sigmoid is applied inside the loss ({@link ReconstructionLoss#outputLayerActivation}).
 */
final class DenseAutoencoder {
    private DenseAutoencoder() {
    }

    static Autoencoder build(RunConfig config, int rows, int cols, NeuralNetConfiguration.Builder common) {
        Architecture architecture = config.architecture();
        int[] widths = widths(architecture, rows * cols);
        Activation hidden = hiddenActivation(config);
        NeuralNetConfiguration.ListBuilder layers = common.list();
        int last = widths.length - 2;
        for (int i = 0; i < last; i++) {
            layers.layer(dense(widths[i], widths[i + 1], hidden));
            if (penalisesCodeAfter(architecture, i)) {
                // The penalty joins a score that is the per-element loss times this scale.
                layers.layer(new ActivityL1(architecture.sparsityWeight()
                        * ScoreScale.elementsPerScore(config, rows, cols)));
            }
        }
        ReconstructionLoss loss = Losses.of(config.recipe().loss());
        layers.layer(new OutputLayer.Builder(loss.dl4jLoss()).nIn(widths[last]).nOut(widths[last + 1])
                .activation(loss.outputLayerActivation(outputActivation(config))).build());

        MultiLayerNetwork network = new MultiLayerNetwork(layers.build());
        network.init();
        return new Autoencoder(network, codeLayerIndex(architecture), InputLayout.FLAT, rows, cols,
                1.0 / ScoreScale.elementsPerScore(config, rows, cols));
    }

    /** The layers {@link #build} lays out, as shapes: dense layers between consecutive widths. */
    static List<LayerShape> layerShapes(Architecture architecture, int rows, int cols) {
        int[] widths = widths(architecture, rows * cols);
        List<LayerShape> shapes = new ArrayList<>();
        for (int i = 0; i + 1 < widths.length; i++) {
            shapes.add(LayerShape.dense(widths[i], widths[i + 1]));
            if (penalisesCodeAfter(architecture, i)) {
                shapes.add(LayerShape.PARAMETERLESS);
            }
        }
        return shapes;
    }

    /** Input, encoder sizes, code, decoder sizes, input: layer i maps widths[i] to widths[i + 1]. */
    private static int[] widths(Architecture architecture, int inputSize) {
        List<Integer> widths = new ArrayList<>();
        widths.add(inputSize);
        widths.addAll(architecture.hiddenSizes());
        widths.add(architecture.codeSize());
        widths.addAll(architecture.decoderSizes());
        widths.add(inputSize);
        return widths.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The dense layer that outputs the code. */
    private static int codeLayerIndex(Architecture architecture) {
        return architecture.hiddenSizes().size();
    }

    /** A sparse net's activity penalty sits right after its code layer, which is dense layer {@code i}. */
    private static boolean penalisesCodeAfter(Architecture architecture, int i) {
        return architecture.kind() == ArchitectureKind.SPARSE && i == codeLayerIndex(architecture);
    }

    /**
     * The fused form of the non-sparse dense networks (the factory says which have one): layer i of
     * the solo network is layer i here.
     */
    static MultiLayerNetwork buildFused(RunConfig config, int branches, int rows, int cols,
                                        NeuralNetConfiguration.Builder common) {
        ReconstructionLoss loss = Losses.of(config.recipe().loss());
        return FusedDense.build(branches, widths(config.architecture(), rows * cols),
                hiddenActivation(config), loss.outputLayerActivation(outputActivation(config)), loss, common);
    }

    private static Activation hiddenActivation(RunConfig config) {
        Architecture architecture = config.architecture();
        return architecture.kind() == ArchitectureKind.LINEAR ? Activation.IDENTITY
                : ActivationNames.parse(architecture.activation());
    }

    private static Activation outputActivation(RunConfig config) {
        return ActivationNames.of(config.architecture().outputActivation());
    }

    private static DenseLayer dense(int in, int out, Activation activation) {
        return new DenseLayer.Builder().nIn(in).nOut(out).activation(activation).build();
    }
}
