package org.aesweep.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * The time-major output layer computes what DL4J's RnnOutputLayer computes, whether its input is a
 * WholeSequenceLstm's time-major view or an ordinary NCW sequence (from DL4J's LSTM): outputs,
 * score, per-sequence scores, gradients, and parameters after training.
 */
class TimeMajorRnnOutputLayerTest {
    private static final int BATCH = 6;
    private static final int FEATURES = 5;
    private static final int STEPS = 7;

    private static MultiLayerNetwork network(boolean engineLstm, boolean install) {
        MultiLayerConfiguration configuration = new NeuralNetConfiguration.Builder().seed(9).dataType(DataType.FLOAT)
                .weightInit(WeightInit.XAVIER).updater(new Adam(1e-2)).list()
                .layer(engineLstm ? new WholeSequenceLstm.Builder().nOut(8).build()
                        : new LSTM.Builder().nOut(8).activation(Activation.TANH).build())
                .layer(new RnnOutputLayer.Builder(LossFunctions.LossFunction.XENT).nOut(FEATURES)
                        .activation(Activation.SIGMOID).build())
                .setInputType(InputType.recurrent(FEATURES, STEPS)).build();
        MultiLayerNetwork network = new MultiLayerNetwork(configuration);
        network.init();
        if (install) {
            TimeMajorRnnOutputLayer.install(network);
        }
        return network;
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void computesWhatDl4jsRnnOutputLayerComputes(boolean engineLstm) {
        MultiLayerNetwork reference = network(engineLstm, false);
        MultiLayerNetwork timeMajor = network(engineLstm, true);
        assertTrue(timeMajor.getOutputLayer() instanceof TimeMajorRnnOutputLayer);
        Nd4j.getRandom().setSeed(4);
        INDArray x = Nd4j.rand(DataType.FLOAT, BATCH, FEATURES, STEPS);
        INDArray y = Nd4j.rand(DataType.FLOAT, BATCH, FEATURES, STEPS);

        assertTrue(reference.output(x).equalsWithEps(timeMajor.output(x), 1e-6), "outputs differ");
        org.nd4j.linalg.dataset.DataSet data = new org.nd4j.linalg.dataset.DataSet(x, y);
        double score = reference.score(data);
        assertEquals(score, timeMajor.score(data), 1e-6 * score);
        assertTrue(reference.scoreExamples(data, false).equalsWithEps(timeMajor.scoreExamples(data, false), 1e-5),
                "per-sequence scores differ");

        reference.setInput(x);
        reference.setLabels(y);
        reference.computeGradientAndScore();
        timeMajor.setInput(x);
        timeMajor.setLabels(y);
        timeMajor.computeGradientAndScore();
        INDArray expected = reference.gradient().gradient();
        INDArray actual = timeMajor.gradient().gradient();
        assertTrue(expected.sub(actual).norm2Number().doubleValue() < 1e-5 * expected.norm2Number().doubleValue(),
                "gradients differ");

        for (int step = 0; step < 5; step++) {
            reference.fit(x, y);
            timeMajor.fit(x, y);
        }
        assertTrue(reference.params().equalsWithEps(timeMajor.params(), 1e-5), "parameters diverged after 5 steps");
    }
}
