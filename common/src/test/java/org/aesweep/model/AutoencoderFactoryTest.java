package org.aesweep.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.aesweep.spec.InputScaling;
import org.aesweep.spec.LossKind;
import org.aesweep.spec.OutputActivation;
import org.aesweep.spec.RunConfig;
import org.aesweep.testing.SyntheticImages;
import org.aesweep.testing.TestRuns;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
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
    void sameSeedBuildsIdenticalWeights() {
        RunConfig config = TestRuns.shallow(4).build();
        assertEquals(AutoencoderFactory.build(config, 28, 28).network().params(),
                AutoencoderFactory.build(config, 28, 28).network().params());
    }
}
