package org.aesweep.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.aesweep.testing.DoublePrecision;
import org.deeplearning4j.gradientcheck.GradientCheckUtil;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
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
 * The whole-sequence LSTM computes the LSTM equations (checked against a direct loop over time
 * steps), its analytic gradients match numeric ones, it starts with DL4J's forget-gate bias, and
 * its configuration survives DL4J's JSON round trip.
 */
@ExtendWith(DoublePrecision.class)
class WholeSequenceLstmTest {
    private static final int IN = 3;
    private static final int OUT = 4;
    private static final int STEPS = 5;
    private static final int BATCH = 2;

    private static MultiLayerConfiguration configuration() {
        return configuration(DataType.DOUBLE);
    }

    private static MultiLayerConfiguration configuration(DataType precision) {
        return configuration(precision, OUT);
    }

    private static MultiLayerConfiguration configuration(DataType precision, int units) {
        return new NeuralNetConfiguration.Builder().seed(5).dataType(precision).weightInit(WeightInit.XAVIER)
                .updater(new NoOp()).list()
                .layer(new WholeSequenceLstm.Builder().nOut(units).build())
                .layer(new RnnOutputLayer.Builder(LossFunctions.LossFunction.MSE).nOut(IN)
                        .activation(Activation.IDENTITY).build())
                .setInputType(InputType.recurrent(IN, STEPS)).build();
    }

    private static MultiLayerNetwork network() {
        MultiLayerNetwork network = new MultiLayerNetwork(configuration());
        network.init();
        return network;
    }

    @Test
    void theOutputIsTheLstmRecurrenceStepByStep() {
        MultiLayerNetwork network = network();
        // Non-zero biases everywhere, so that a gate read from the wrong block would show.
        network.getLayer(0).getParam("b").assign(Nd4j.linspace(DataType.DOUBLE, -0.5, 0.5, 4 * OUT));
        Nd4j.getRandom().setSeed(3);
        INDArray x = Nd4j.rand(DataType.DOUBLE, BATCH, IN, STEPS).subi(0.5);
        INDArray actual = network.feedForwardToLayer(0, x, false).get(1);

        double[][] w = network.getLayer(0).getParam("W").toDoubleMatrix();
        double[][] rw = network.getLayer(0).getParam("RW").toDoubleMatrix();
        double[] b = network.getLayer(0).getParam("b").toDoubleVector();
        for (int n = 0; n < BATCH; n++) {
            double[] h = new double[OUT];
            double[] c = new double[OUT];
            for (int t = 0; t < STEPS; t++) {
                double[] z = b.clone();
                for (int j = 0; j < 4 * OUT; j++) {
                    for (int i = 0; i < IN; i++) {
                        z[j] += x.getDouble(n, i, t) * w[i][j];
                    }
                    for (int k = 0; k < OUT; k++) {
                        z[j] += h[k] * rw[k][j];
                    }
                }
                double[] next = new double[OUT];
                for (int k = 0; k < OUT; k++) {
                    double input = sigmoid(z[k]);
                    double forget = sigmoid(z[OUT + k]);
                    double candidate = Math.tanh(z[2 * OUT + k]);
                    double output = sigmoid(z[3 * OUT + k]);
                    c[k] = forget * c[k] + input * candidate;
                    next[k] = output * Math.tanh(c[k]);
                    assertEquals(next[k], actual.getDouble(n, k, t), 1e-10, "batch " + n + " unit " + k + " step " + t);
                }
                h = next;
            }
        }
    }

    /**
     * Float networks step through the Vector API cell kernel, double ones through libnd4j's ops
     * (which the recurrence and gradient checks above verify): both give the same outputs and
     * gradients from the same parameters, to float precision.
     */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0} units")
    @org.junit.jupiter.params.provider.ValueSource(ints = {OUT, 37})
    void theFloatKernelComputesWhatTheDoublePathComputes(int units) {
        // 37 units: whole vectors and a partial one per row at any vector width.
        MultiLayerNetwork precise = new MultiLayerNetwork(configuration(DataType.DOUBLE, units));
        precise.init();
        precise.getLayer(0).getParam("b").assign(Nd4j.linspace(DataType.DOUBLE, -0.5, 0.5, 4 * units));
        MultiLayerNetwork single = new MultiLayerNetwork(configuration(DataType.FLOAT, units));
        single.init();
        single.setParams(precise.params().castTo(DataType.FLOAT));
        Nd4j.getRandom().setSeed(8);
        INDArray x = Nd4j.rand(DataType.DOUBLE, BATCH, IN, STEPS).subi(0.5);
        INDArray target = Nd4j.rand(DataType.DOUBLE, BATCH, IN, STEPS);

        INDArray expected = precise.output(x);
        INDArray actual = single.output(x.castTo(DataType.FLOAT)).castTo(DataType.DOUBLE);
        assertTrue(expected.equalsWithEps(actual, 1e-5), "outputs differ by " + expected.sub(actual).amaxNumber());

        precise.setInput(x);
        precise.setLabels(target);
        precise.computeGradientAndScore();
        single.setInput(x.castTo(DataType.FLOAT));
        single.setLabels(target.castTo(DataType.FLOAT));
        single.computeGradientAndScore();
        INDArray expectedGradient = precise.gradient().gradient();
        INDArray actualGradient = single.gradient().gradient().castTo(DataType.DOUBLE);
        double scale = expectedGradient.amaxNumber().doubleValue();
        assertTrue(expectedGradient.sub(actualGradient).amaxNumber().doubleValue() < 1e-4 * scale,
                "gradients differ by " + expectedGradient.sub(actualGradient).amaxNumber() + " of " + scale);
    }

    @Test
    void analyticGradientsMatchNumericOnes() {
        MultiLayerNetwork network = network();
        Nd4j.getRandom().setSeed(4);
        INDArray x = Nd4j.rand(DataType.DOUBLE, BATCH, IN, STEPS);
        INDArray target = Nd4j.rand(DataType.DOUBLE, BATCH, IN, STEPS);
        assertTrue(GradientCheckUtil.checkGradients(new GradientCheckUtil.MLNConfig().net(network).input(x)
                .labels(target).epsilon(1e-6).maxRelError(1e-5).minAbsoluteError(1e-9)
                .print(GradientCheckUtil.PrintMode.FAILURES_ONLY)));
    }

    @Test
    void theForgetGateStartsOpenAndTheOtherBiasesAtZero() {
        INDArray b = network().getLayer(0).getParam("b");
        assertEquals(0.0, b.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(0, OUT)).sumNumber().doubleValue());
        assertEquals(OUT * WholeSequenceLstm.FORGET_GATE_BIAS,
                b.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(OUT, 2 * OUT)).sumNumber().doubleValue());
        assertEquals(0.0, b.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(2 * OUT, 4 * OUT)).sumNumber().doubleValue());
    }

    @Test
    void theConfigurationSurvivesJson() {
        MultiLayerConfiguration restored = MultiLayerConfiguration.fromJson(configuration().toJson());
        assertTrue(restored.getConf(0).getLayer() instanceof WholeSequenceLstm);
        assertEquals(configuration(), restored);
    }

    private static double sigmoid(double v) {
        return 1 / (1 + Math.exp(-v));
    }
}
