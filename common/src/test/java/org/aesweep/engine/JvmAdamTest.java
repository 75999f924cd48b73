package org.aesweep.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.aesweep.engine.kernels.AdamCoefficients;
import org.aesweep.engine.kernels.AdamVectorKernel;
import org.aesweep.engine.kernels.FlatFloats;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

class JvmAdamTest {
    private static final int PARAMS = 1_000;

    @Test
    void updatesAndStateMatchNd4jsAdamOverManySteps() {
        // Views inside larger arrays, with offsets, as DL4J hands them over.
        INDArray ourState = Nd4j.zeros(DataType.FLOAT, 1, 3L * PARAMS).get(NDArrayIndex.interval(0, 1),
                NDArrayIndex.interval(PARAMS, 3L * PARAMS));
        INDArray theirState = Nd4j.zeros(DataType.FLOAT, 1, 2L * PARAMS);
        GradientUpdater<?> ours = new JvmAdam(1e-2).instantiate(ourState, true);
        GradientUpdater<?> theirs = new Adam(1e-2).instantiate(theirState, true);
        Nd4j.getRandom().setSeed(11);
        for (int iteration = 0; iteration < 30; iteration++) {
            INDArray gradients = Nd4j.randn(DataType.FLOAT, 2, PARAMS);
            INDArray ourGradient = gradients.get(NDArrayIndex.interval(1, 2), NDArrayIndex.all());
            INDArray theirGradient = ourGradient.dup();
            INDArray otherRow = gradients.getRow(0).dup();
            ours.applyUpdater(ourGradient, iteration, 0);
            theirs.applyUpdater(theirGradient, iteration, 0);
            assertClose(theirGradient, ourGradient, 1e-5, "update at iteration " + iteration);
            assertEquals(otherRow, gradients.getRow(0), "the row outside the view is untouched");
        }
        assertClose(theirState, ourState, 1e-5, "m and v");
    }

    @Test
    void theHeapLoopWithoutTheVectorModuleGivesWhatTheVectorKernelGives() {
        int length = 1_003; // not a multiple of the vector width
        Nd4j.getRandom().setSeed(5);
        INDArray g = Nd4j.randn(DataType.FLOAT, 1, length);
        INDArray m = Nd4j.randn(DataType.FLOAT, 1, length).muli(0.1);
        INDArray v = Nd4j.rand(DataType.FLOAT, 1, length).muli(0.01);
        float[] heapG = g.toFloatVector();
        float[] heapM = m.toFloatVector();
        float[] heapV = v.toFloatVector();
        AdamCoefficients c = AdamCoefficients.of(new JvmAdam(1e-3), 41, 0);
        JvmAdamUpdater.step(heapG, heapM, heapV, length, c);
        AdamVectorKernel.step(FlatFloats.bytes(g), FlatFloats.bytes(m), FlatFloats.bytes(v), length, c);
        assertArrayEquals(heapG, g.toFloatVector(), 1e-7f);
        assertArrayEquals(heapM, m.toFloatVector(), 1e-7f);
        assertArrayEquals(heapV, v.toFloatVector(), 1e-7f);
    }

    @Test
    void doublePrecisionGoesToNd4jsOwnUpdater() {
        INDArray ourState = Nd4j.zeros(DataType.DOUBLE, 1, 2L * PARAMS);
        INDArray theirState = Nd4j.zeros(DataType.DOUBLE, 1, 2L * PARAMS);
        INDArray gradient = Nd4j.randn(DataType.DOUBLE, 1, PARAMS);
        INDArray theirGradient = gradient.dup();
        new JvmAdam(1e-3).instantiate(ourState, true).applyUpdater(gradient, 0, 0);
        new Adam(1e-3).instantiate(theirState, true).applyUpdater(theirGradient, 0, 0);
        assertEquals(theirGradient, gradient);
        assertEquals(theirState, ourState);
    }

    @Test
    void survivesAJsonRoundTripOfTheNetworkConfiguration() {
        JvmAdam adam = new JvmAdam(3e-4);
        adam.setBeta2(0.99);
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().updater(adam).list()
                .layer(new DenseLayer.Builder().nIn(4).nOut(2).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MSE).nIn(2).nOut(4)
                        .activation(Activation.IDENTITY).build())
                .build();
        MultiLayerConfiguration back = MultiLayerConfiguration.fromJson(conf.toJson());
        var updater = ((org.deeplearning4j.nn.conf.layers.BaseLayer) back.getConf(0).getLayer()).getIUpdater();
        JvmAdam restored = assertInstanceOf(JvmAdam.class, updater);
        assertEquals(3e-4, restored.getLearningRate(0, 0));
        assertEquals(0.99, restored.getBeta2());
        assertEquals(back, conf);
    }

    private static void assertClose(INDArray expected, INDArray actual, double tolerance, String what) {
        double scale = Math.max(1e-8, expected.amaxNumber().doubleValue());
        double difference = expected.sub(actual).amaxNumber().doubleValue();
        assertTrue(difference <= tolerance * scale, what + " differs by " + difference + " (scale " + scale + ")");
    }
}
