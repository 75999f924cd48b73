package org.aesweep.engine;

import org.deeplearning4j.gradientcheck.GradientCheckUtil;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.NoOp;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * A child JVM's workload for {@link FencedOpExecutionerTest}: DL4J gradient checks of a small dense
 * net (thousands of bias broadcasts) while another thread allocates without pause, so that the
 * garbage collector runs during ND4J's native calls. Prints how many checks it ran.
 * Arguments: seconds to run.
 */
public final class GcPressureGradientChecks {
    private static volatile Object sink;

    private GcPressureGradientChecks() {
    }

    public static void main(String[] args) {
        Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
        long end = System.nanoTime() + Long.parseLong(args[0]) * 1_000_000_000L;
        Thread garbage = new Thread(() -> {
            while (true) {
                sink = new byte[4096];
            }
        }, "garbage");
        garbage.setDaemon(true);
        garbage.start();
        int checks = 0;
        while (System.nanoTime() < end) {
            MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(checks)
                    .dataType(DataType.DOUBLE).weightInit(WeightInit.XAVIER).updater(new NoOp()).list()
                    .layer(new DenseLayer.Builder().nIn(16).nOut(5).activation(Activation.TANH).build())
                    .layer(new OutputLayer.Builder(LossFunctions.LossFunction.XENT).nIn(5).nOut(16)
                            .activation(Activation.SIGMOID).build())
                    .build());
            net.init();
            INDArray images = Nd4j.rand(DataType.DOUBLE, 3, 16);
            if (!GradientCheckUtil.checkGradients(new GradientCheckUtil.MLNConfig().net(net).input(images)
                    .labels(images).epsilon(1e-6).maxRelError(1e-3).minAbsoluteError(1e-8)
                    .print(GradientCheckUtil.PrintMode.FAILURES_ONLY))) {
                throw new AssertionError("gradient check " + checks + " failed");
            }
            checks++;
        }
        System.out.println("gradient checks run: " + checks);
    }
}
