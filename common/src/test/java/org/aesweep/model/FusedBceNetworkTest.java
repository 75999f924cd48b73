package org.aesweep.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.stream.Stream;

import org.aesweep.engine.ReconstructionLoss;
import org.aesweep.engine.SigmoidBinaryCrossEntropy;
import org.aesweep.engine.TimeMajorRnnOutputLayer;
import org.aesweep.spec.ArchitectureKind;
import org.aesweep.spec.LossKind;
import org.aesweep.testing.DoublePrecision;
import org.aesweep.testing.SyntheticImages;
import org.aesweep.testing.TestRuns;
import org.deeplearning4j.gradientcheck.GradientCheckUtil;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.BaseOutputLayer;
import org.deeplearning4j.nn.conf.layers.CnnLossLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.NoOp;
import org.nd4j.linalg.lossfunctions.impl.LossBinaryXENT;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * {@link SigmoidBinaryCrossEntropy} inside networks: every BCE architecture trains, scores and
 * reconstructs as its former sigmoid-plus-LossBinaryXENT self with the same weights; gradients
 * check numerically (with and without a label mask); the loss survives JSON and ModelSerializer;
 * and models saved with the former output layer still decode correctly.
 */
@ExtendWith(DoublePrecision.class)
class FusedBceNetworkTest {
    static Stream<Arguments> architectures() {
        return Stream.of(
                Arguments.of(ArchitectureKind.LINEAR, List.of()),
                Arguments.of(ArchitectureKind.SHALLOW, List.of()),
                Arguments.of(ArchitectureKind.DEEP, List.of(20, 10)),
                Arguments.of(ArchitectureKind.SPARSE, List.of(20)),
                Arguments.of(ArchitectureKind.CONV, List.of(4, 8)),
                Arguments.of(ArchitectureKind.LSTM, List.of(10)));
    }

    private static Autoencoder bce(ArchitectureKind kind, List<Integer> hidden) {
        return AutoencoderFactory.build(TestRuns.shallow(6).kind(kind, hidden).loss(LossKind.BCE).build(),
                SyntheticImages.SIDE, SyntheticImages.SIDE, DataType.DOUBLE);
    }

    private static INDArray images() {
        return SyntheticImages.matrix(10, 5).castTo(DataType.DOUBLE);
    }

