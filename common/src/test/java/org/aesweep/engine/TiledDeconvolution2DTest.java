package org.aesweep.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.aesweep.testing.DoublePrecision;
import org.deeplearning4j.gradientcheck.GradientCheckUtil;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.CnnLossLayer;
import org.deeplearning4j.nn.conf.layers.Deconvolution2D;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.NoOp;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * The tiled transposed convolution computes what DL4J's Deconvolution2D computes from the same
 * parameters (outputs, score, every gradient), its gradients match numeric ones, and it refuses
 * shapes it does not compute.
 */
@ExtendWith(DoublePrecision.class)
class TiledDeconvolution2DTest {

    private static MultiLayerNetwork network(boolean tiled) {
        return network(tiled, DataType.DOUBLE);
    }

    private static MultiLayerNetwork network(boolean tiled, DataType dataType) {
        Deconvolution2D.Builder first = tiled ? new TiledDeconvolution2D.Builder(2, 2) : new Deconvolution2D.Builder(2, 2);
        Deconvolution2D.Builder second = tiled ? new TiledDeconvolution2D.Builder(2, 2) : new Deconvolution2D.Builder(2, 2);
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().seed(9).dataType(dataType)
                .weightInit(WeightInit.XAVIER_UNIFORM).updater(new NoOp()).list()
                .layer(first.stride(2, 2).nOut(3).activation(Activation.TANH).build())
                .layer(second.stride(2, 2).nOut(1).activation(Activation.IDENTITY).build())
                .layer(new CnnLossLayer.Builder(LossFunctions.LossFunction.XENT).activation(Activation.SIGMOID).build())
                .setInputType(InputType.convolutional(3, 2, 4)).build();
        MultiLayerNetwork network = new MultiLayerNetwork(conf);
        network.init();
        return network;
    }

    @Test
    void outputsAndGradientsAreDl4jsFromTheSameParameters() {
        assertDl4jsResults(DataType.DOUBLE, 1e-12, 1e-10);
    }

    /** In single precision the reorderings run as JVM loops (TileReorder) instead of libnd4j's copies. */
    @Test
    void inSinglePrecisionTheJvmReorderingsGiveDl4jsResults() {
        assertDl4jsResults(DataType.FLOAT, 1e-5, 1e-5);
    }

    /** Outputs, score and every gradient of the tiled layers against DL4J's Deconvolution2D. */
    private static void assertDl4jsResults(DataType dataType, double outputTolerance, double gradientTolerance) {
        MultiLayerNetwork reference = network(false, dataType);
        MultiLayerNetwork tiled = network(true, dataType);
        assertEquals(reference.numParams(), tiled.numParams());
        // Non-zero biases, so that a bias added on the wrong axis would show.
        reference.params().addi(Nd4j.linspace(dataType, -0.3, 0.3, reference.numParams()));
        tiled.setParams(reference.params());
        Nd4j.getRandom().setSeed(2);
        INDArray x = Nd4j.rand(dataType, 5, 4, 3, 2).subi(0.5);
        INDArray target = Nd4j.rand(dataType, 5, 1, 12, 8);

        INDArray expected = reference.output(x);
        INDArray actual = tiled.output(x);
        assertTrue(expected.equalsWithEps(actual, outputTolerance), "outputs differ by "
                + expected.sub(actual).norm2Number());
        for (MultiLayerNetwork network : new MultiLayerNetwork[] {reference, tiled}) {
            network.setInput(x);
            network.setLabels(target);
            network.computeGradientAndScore();
        }
        assertEquals(reference.score(), tiled.score(), outputTolerance);
        INDArray expectedGradient = reference.gradient().gradient();
        INDArray actualGradient = tiled.gradient().gradient();
        assertTrue(expectedGradient.equalsWithEps(actualGradient, gradientTolerance),
                "gradients differ by " + expectedGradient.sub(actualGradient).norm2Number());
        assertTrue(expectedGradient.norm2Number().doubleValue() > 0);
    }

    @Test
    void analyticGradientsMatchNumericOnes() {
        MultiLayerNetwork network = network(true);
        Nd4j.getRandom().setSeed(6);
        INDArray x = Nd4j.rand(DataType.DOUBLE, 2, 4, 3, 2);
        INDArray target = Nd4j.rand(DataType.DOUBLE, 2, 1, 12, 8);
        assertTrue(GradientCheckUtil.checkGradients(new GradientCheckUtil.MLNConfig().net(network).input(x)
                .labels(target).epsilon(1e-6).maxRelError(1e-5).minAbsoluteError(1e-9)
                .print(GradientCheckUtil.PrintMode.FAILURES_ONLY)));
    }

    @Test
    void aKernelUnlikeTheStrideIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> new TiledDeconvolution2D.Builder(3, 3).stride(2, 2).nOut(1).build());
    }

    @Test
    void theConfigurationSurvivesJson() {
        MultiLayerConfiguration conf = network(true).getLayerWiseConfigurations();
        MultiLayerConfiguration restored = MultiLayerConfiguration.fromJson(conf.toJson());
        assertTrue(restored.getConf(0).getLayer() instanceof TiledDeconvolution2D);
        assertEquals(conf, restored);
    }
}
