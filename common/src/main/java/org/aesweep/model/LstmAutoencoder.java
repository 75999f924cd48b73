package org.aesweep.model;

import java.util.ArrayList;
import java.util.List;

import org.aesweep.engine.ReconstructionLoss;
import org.aesweep.engine.TimeMajorRnnOutputLayer;
import org.aesweep.engine.WholeSequenceLstm;
import org.aesweep.spec.Architecture;
import org.aesweep.spec.RunConfig;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.conf.layers.misc.RepeatVector;
import org.deeplearning4j.nn.conf.layers.recurrent.LastTimeStep;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.Activation;

/**
 * The sequence autoencoder: an image is rows time steps of cols values. LSTM(h1)..LSTM(hk) then
 * LSTM(c), whose last step is the code; the code is repeated over the time steps, decoded by
 * LSTM(d1)..LSTM(dm) and mapped per step to cols outputs with the config's output activation (with
 * BCE inside the loss, {@link ReconstructionLoss#outputLayerActivation}). h are the config's hidden
 * sizes ([100] by default), d its decoder sizes (h reversed by default). The LSTMs are
 * {@link WholeSequenceLstm}s: DL4J's cell, each sequence in one native op.
 */
final class LstmAutoencoder {
    private LstmAutoencoder() {
    }

    static Autoencoder build(RunConfig config, int rows, int cols, NeuralNetConfiguration.Builder common) {
        Architecture architecture = config.architecture();
        requireRecurrentLayers(architecture);
        ReconstructionLoss loss = Losses.of(config.recipe().loss());
        NeuralNetConfiguration.ListBuilder layers = common.list();
        for (int width : architecture.hiddenSizes()) {
            layers.layer(new WholeSequenceLstm.Builder().nOut(width).build());
        }
        layers.layer(new LastTimeStep(new WholeSequenceLstm.Builder().nOut(architecture.codeSize()).build()));
        layers.layer(new RepeatVector.Builder(rows).build());
        for (int width : architecture.decoderSizes()) {
            layers.layer(new WholeSequenceLstm.Builder().nOut(width).build());
        }
        layers.layer(new RnnOutputLayer.Builder(loss.dl4jLoss()).nOut(cols)
                .activation(loss.outputLayerActivation(ActivationNames.of(architecture.outputActivation()))).build());
        layers.setInputType(InputType.recurrent(cols, rows));

        MultiLayerNetwork network = new MultiLayerNetwork(layers.build());
        network.init();
        TimeMajorRnnOutputLayer.install(network);
        // DL4J scores a sequence as the sum of its per-step losses (each over cols outputs), so the
        // per-step factor is divided by the number of steps.
        return new Autoencoder(network, codeLayerIndex(architecture), InputLayout.SEQUENCE, rows, cols,
                1.0 / ScoreScale.elementsPerScore(config, rows, cols));
    }

    /** The layers {@link #build} lays out, as shapes: every layer with parameters runs at each of the rows steps. */
    static List<LayerShape> layerShapes(Architecture architecture, int rows, int cols) {
        requireRecurrentLayers(architecture);
        List<LayerShape> shapes = new ArrayList<>();
        long width = cols;
        for (int hidden : architecture.hiddenSizes()) {
            shapes.add(LayerShape.lstm(width, hidden).appliedAt(rows));
            width = hidden;
        }
        shapes.add(LayerShape.lstm(width, architecture.codeSize()).appliedAt(rows));
        shapes.add(LayerShape.PARAMETERLESS);
        width = architecture.codeSize();
        for (int decoder : architecture.decoderSizes()) {
            shapes.add(LayerShape.lstm(width, decoder).appliedAt(rows));
            width = decoder;
        }
        shapes.add(LayerShape.dense(width, cols).appliedAt(rows));
        return shapes;
    }

    /** The code LSTM, after the encoder's. */
    private static int codeLayerIndex(Architecture architecture) {
        return architecture.hiddenSizes().size();
    }

    private static void requireRecurrentLayers(Architecture architecture) {
        if (architecture.hiddenSizes().isEmpty() || architecture.decoderSizes().isEmpty()) {
            throw new IllegalArgumentException("lstm needs a hidden size and a decoder size, the widths of its"
                    + " encoder's and decoder's recurrent layers");
        }
    }
}