    /** The same network as DL4J's sigmoid output with LossBinaryXENT, as every BCE model was built before the fused loss. */
    static MultiLayerNetwork legacyCopy(MultiLayerNetwork fused) {
        MultiLayerConfiguration conf = fused.getLayerWiseConfigurations().clone();
        Layer last = conf.getConf(conf.getConfs().size() - 1).getLayer();
        if (last instanceof BaseOutputLayer output) {
            output.setLossFn(new LossBinaryXENT());
        } else {
            ((CnnLossLayer) last).setLossFn(new LossBinaryXENT());
        }
        ((BaseLayer) last).setActivationFn(new ActivationSigmoid());
        MultiLayerNetwork legacy = new MultiLayerNetwork(conf);
        legacy.init(fused.params().dup(), false);
        return legacy;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("architectures")
    void everyBceArchitectureMatchesItsSigmoidPlusLossBinaryXentSelf(ArchitectureKind kind, List<Integer> hidden) {
        Autoencoder model = bce(kind, hidden);
        MultiLayerNetwork fused = model.network();
        assertTrue(Autoencoder.outputsLogits(fused));
        MultiLayerNetwork legacy = legacyCopy(fused);
        assertFalse(Autoencoder.outputsLogits(legacy));

        INDArray x = images();
        DataSet data = new DataSet(model.networkInput(x), model.networkTarget(x));
        assertEquals(legacy.score(data, false), fused.score(data, false), 1e-9 * legacy.score(data, false), "score");
        assertTrue(legacy.scoreExamples(data, false).equalsWithEps(fused.scoreExamples(data, false), 1e-8),
                "per-example scores");
        INDArray logits = fused.output(model.networkInput(x), false);
        assertTrue(legacy.output(model.networkInput(x), false).equalsWithEps(Transforms.sigmoid(logits, true), 1e-12),
                "the old output is the sigmoid of the new one");
        INDArray reconstruction = model.reconstruct(x);
        assertTrue(reconstruction.minNumber().doubleValue() >= 0 && reconstruction.maxNumber().doubleValue() <= 1);
        assertTrue(model.decode(model.encode(x)).equalsWithEps(reconstruction, 1e-12), "decode(encode(x)) == reconstruct(x)");

        fused.setInput(data.getFeatures());
        fused.setLabels(data.getLabels());
        fused.computeGradientAndScore();
        legacy.setInput(data.getFeatures());
        legacy.setLabels(data.getLabels());
        legacy.computeGradientAndScore();
        INDArray expected = legacy.gradient().gradient();
        INDArray actual = fused.gradient().gradient();
        double scale = expected.norm2Number().doubleValue();
        assertTrue(actual.sub(expected).norm2Number().doubleValue() <= 1e-9 * scale,
                "gradients differ by " + actual.sub(expected).norm2Number() + " of " + scale);

        // A few Adam steps keep the two in step.
        for (int i = 0; i < 3; i++) {
            fused.fit(data);
            legacy.fit(data);
        }
        assertTrue(fused.params().equalsWithEps(legacy.params(), 1e-9), "same parameters after training");
        assertEquals(legacy.score(), fused.score(), 1e-9 * legacy.score());
    }

    @Test
    void gradientsCheckNumericallyOnADenseNet() {
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder()
                .seed(3).dataType(DataType.DOUBLE).updater(new NoOp()).weightInit(WeightInit.XAVIER)
                .list()
                .layer(new DenseLayer.Builder().nIn(6).nOut(4).activation(Activation.TANH).build())
                .layer(new OutputLayer.Builder(new SigmoidBinaryCrossEntropy()).nIn(4).nOut(6)
                        .activation(Activation.IDENTITY).build())
                .build());
        net.init();
        Nd4j.getRandom().setSeed(11);
        INDArray x = Nd4j.rand(DataType.DOUBLE, 5, 6);
        INDArray perOutputMask = Nd4j.rand(DataType.DOUBLE, 5, 6).gt(0.3).castTo(DataType.DOUBLE);
        for (INDArray mask : new INDArray[] {null, perOutputMask}) {
            assertTrue(GradientCheckUtil.checkGradients(new GradientCheckUtil.MLNConfig()
                    .net(net).input(x).labels(x).labelMask(mask)
                    .epsilon(1e-6).maxRelError(1e-5).minAbsoluteError(1e-10)
                    .print(GradientCheckUtil.PrintMode.FAILURES_ONLY).exitOnFirstError(false)));
        }
    }

