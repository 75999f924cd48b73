package org.aesweep.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.CnnLossLayer;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.Deconvolution2D;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/** A network convolving through the conv2d helper computes what DL4J's own path computes, and trains the same. */
class ConvolutionHelpersTest {

    private static MultiLayerNetwork network() {
        MultiLayerNetwork network = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(3)
                .dataType(DataType.FLOAT).weightInit(WeightInit.XAVIER).updater(new Adam(1e-2)).list()
                .layer(new ConvolutionLayer.Builder(3, 3).nOut(4).convolutionMode(ConvolutionMode.Same)
                        .activation(Activation.RELU).build())
                .layer(new SubsamplingLayer.Builder(PoolingType.MAX).kernelSize(2, 2).stride(2, 2).build())
                .layer(new ConvolutionLayer.Builder(3, 3).nOut(6).convolutionMode(ConvolutionMode.Same)
                        .activation(Activation.TANH).build())
                .layer(new Deconvolution2D.Builder(2, 2).stride(2, 2).nOut(1).activation(Activation.IDENTITY).build())
                .layer(new CnnLossLayer.Builder(LossFunctions.LossFunction.XENT).activation(Activation.SIGMOID).build())
                .setInputType(InputType.convolutional(8, 8, 1)).build());
        network.init();
        return network;
    }

    @Test
    void convolutionsTakeTheHelperAndTransposedOnesDoNot() {
        MultiLayerNetwork helped = network();
        ConvolutionHelpers.install(helped);
        assertTrue(ConvolutionHelpers.installed(helped.getLayer(0)));
        assertTrue(ConvolutionHelpers.installed(helped.getLayer(2)));
        assertFalse(ConvolutionHelpers.installed(helped.getLayer(3)), "Deconvolution2D must keep its own op");
        assertFalse(ConvolutionHelpers.installed(network().getLayer(0)));
    }

    @Test
    void outputsGradientsAndTrainingMatchDl4jsOwnPath() {
        MultiLayerNetwork plain = network();
        MultiLayerNetwork helped = network();
        ConvolutionHelpers.install(helped);
        Nd4j.getRandom().setSeed(11);
        INDArray images = Nd4j.rand(DataType.FLOAT, 5, 1, 8, 8);

        assertTrue(plain.output(images).equalsWithEps(helped.output(images), 1e-5), "outputs differ");

        plain.setInput(images);
        plain.setLabels(images);
        plain.computeGradientAndScore();
        helped.setInput(images);
        helped.setLabels(images);
        helped.computeGradientAndScore();
        assertEquals(plain.score(), helped.score(), 1e-5 * plain.score());
        INDArray expected = plain.gradient().gradient();
        INDArray actual = helped.gradient().gradient();
        double scale = expected.norm2Number().doubleValue();
        assertTrue(expected.sub(actual).norm2Number().doubleValue() < 1e-4 * scale,
                "gradients differ: " + expected.sub(actual).norm2Number() + " of " + scale);

        for (int step = 0; step < 5; step++) {
            plain.fit(images, images);
            helped.fit(images, images);
        }
        assertTrue(plain.params().equalsWithEps(helped.params(), 1e-4), "parameters diverged after 5 Adam steps");
    }
}
