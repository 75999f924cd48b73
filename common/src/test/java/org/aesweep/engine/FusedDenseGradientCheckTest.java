package org.aesweep.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.aesweep.model.FusedDense;
import org.aesweep.testing.DoublePrecision;
import org.deeplearning4j.gradientcheck.GradientCheckUtil;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.LossLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.NoOp;
import org.nd4j.linalg.lossfunctions.impl.LossBinaryXENT;
import org.nd4j.linalg.lossfunctions.impl.LossMSE;

/**
 * {@link FusedDenseLayer} in double precision: numerical gradient checks, the forward pass
 * against K separate matrix products, the parameter layout, and a JSON round trip.
 */
@ExtendWith(DoublePrecision.class)
class FusedDenseGradientCheckTest {
    private static final int K = 3;
    private static final int BATCH = 6;
    /** FusedDenseLayer(K, 5 -> 4, hidden) -> FusedDenseLayer(K, 4 -> 5, output) -> LossLayer(loss). */
    private static MultiLayerNetwork net(Activation hidden, Activation output, Activation lossActivation,
            org.nd4j.linalg.lossfunctions.ILossFunction loss) {
        return net(hidden, output, lossActivation, loss, true);
    }

    private static MultiLayerNetwork net(Activation hidden, Activation output, Activation lossActivation,
            org.nd4j.linalg.lossfunctions.ILossFunction loss, boolean firstInputGradient) {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder()
                .seed(7)
                .dataType(DataType.DOUBLE)
                .updater(new NoOp())
                .weightInit(WeightInit.XAVIER)
                .biasInit(0.1)
                .list()
                .layer(new FusedDenseLayer.Builder().branches(K).branchIn(5).branchOut(4).activation(hidden)
                        .inputGradient(firstInputGradient).build())
                .layer(new FusedDenseLayer.Builder().branches(K).branchIn(4).branchOut(5).activation(output).build())
                .layer(new LossLayer.Builder(loss).activation(lossActivation).build())
                .build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return net;
    }

    private static boolean check(MultiLayerNetwork net, INDArray x, INDArray y) {
        return GradientCheckUtil.checkGradients(new GradientCheckUtil.MLNConfig()
                .net(net).input(x).labels(y)
                .epsilon(1e-6).maxRelError(1e-3).minAbsoluteError(1e-8)
                .print(GradientCheckUtil.PrintMode.FAILURES_ONLY)
                .exitOnFirstError(false));
    }

    @ParameterizedTest(name = "{0} -> {1}, loss activation {2}, {3}")
    @CsvSource({
        "TANH, SIGMOID, IDENTITY, XENT",
        "TANH, IDENTITY, SIGMOID, XENT",
        "RELU, IDENTITY, IDENTITY, FUSED_BCE",
        "TANH, IDENTITY, IDENTITY, MSE",
        "RELU, IDENTITY, IDENTITY, FUSED_MSE"})
    void analyticGradientMatchesNumericGradient(Activation hidden, Activation output, Activation lossActivation,
            String loss) {
        org.nd4j.linalg.lossfunctions.ILossFunction fn = switch (loss) {
            case "XENT" -> new LossBinaryXENT();
            case "MSE" -> new LossMSE();
            case "FUSED_BCE" -> new FusedReconstructionLoss(K, ReconstructionLoss.BCE);
            default -> new FusedReconstructionLoss(K, ReconstructionLoss.MSE);
        };
        MultiLayerNetwork net = net(hidden, output, lossActivation, fn);
        Nd4j.getRandom().setSeed(11);
        // Inputs away from relu's kink at 0 are not needed: relu's inputs are pre-activations.
        INDArray x = Nd4j.rand(DataType.DOUBLE, BATCH, K * 5).subi(0.5);
        INDArray y = Nd4j.rand(DataType.DOUBLE, BATCH, K * 5);
        assertTrue(check(net, x, y), "gradient check " + hidden + "/" + output + "/" + loss);
    }

