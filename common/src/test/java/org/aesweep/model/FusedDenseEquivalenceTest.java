package org.aesweep.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import org.aesweep.data.DatasetLoader;
import org.aesweep.data.TrainTestSplit;
import org.aesweep.engine.ReconstructionLoss;
import org.aesweep.train.TrainingArrays;
import org.apache.hadoop.conf.Configuration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;

/**
 * Fused training is solo training, K times over: four 784-32-784 autoencoders (relu code, sigmoid
 * output, Adam 1e-3, float) trained side by side in one fused network, each fed its own minibatches
 * of real Fashion-MNIST rows, keep the parameters and per-element losses of four solo networks
 * started from the same parameters and fed the same minibatches, step after step.
 */
class FusedDenseEquivalenceTest {
    private static final int K = 4;
    private static final int N = 784;
    private static final int CODE = 32;
    private static final int BATCH = 64;
    private static final int STEPS = 20;

    static NeuralNetConfiguration.Builder common(long seed) {
        return new NeuralNetConfiguration.Builder()
                .seed(seed)
                .dataType(DataType.FLOAT)
                .weightInit(WeightInit.XAVIER_UNIFORM)
                .updater(new Adam(1e-3));
    }

    /** A solo network as DenseAutoencoder builds a shallow BCE run. */
    static MultiLayerNetwork solo(long seed, ReconstructionLoss loss) {
        MultiLayerNetwork net = new MultiLayerNetwork(common(seed).list()
                .layer(new DenseLayer.Builder().nIn(N).nOut(CODE).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(loss.dl4jLoss()).nIn(CODE).nOut(N)
                        .activation(loss.outputLayerActivation(Activation.SIGMOID)).build())
                .build());
        net.init();
        return net;
    }

    static INDArray fashionRows(int count) throws Exception {
        Path data = Path.of("..", "data").toAbsolutePath().normalize();
        assertTrue(Files.isDirectory(data.resolve("fashion-mnist")), "run submit/fetch-data.sh first");
        TrainTestSplit split = DatasetLoader.load("fashion-mnist", data.toString(), count, 10, 5, new Configuration());
        return TrainingArrays.of(split.train(), split.test()).train();
    }

    @Test
    void bceBranchesTrackTheirSoloNetworksStepByStep() throws Exception {
        trackSolo(ReconstructionLoss.BCE, fashionRows(1000), 1e-5, 1e-5);
    }

    @Test
    void mseBranchesTrackTheirSoloNetworksStepByStep() {
        Nd4j.getRandom().setSeed(3);
        trackSolo(ReconstructionLoss.MSE, Nd4j.rand(DataType.FLOAT, 600, N), 1e-5, 1e-6);
    }

    @Test
    void aBranchMovesBetweenFusedNetworksAsItIs() {
        ReconstructionLoss loss = ReconstructionLoss.BCE;
        MultiLayerNetwork fused = FusedDense.build(K, new int[] {N, CODE, N}, Activation.RELU,
                loss.outputLayerActivation(Activation.SIGMOID), loss, common(99));
        MultiLayerNetwork other = FusedDense.build(2, new int[] {N, CODE, N}, Activation.RELU,
                loss.outputLayerActivation(Activation.SIGMOID), loss, common(98));
        MultiLayerNetwork[] solos = new MultiLayerNetwork[K];
        for (int k = 0; k < K; k++) {
            solos[k] = solo(100 + k, loss);
            FusedDense.copyIn(solos[k], fused, k);
        }
        MultiLayerNetwork check = solo(0, loss);
        FusedDense.copyBranch(fused, 2, other, 1);
        FusedDense.copyOut(other, 1, check);
        assertEquals(solos[2].params(), check.params());
        FusedDense.copyBranch(fused, 3, other, 0);
        FusedDense.copyOut(other, 0, check);
        assertEquals(solos[3].params(), check.params());
        FusedDense.copyOut(other, 1, check);
        assertEquals(solos[2].params(), check.params(), "the other branch stays");
    }

    private static void trackSolo(ReconstructionLoss loss, INDArray rows, double paramTolerance, double lossTolerance) {
        MultiLayerNetwork[] solos = new MultiLayerNetwork[K];
        MultiLayerNetwork fused = FusedDense.build(K, new int[] {N, CODE, N}, Activation.RELU,
                loss.outputLayerActivation(Activation.SIGMOID), loss, common(99));
        for (int k = 0; k < K; k++) {
            solos[k] = solo(100 + k, loss);
            FusedDense.copyIn(solos[k], fused, k);
        }
        MultiLayerNetwork check = solo(0, loss);
        double perElement = loss.perElementFactor(N);
        Random random = new Random(17);
        double worstParam = 0;
        double worstLoss = 0;
        for (int step = 0; step < STEPS; step++) {
            INDArray[] batches = new INDArray[K];
            for (int k = 0; k < K; k++) {
                int[] picks = random.ints(BATCH, 0, (int) rows.rows()).toArray();
                batches[k] = Nd4j.pullRows(rows, 1, picks);
                solos[k].fit(batches[k], batches[k]);
            }
            INDArray joined = Nd4j.concat(1, batches);
            fused.fit(joined, joined);
            double[] losses = FusedDense.branchLosses(fused);
            for (int k = 0; k < K; k++) {
                FusedDense.copyOut(fused, k, check);
                double diff = check.params().sub(solos[k].params()).amaxNumber().doubleValue();
                worstParam = Math.max(worstParam, diff);
                assertTrue(diff < paramTolerance, "step " + step + " branch " + k + ": max |param diff| " + diff);
                double soloLoss = solos[k].score() * perElement;
                worstLoss = Math.max(worstLoss, Math.abs(losses[k] - soloLoss));
                assertEquals(soloLoss, losses[k], lossTolerance, "step " + step + " branch " + k + " loss");
            }
        }
        // The fused score is the sum of the branches' solo scores.
        double sum = 0;
        for (MultiLayerNetwork s : solos) {
            sum += s.score();
        }
        assertEquals(sum, fused.score(), 1e-4 * sum);
        System.out.printf("fused vs solo, %s, %d steps: max |param diff| %.3g, max |loss diff| %.3g%n",
                loss, STEPS, worstParam, worstLoss);
    }
}
