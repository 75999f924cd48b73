package org.aesweep.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;

import org.aesweep.spec.ArchitectureKind;
import org.aesweep.spec.CodeLayout;
import org.aesweep.spec.LossKind;
import org.aesweep.testing.SyntheticImages;
import org.aesweep.testing.TestRuns;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Every architecture, with either loss: codes have shape (n, c), decoding maps them back to flat
 * images, and the score conversion gives the per-element mean loss Keras and PyTorch report,
 * computed here by hand from the reconstructions.
 */
class ArchitecturesTest {
    private static final int CODE = 6;
    private static final INDArray INPUTS = SyntheticImages.matrix(12, 3);

    static Stream<Arguments> architectures() {
        return Stream.of(LossKind.values()).flatMap(loss -> Stream.of(
                Arguments.of(ArchitectureKind.LINEAR, List.of(), CodeLayout.DENSE, loss),
                Arguments.of(ArchitectureKind.SHALLOW, List.of(), CodeLayout.DENSE, loss),
                Arguments.of(ArchitectureKind.DEEP, List.of(20, 10), CodeLayout.DENSE, loss),
                Arguments.of(ArchitectureKind.CONV, List.of(4, 8, 8), CodeLayout.DENSE, loss),
                // 28x28 pools to 14, 7, 3 and 1: a 1x1 code map of CODE channels.
                Arguments.of(ArchitectureKind.CONV, List.of(4, 4, 4), CodeLayout.MAP, loss),
                Arguments.of(ArchitectureKind.LSTM, List.of(10), CodeLayout.DENSE, loss),
                Arguments.of(ArchitectureKind.LSTM, List.of(10, 8), CodeLayout.DENSE, loss),
                Arguments.of(ArchitectureKind.SPARSE, List.of(), CodeLayout.DENSE, loss),
                Arguments.of(ArchitectureKind.SPARSE, List.of(20), CodeLayout.DENSE, loss)));
    }

    private static Autoencoder build(ArchitectureKind kind, List<Integer> hidden, CodeLayout layout, LossKind loss) {
        return AutoencoderFactory.build(TestRuns.shallow(CODE).kind(kind, hidden).codeLayout(layout).loss(loss).build(),
                SyntheticImages.SIDE, SyntheticImages.SIDE);
    }

    @ParameterizedTest(name = "{0} {1} {2} {3}")
    @MethodSource("architectures")
    void encoderAndDecoderHaveTheDocumentedShapes(ArchitectureKind kind, List<Integer> hidden, CodeLayout layout,
                                                  LossKind loss) {
        Autoencoder model = build(kind, hidden, layout, loss);
        INDArray codes = model.encode(INPUTS);
        assertArrayEquals(new long[] {12, CODE}, codes.shape());

        INDArray decoded = model.decode(codes);
        assertArrayEquals(INPUTS.shape(), decoded.shape());
        assertTrue(decoded.equalsWithEps(model.reconstruct(INPUTS), 1e-5), "decode(encode(x)) == reconstruct(x)");
    }

    @ParameterizedTest(name = "{0} {1} {2} {3}")
    @MethodSource("architectures")
    void aNetworkThatHasSeenNoInputDecodesCodes(ArchitectureKind kind, List<Integer> hidden, CodeLayout layout,
                                                LossKind loss) {
        // A model loaded from disk to draw class-mean codes has never had an input set; the codes
        // here come from a second copy, so the decoding network has not either.
        INDArray codes = build(kind, hidden, layout, loss).encode(INPUTS);
        Autoencoder fresh = build(kind, hidden, layout, loss);
        INDArray decoded = fresh.decode(codes);
        assertArrayEquals(INPUTS.shape(), decoded.shape());
        assertTrue(decoded.equalsWithEps(fresh.reconstruct(INPUTS), 1e-5), "decode(encode(x)) == reconstruct(x)");
    }

    @ParameterizedTest(name = "{0} {1} {2} {3}")
    @MethodSource("architectures")
    void theScoreTrainingReportsIsTheLossBeforeTheUpdate(ArchitectureKind kind, List<Integer> hidden,
                                                         CodeLayout layout, LossKind loss) {
        // The training loss is read from score() after fit(); it must be the same quantity that
        // evaluation computes, on the parameters before the step.
        Autoencoder model = build(kind, hidden, layout, loss);
        DataSet batch = new DataSet(model.networkInput(INPUTS), model.networkTarget(INPUTS));
        double before = model.network().score(batch, false);
        model.network().fit(batch);
        assertEquals(before, model.network().score(), 1e-4 * before);
    }

    @ParameterizedTest(name = "{0} {1} {2} {3}")
    @MethodSource("architectures")
    void scoreTimesItsFactorIsThePerElementMeanLoss(ArchitectureKind kind, List<Integer> hidden, CodeLayout layout,
                                                    LossKind loss) {
        Autoencoder model = build(kind, hidden, layout, loss);
        MultiLayerNetwork network = model.network();
        INDArray p = model.reconstruct(INPUTS);
        double expected;
        if (loss == LossKind.BCE) {
            // -(y log p + (1 - y) log(1 - p)); an untrained sigmoid output is far from 0 and 1, so
            // DL4J's clipping of p does not matter here.
            expected = INPUTS.mul(Transforms.log(p, true))
                    .addi(INPUTS.rsub(1.0).muli(Transforms.log(p.rsub(1.0), false))).negi()
                    .meanNumber().doubleValue();
        } else {
            expected = p.sub(INPUTS).muli(p.sub(INPUTS)).meanNumber().doubleValue();
        }
        DataSet batch = new DataSet(model.networkInput(INPUTS), model.networkTarget(INPUTS));
        assertEquals(expected, model.perElementLoss(network.score(batch, false)), 1e-5 * expected);
    }
}
