package org.aesweep.model;

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
 * The sequence autoencoder: an image is rows time steps of cols values. LSTM(h) then LSTM(c),
 * whose last step is the code; the code is repeated over the time steps, decoded by LSTM(h) and
 * mapped per step to cols sigmoid outputs. h is the config's first hidden size (100 by default).
 * The LSTMs are {@link WholeSequenceLstm}s: DL4J's cell, each sequence in one native op.
 */
final class LstmAutoencoder {
    private LstmAutoencoder() {
    }

    static Autoencoder build(RunConfig config, int rows, int cols, NeuralNetConfiguration.Builder common) {
        int hidden = recurrentWidth(config.architecture());
        ReconstructionLoss loss = Losses.of(config.recipe().loss());
        NeuralNetConfiguration.ListBuilder layers = common.list()
                .layer(0, new WholeSequenceLstm.Builder().nOut(hidden).build())
                .layer(1, new LastTimeStep(new WholeSequenceLstm.Builder().nOut(config.architecture().codeSize()).build()))
                .layer(2, new RepeatVector.Builder(rows).build())
                .layer(3, new WholeSequenceLstm.Builder().nOut(hidden).build())
                .layer(4, new RnnOutputLayer.Builder(loss.dl4jLoss()).nOut(cols)
                        .activation(loss.outputLayerActivation(Activation.SIGMOID)).build())
                .setInputType(InputType.recurrent(cols, rows));

        MultiLayerNetwork network = new MultiLayerNetwork(layers.build());
        network.init();
        TimeMajorRnnOutputLayer.install(network);
        // DL4J scores a sequence as the sum of its per-step losses (each over cols outputs), so the
        // per-step factor is divided by the number of steps.
        return new Autoencoder(network, 1, InputLayout.SEQUENCE, rows, cols, loss.perElementFactor(cols) / rows);
    }

    /** The layers {@link #build} lays out, as shapes: every layer with parameters runs at each of the rows steps. */
    static List<LayerShape> layerShapes(Architecture architecture, int rows, int cols) {
        int hidden = recurrentWidth(architecture);
        int code = architecture.codeSize();
        return List.of(
                LayerShape.lstm(cols, hidden).appliedAt(rows),
                LayerShape.lstm(hidden, code).appliedAt(rows),
                LayerShape.PARAMETERLESS,
                LayerShape.lstm(code, hidden).appliedAt(rows),
                LayerShape.dense(hidden, cols).appliedAt(rows));
    }

    /** h, the width of the encoder's first and the decoder's LSTM. */
    private static int recurrentWidth(Architecture architecture) {
        if (architecture.hiddenSizes().isEmpty()) {
            throw new IllegalArgumentException("lstm needs a hidden size, the width of its recurrent layers");
        }
        return architecture.hiddenSizes().get(0);
    }
}
