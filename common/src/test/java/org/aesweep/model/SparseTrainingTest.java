package org.aesweep.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.aesweep.engine.ActivityL1;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/** Training a 64-16-64 sparse autoencoder: a larger L1 activity penalty gives smaller codes. */
class SparseTrainingTest {
    private static final int INPUT = 64;
    private static final int CODE = 16;
    private static final int EXAMPLES = 128;
    private static final int ITERATIONS = 200;

    /** Inputs in [0, 1]: random mixtures of 8 fixed prototypes, plus a little noise, clipped. */
    static INDArray data(long seed) {
        Random random = new Random(seed);
        double[][] prototypes = new double[8][INPUT];
        for (double[] p : prototypes) {
            for (int j = 0; j < INPUT; j++) {
                p[j] = random.nextDouble() < 0.3 ? 1.0 : 0.0;
            }
        }
        double[][] rows = new double[EXAMPLES][INPUT];
        for (double[] row : rows) {
            double[] weights = new double[prototypes.length];
            double total = 0;
            for (int k = 0; k < weights.length; k++) {
                weights[k] = random.nextDouble() < 0.4 ? random.nextDouble() : 0.0;
                total += weights[k];
            }
            for (int j = 0; j < INPUT; j++) {
                double v = 0;
                for (int k = 0; k < weights.length; k++) {
                    v += weights[k] * prototypes[k][j];
                }
                v = (total > 0 ? v / total : 0) + 0.05 * random.nextGaussian();
                row[j] = Math.min(1, Math.max(0, v));
            }
        }
        return Nd4j.create(rows).castTo(DataType.FLOAT);
    }

    static MultiLayerNetwork autoencoder(double lambda) {
        return autoencoder(lambda, WorkspaceMode.ENABLED);
    }

    static MultiLayerNetwork autoencoder(double lambda, WorkspaceMode workspaces) {
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder()
                .seed(7)
                .trainingWorkspaceMode(workspaces)
                .inferenceWorkspaceMode(workspaces)
                .dataType(DataType.FLOAT)
                .updater(new Adam(1e-2))
                .weightInit(WeightInit.XAVIER)
                .list()
                .layer(new DenseLayer.Builder().nIn(INPUT).nOut(CODE).activation(Activation.RELU).build())
                .layer(new ActivityL1(lambda))
                .layer(new OutputLayer.Builder(LossFunction.XENT).nIn(CODE).nOut(INPUT)
                        .activation(Activation.SIGMOID).build())
                .build());
        net.init();
        return net;
    }

    @Test
    void meanCodeActivationFallsAsLambdaGrows() {
        INDArray x = data(2024);
        DataSet dataSet = new DataSet(x, x);
        double[] lambdas = {0.0, 1e-3, 1e-2};
        double[] meanCode = new double[lambdas.length];
        double[] finalScore = new double[lambdas.length];
        for (int i = 0; i < lambdas.length; i++) {
            MultiLayerNetwork net = autoencoder(lambdas[i]);
            for (int it = 0; it < ITERATIONS; it++) {
                net.fit(dataSet);
            }
            finalScore[i] = net.score(dataSet);
            meanCode[i] = net.feedForwardToLayer(0, x).get(1).meanNumber().doubleValue();
            System.out.printf("lambda=%-6s mean code activation=%.6f score=%.6f%n",
                    lambdas[i], meanCode[i], finalScore[i]);
        }
        for (int i = 1; i < lambdas.length; i++) {
            assertTrue(meanCode[i] < meanCode[i - 1], "mean code activation must fall as lambda grows: "
                    + java.util.Arrays.toString(meanCode));
        }
        for (double score : finalScore) {
            assertTrue(Double.isFinite(score), "finite score");
        }
    }

    @Test
    void workspacesDoNotChangeTraining() {
        INDArray x = data(5);
        DataSet dataSet = new DataSet(x, x);
        MultiLayerNetwork withWorkspaces = autoencoder(1e-2, WorkspaceMode.ENABLED);
        MultiLayerNetwork without = autoencoder(1e-2, WorkspaceMode.NONE);
        for (int it = 0; it < 10; it++) {
            withWorkspaces.fit(dataSet);
            without.fit(dataSet);
            assertEquals(without.score(), withWorkspaces.score(), 1e-5);
        }
        assertTrue(withWorkspaces.params().equalsWithEps(without.params(), 1e-5));
        assertEquals(without.score(dataSet), withWorkspaces.score(dataSet), 1e-5);
    }
}