    @Test
    void outputBlockIsEachBranchsOwnDenseLayer() {
        MultiLayerNetwork net = net(Activation.TANH, Activation.SIGMOID, Activation.IDENTITY, new LossBinaryXENT());
        Nd4j.getRandom().setSeed(12);
        INDArray x = Nd4j.rand(DataType.DOUBLE, BATCH, K * 5);
        INDArray out = net.output(x);
        FusedDenseImpl first = (FusedDenseImpl) net.getLayer(0);
        FusedDenseImpl second = (FusedDenseImpl) net.getLayer(1);
        for (int k = 0; k < K; k++) {
            INDArray xk = FusedDense.block(x, k, K);
            INDArray h = xk.mmul(first.branchWeights(k)).addiRowVector(first.branchBias(k));
            h = org.nd4j.linalg.ops.transforms.Transforms.tanh(h, false);
            INDArray o = h.mmul(second.branchWeights(k)).addiRowVector(second.branchBias(k));
            o = org.nd4j.linalg.ops.transforms.Transforms.sigmoid(o, false);
            assertTrue(o.equalsWithEps(FusedDense.block(out, k, K), 1e-12), "branch " + k);
        }
        // c-order and f-order inputs give the same output.
        assertTrue(out.equalsWithEps(net.output(x.dup('f')), 1e-12));
    }

    @Test
    void branchParametersAreContiguousSegmentsOfTheFlatVector() {
        MultiLayerNetwork net = net(Activation.TANH, Activation.SIGMOID, Activation.IDENTITY, new LossBinaryXENT());
        FusedDenseImpl first = (FusedDenseImpl) net.getLayer(0);
        assertEquals(K * 5 * 4 + K * 4, first.numParams());
        INDArray flat = net.params();
        for (int k = 0; k < K; k++) {
            INDArray w = first.branchWeights(k);
            INDArray segment = flat.reshape(flat.length()).get(
                    org.nd4j.linalg.indexing.NDArrayIndex.interval(k * 20, (k + 1) * 20));
            assertArrayEquals(segment.toDoubleVector(), w.dup('f').reshape('f', new long[] {20}).toDoubleVector(), 0.0);
            // Writes through the branch view land in the network's parameters.
            INDArray newW = Nd4j.rand(DataType.DOUBLE, 5, 4);
            INDArray newB = Nd4j.rand(DataType.DOUBLE, 1, 4);
            first.setBranchParams(k, newW, newB);
            assertTrue(newW.equalsWithEps(first.branchWeights(k), 0.0));
            assertArrayEquals(newB.toDoubleVector(), net.params().reshape(net.params().length()).get(
                    org.nd4j.linalg.indexing.NDArrayIndex.interval(K * 20 + k * 4, K * 20 + (k + 1) * 4))
                    .toDoubleVector(), 0.0);
        }
    }

    @Test
    void aFirstLayerWithoutInputGradientGivesTheSameParameterGradients() {
        MultiLayerNetwork with = net(Activation.TANH, Activation.IDENTITY, Activation.IDENTITY,
                new FusedReconstructionLoss(K, ReconstructionLoss.BCE), true);
        MultiLayerNetwork without = net(Activation.TANH, Activation.IDENTITY, Activation.IDENTITY,
                new FusedReconstructionLoss(K, ReconstructionLoss.BCE), false);
        without.setParams(with.params().dup());
        Nd4j.getRandom().setSeed(21);
        INDArray x = Nd4j.rand(DataType.DOUBLE, BATCH, K * 5);
        for (MultiLayerNetwork net : new MultiLayerNetwork[] {with, without}) {
            net.setInput(x);
            net.setLabels(x);
            net.computeGradientAndScore();
        }
        assertTrue(with.gradient().gradient().equalsWithEps(without.gradient().gradient(), 0.0));
        assertEquals(with.score(), without.score(), 0.0);
        assertTrue(check(without, x, x));
    }

    @Test
    void configurationSurvivesJson() {
        MultiLayerNetwork net = net(Activation.RELU, Activation.IDENTITY, Activation.SIGMOID,
                new FusedReconstructionLoss(K, ReconstructionLoss.BCE), false);
        String json = net.getLayerWiseConfigurations().toJson();
        MultiLayerConfiguration back = MultiLayerConfiguration.fromJson(json);
        assertEquals(net.getLayerWiseConfigurations(), back);
        MultiLayerNetwork copy = new MultiLayerNetwork(back);
        copy.init(net.params().dup(), false);
        Nd4j.getRandom().setSeed(13);
        INDArray x = Nd4j.rand(DataType.DOUBLE, BATCH, K * 5);
        assertTrue(net.output(x).equalsWithEps(copy.output(x), 1e-12));
    }
}
