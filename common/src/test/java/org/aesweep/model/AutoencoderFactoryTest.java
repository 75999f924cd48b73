package org.aesweep.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.aesweep.spec.ArchitectureKind;
import org.aesweep.spec.CodeLayout;
import org.aesweep.spec.InputScaling;
import org.aesweep.spec.LossKind;
import org.aesweep.spec.OutputActivation;
import org.aesweep.spec.RunConfig;
import org.aesweep.testing.SyntheticImages;
import org.aesweep.testing.TestRuns;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.recurrent.LastTimeStep;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;

class AutoencoderFactoryTest {
    @Test
    void shallowIsInputCodeInputWithTheCodeAsFirstLayer() {
        Autoencoder model = AutoencoderFactory.build(TestRuns.shallow(32).build(), 28, 28);
        assertEquals(2, model.network().getnLayers());
        assertEquals(0, model.codeLayerIndex());
        assertEquals(784L * 32 + 32 + 32L * 784 + 784, model.parameterCount());
    }

    @Test
    void deepMirrorsItsHiddenLayersAroundTheCode() {
        RunConfig deep = TestRuns.shallow(10).deep(List.of(128, 64)).build();
        Autoencoder model = AutoencoderFactory.build(deep, 28, 28);
        assertEquals(6, model.network().getnLayers());
        assertEquals(2, model.codeLayerIndex());
        long expected = (784L * 128 + 128) + (128L * 64 + 64) + (64L * 10 + 10) + (10L * 64 + 64)
                + (64L * 128 + 128) + (128L * 784 + 784);
        assertEquals(expected, model.parameterCount());

        INDArray codes = model.encode(SyntheticImages.matrix(7, 1));
        assertArrayEquals(new long[] {7, 10}, codes.shape());
    }

    @Test
    void anAsymmetricNetDecodesWithItsOwnLayersAndOutputActivation() {
        RunConfig config = TestRuns.shallow(2).deep(List.of(50)).decoder(List.of()).loss(LossKind.MSE)
                .output(OutputActivation.RELU, InputScaling.UNIT).build();
        Autoencoder model = AutoencoderFactory.build(config, 28, 28);
        assertEquals(3, model.network().getnLayers());
        assertEquals(1, model.codeLayerIndex());
        assertEquals((784L * 50 + 50) + (50L * 2 + 2) + (2L * 784 + 784), model.parameterCount());
        assertEquals(Activation.RELU.getActivationFunction(),
                ((BaseLayer) model.network().getLayer(2).conf().getLayer()).getActivationFn());
    }

    @Test
    void anLstmStacksItsEncodersAndDecodersRecurrentLayersAroundTheCode() {
        Autoencoder model = AutoencoderFactory.build(TestRuns.shallow(32).kind(ArchitectureKind.LSTM, List.of(100, 60))
                .build(), 28, 28);
        assertEquals(List.of("WholeSequenceLstm 100", "WholeSequenceLstm 60", "LastTimeStep 32", "RepeatVector",
                "WholeSequenceLstm 60", "WholeSequenceLstm 100", "RnnOutputLayer 28"), layers(model));
        assertEquals(2, model.codeLayerIndex());
        long expected = lstm(28, 100) + lstm(100, 60) + lstm(60, 32) + lstm(32, 60) + lstm(60, 100) + (100L * 28 + 28);
        assertEquals(expected, model.parameterCount());
        assertArrayEquals(new long[] {3, 32}, model.encode(SyntheticImages.matrix(3, 1)).shape());
    }

    @Test
    void anLstmWithOneHiddenSizeIsTheNetEarlierReleasesBuilt() {
        Autoencoder model = AutoencoderFactory.build(TestRuns.shallow(32).kind(ArchitectureKind.LSTM, List.of(100))
                .build(), 28, 28);
        assertEquals(List.of("WholeSequenceLstm 100", "LastTimeStep 32", "RepeatVector", "WholeSequenceLstm 100",
                "RnnOutputLayer 28"), layers(model));
        assertEquals(1, model.codeLayerIndex());
        assertEquals(124_652, model.parameterCount());
        assertEquals(lstm(28, 100) + lstm(100, 32) + lstm(32, 100) + (100L * 28 + 28), model.parameterCount());
    }

    @Test
    void convAndLstmOutputsUseTheSpecsOutputActivation() {
        for (TestRuns run : List.of(TestRuns.shallow(8).kind(ArchitectureKind.CONV, List.of(4, 8)),
                TestRuns.shallow(18).kind(ArchitectureKind.CONV, List.of(4)).codeLayout(CodeLayout.MAP),
                TestRuns.shallow(8).kind(ArchitectureKind.LSTM, List.of(10)))) {
            Autoencoder model = AutoencoderFactory.build(run.loss(LossKind.MSE)
                    .output(OutputActivation.TANH, InputScaling.SYMMETRIC).build(), 12, 12);
            MultiLayerNetwork network = model.network();
            assertEquals(Activation.TANH.getActivationFunction(),
                    ((BaseLayer) network.getLayer(network.getnLayers() - 1).conf().getLayer()).getActivationFn(),
                    layers(model).toString());
        }
    }

    @Test
    void sameSeedBuildsIdenticalWeights() {
        RunConfig config = TestRuns.shallow(4).build();
        assertEquals(AutoencoderFactory.build(config, 28, 28).network().params(),
                AutoencoderFactory.build(config, 28, 28).network().params());
    }

    /** An LSTM's input and recurrent weights and biases for its four gates. */
    private static long lstm(long in, long out) {
        return 4 * out * (in + out + 1);
    }

    private static List<String> layers(Autoencoder model) {
        List<String> layers = new ArrayList<>();
        for (int i = 0; i < model.network().getnLayers(); i++) {
            Layer layer = model.network().getLayerWiseConfigurations().getConf(i).getLayer();
            String name = layer.getClass().getSimpleName();
            if (layer instanceof LastTimeStep last) {
                layer = last.getUnderlying();
            }
            // RepeatVector is a FeedForwardLayer too, without a width of its own.
            boolean sized = layer instanceof FeedForwardLayer feedForward && feedForward.getNOut() > 0;
            layers.add(sized ? name + " " + ((FeedForwardLayer) layer).getNOut() : name);
        }
        return layers;
    }
}