    @Test
    void gradientsCheckNumericallyOnARecurrentNetWithATimeStepMask() {
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder()
                .seed(4).dataType(DataType.DOUBLE).updater(new NoOp()).weightInit(WeightInit.XAVIER)
                .list()
                .layer(new LSTM.Builder().nOut(3).activation(Activation.TANH).build())
                .layer(new RnnOutputLayer.Builder(new SigmoidBinaryCrossEntropy()).nOut(4)
                        .activation(Activation.IDENTITY).build())
                .setInputType(InputType.recurrent(4, 5))
                .build());
        net.init();
        Nd4j.getRandom().setSeed(12);
        INDArray x = Nd4j.rand(DataType.DOUBLE, 3, 4, 5);
        // The LSTM's own gradients need the looser tolerance (LossBinaryXENT on a sigmoid fails the
        // stricter one the same way); ArchitectureGradientCheckTest uses it too.
        INDArray stepMask = Nd4j.createFromArray(new double[][] {{1, 1, 1, 1, 1}, {1, 1, 1, 0, 0}, {1, 0, 0, 0, 0}});
        assertTrue(GradientCheckUtil.checkGradients(new GradientCheckUtil.MLNConfig()
                .net(net).input(x).labels(x).labelMask(stepMask)
                .epsilon(1e-6).maxRelError(1e-3).minAbsoluteError(1e-8)
                .print(GradientCheckUtil.PrintMode.FAILURES_ONLY).exitOnFirstError(false)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("architectures")
    void jsonAndModelSerializerRoundTripsGiveIdenticalOutputs(ArchitectureKind kind, List<Integer> hidden)
            throws IOException {
        Autoencoder model = bce(kind, hidden);
        MultiLayerNetwork net = model.network();
        MultiLayerConfiguration conf = net.getLayerWiseConfigurations();
        String json = conf.toJson();
        assertTrue(json.contains(SigmoidBinaryCrossEntropy.class.getName()), json);
        MultiLayerConfiguration back = MultiLayerConfiguration.fromJson(json);
        assertEquals(conf, back);
        assertEquals(conf, MultiLayerConfiguration.fromYaml(conf.toYaml()));

        INDArray x = images();
        DataSet data = new DataSet(model.networkInput(x), model.networkTarget(x));
        for (int i = 0; i < 2; i++) {
            net.fit(data);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ModelSerializer.writeModel(net, bytes, true);
        MultiLayerNetwork restored = ModelSerializer.restoreMultiLayerNetwork(new ByteArrayInputStream(bytes.toByteArray()), true);
        // The layer aesweep computes an LSTM's output with, as a run's model gets it (a no-op for other nets).
        TimeMajorRnnOutputLayer.install(restored);
        assertEquals(conf, restored.getLayerWiseConfigurations());
        assertEquals(net.output(data.getFeatures(), false), restored.output(data.getFeatures(), false), "identical outputs");
        assertEquals(net.score(data, false), restored.score(data, false), 0.0, "identical score");
        net.fit(data);
        restored.fit(data);
        assertEquals(net.params(), restored.params(), "identical parameters after one more step");
    }

    @Test
    void modelsSavedWithASigmoidOutputLayerStillDecodeToIntensities() throws IOException {
        for (ArchitectureKind kind : new ArchitectureKind[] {ArchitectureKind.SHALLOW, ArchitectureKind.CONV,
                ArchitectureKind.LSTM}) {
            List<Integer> hidden = kind == ArchitectureKind.CONV ? List.of(4, 8)
                    : kind == ArchitectureKind.LSTM ? List.of(10) : List.of();
            Autoencoder current = bce(kind, hidden);
            MultiLayerNetwork legacy = legacyCopy(current.network());
            INDArray x = images();
            INDArray expected = outputLayout(kind).toFlat(legacy.output(current.networkInput(x), false),
                    SyntheticImages.SIDE, SyntheticImages.SIDE);

            // SavedRun's path: today's architecture, the saved file's parameters.
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            ModelSerializer.writeModel(legacy, bytes, false);
            MultiLayerNetwork saved = ModelSerializer.restoreMultiLayerNetwork(new ByteArrayInputStream(bytes.toByteArray()), false);
            assertFalse(Autoencoder.outputsLogits(saved), kind + ": the old file has a sigmoid output");
            current.network().setParams(saved.params());
            assertTrue(expected.equalsWithEps(current.reconstruct(x), 1e-12), kind + " reconstruct");
            assertTrue(expected.equalsWithEps(current.decode(current.encode(x)), 1e-12), kind + " decode");
        }
        // An old network wrapped as it is is not passed through a second sigmoid.
        Autoencoder current = bce(ArchitectureKind.SHALLOW, List.of());
        MultiLayerNetwork legacy = legacyCopy(current.network());
        Autoencoder wrapped = new Autoencoder(legacy, current.codeLayerIndex(), InputLayout.FLAT,
                SyntheticImages.SIDE, SyntheticImages.SIDE, current.scoreToPerElement());
        INDArray x = images();
        assertEquals(legacy.output(x, false), wrapped.reconstruct(x));
        assertTrue(current.reconstruct(x).equalsWithEps(wrapped.reconstruct(x), 1e-12));
    }

    @Test
    void mseNetsKeepTheirOwnOutputActivation() {
        Autoencoder mse = AutoencoderFactory.build(TestRuns.shallow(6).loss(LossKind.MSE).build(),
                SyntheticImages.SIDE, SyntheticImages.SIDE, DataType.DOUBLE);
        assertFalse(Autoencoder.outputsLogits(mse.network()));
        assertEquals(mse.network().output(images(), false), mse.reconstruct(images()));
        assertEquals(Activation.SIGMOID, ReconstructionLoss.MSE.outputLayerActivation(Activation.SIGMOID));
        assertEquals(Activation.IDENTITY, ReconstructionLoss.BCE.outputLayerActivation(Activation.SIGMOID));
    }

    private static InputLayout outputLayout(ArchitectureKind kind) {
        return switch (kind) {
            case CONV -> InputLayout.IMAGE;
            case LSTM -> InputLayout.SEQUENCE;
            default -> InputLayout.FLAT;
        };
    }
}
