package org.aesweep.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.aesweep.engine.ActivityL1;
import org.aesweep.testing.DoublePrecision;
import org.deeplearning4j.gradientcheck.GradientCheckUtil;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.NoOp;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Numerical gradient checks of {@link ActivityL1} in double precision, and a by-hand check that
 * the score gains exactly lambda * mean over examples of sum |code|.
 */
@ExtendWith(DoublePrecision.class)
class SparseGradientCheckTest {
    private static final int N = 5;
    /** Dense(6 -> 4, sigmoid) -> ActivityL1(lambda) -> Output(4 -> 6, sigmoid, XENT). */
    static MultiLayerNetwork tinyNet(double lambda, boolean miniBatch) {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder()
                .seed(12345)
                .dataType(DataType.DOUBLE)
                .updater(new NoOp())
                .weightInit(WeightInit.XAVIER)
                .miniBatch(miniBatch)
                .list()
                .layer(new DenseLayer.Builder().nIn(6).nOut(4).activation(Activation.SIGMOID).build())
                .layer(new ActivityL1.Builder().lambda(lambda).build())
                .layer(new OutputLayer.Builder(LossFunction.XENT).nIn(4).nOut(6)
                        .activation(Activation.SIGMOID).build())
                .build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return net;
    }

    private static INDArray uniform(long seed, int rows, int cols) {
        Nd4j.getRandom().setSeed(seed);
        return Nd4j.rand(DataType.DOUBLE, rows, cols);
    }

    @ParameterizedTest(name = "lambda={0} miniBatch={1}")
    @CsvSource({"0.1, true", "0.1, false", "1.0, true", "0.0, true"})
    void analyticGradientMatchesNumericGradient(double lambda, boolean miniBatch) {
        MultiLayerNetwork net = tinyNet(lambda, miniBatch);
        INDArray x = uniform(42, N, 6);
        INDArray y = uniform(43, N, 6);
        boolean ok = GradientCheckUtil.checkGradients(new GradientCheckUtil.MLNConfig()
                .net(net).input(x).labels(y)
                .epsilon(1e-6).maxRelError(1e-3).minAbsoluteError(1e-8)
                .print(GradientCheckUtil.PrintMode.FAILURES_ONLY)
                .exitOnFirstError(false));
        assertTrue(ok, "gradient check failed for lambda=" + lambda + ", miniBatch=" + miniBatch);
    }

    @Test
    void scoreGainsLambdaTimesMeanSumOfAbsoluteCodes() {
        double lambda = 0.1;
        MultiLayerNetwork penalised = tinyNet(lambda, true);
        MultiLayerNetwork plain = tinyNet(0.0, true);
        plain.setParams(penalised.params().dup());
        INDArray x = uniform(44, N, 6);
        INDArray y = uniform(45, N, 6);
        DataSet data = new DataSet(x, y);

        INDArray codes = penalised.feedForwardToLayer(0, x).get(1);
        double expected = lambda * Transforms.abs(codes, true).sum(1).meanNumber().doubleValue();
        assertTrue(expected > 0.05, "codes are sigmoid outputs, so the penalty is well away from 0");

        for (boolean training : new boolean[] {false, true}) {
            double difference = penalised.score(data, training) - plain.score(data, training);
            assertEquals(expected, difference, 1e-8, "score(data, " + training + ")");
        }

        // The score the training loop reports (computeGradientAndScore) agrees too.
        penalised.setInput(x);
        penalised.setLabels(y);
        penalised.computeGradientAndScore();
        plain.setInput(x);
        plain.setLabels(y);
        plain.computeGradientAndScore();
        assertEquals(expected, penalised.score() - plain.score(), 1e-8, "computeGradientAndScore");

        // Per-example scores carry the minibatch-mean penalty, so their mean is still the score.
        INDArray perExample = penalised.scoreExamples(data, true);
        assertEquals(penalised.score(data), perExample.meanNumber().doubleValue(), 1e-8);
        INDArray perExamplePlain = plain.scoreExamples(data, true);
        assertTrue(perExample.sub(perExamplePlain).sub(expected).amaxNumber().doubleValue() < 1e-8);
    }

    @Test
    void scoreReportedByFitIncludesThePenalty() {
        // score() after fit is the score computed in computeGradientAndScore, at the params from
        // before that step's update.
        double lambda = 0.1;
        MultiLayerNetwork penalised = tinyNet(lambda, true);
        MultiLayerNetwork plain = tinyNet(0.0, true);
        plain.setParams(penalised.params().dup());
        INDArray x = uniform(50, N, 6);
        DataSet data = new DataSet(x, uniform(51, N, 6));
        double expected = lambda * Transforms.abs(penalised.feedForwardToLayer(0, x).get(1), true)
                .sum(1).meanNumber().doubleValue();
        double before = penalised.score(data, true);
        penalised.fit(data);
        plain.fit(data);
        assertEquals(before, penalised.score(), 1e-10);
        assertEquals(expected, penalised.score() - plain.score(), 1e-8);
    }

    @Test
    void withoutMiniBatchTheScoreGainsTheSumOverExamples() {
        double lambda = 0.1;
        MultiLayerNetwork penalised = tinyNet(lambda, false);
        MultiLayerNetwork plain = tinyNet(0.0, false);
        plain.setParams(penalised.params().dup());
        INDArray x = uniform(46, N, 6);
        DataSet data = new DataSet(x, uniform(47, N, 6));
        INDArray codes = penalised.feedForwardToLayer(0, x).get(1);
        double expected = lambda * Transforms.abs(codes, true).sumNumber().doubleValue();
        assertEquals(expected, penalised.score(data) - plain.score(data), 1e-8);
    }

    @Test
    void backpropAddsLambdaSignToTheCodeGradient() {
        // Gradient of the dense weights: the penalised net's minus the plain net's, before the
        // updater divides by the minibatch size, is x^T (lambda * sign(a) * a * (1 - a)).
        double lambda = 0.1;
        MultiLayerNetwork penalised = tinyNet(lambda, true);
        MultiLayerNetwork plain = tinyNet(0.0, true);
        plain.setParams(penalised.params().dup());
        INDArray x = uniform(48, N, 6);
        INDArray y = uniform(49, N, 6);
        for (MultiLayerNetwork net : new MultiLayerNetwork[] {penalised, plain}) {
            net.setInput(x);
            net.setLabels(y);
            net.computeGradientAndScore();
        }
        INDArray a = penalised.feedForwardToLayer(0, x).get(1);
        INDArray dz = Transforms.sign(a, true).muli(lambda).muli(a).muli(a.rsub(1.0));
        INDArray expectedW = x.transpose().mmul(dz);
        INDArray gotW = penalised.gradient().getGradientFor("0_W").sub(plain.gradient().getGradientFor("0_W"));
        assertTrue(expectedW.equalsWithEps(gotW, 1e-10), "expected " + expectedW + " got " + gotW);
    }
}
