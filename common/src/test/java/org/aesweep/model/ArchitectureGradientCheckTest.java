package org.aesweep.model;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;

import org.aesweep.spec.ArchitectureKind;
import org.aesweep.spec.CodeLayout;
import org.aesweep.spec.InputScaling;
import org.aesweep.spec.LossKind;
import org.aesweep.spec.OptimizerKind;
import org.aesweep.spec.OutputActivation;
import org.aesweep.testing.DoublePrecision;
import org.aesweep.testing.TestRuns;
import org.deeplearning4j.gradientcheck.GradientCheckUtil;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * DL4J's numeric gradient check on a tiny double-precision instance of every architecture, built
 * by the same code as training runs (tanh hidden units, so the check meets no relu kinks).
 */
@ExtendWith(DoublePrecision.class)
class ArchitectureGradientCheckTest {
    static Stream<Arguments> tinyArchitectures() {
        return Stream.of(
                Arguments.of("linear mse", tiny(ArchitectureKind.LINEAR, List.of(), LossKind.MSE), 4),
                Arguments.of("shallow bce", tiny(ArchitectureKind.SHALLOW, List.of(), LossKind.BCE), 4),
                Arguments.of("deep bce", tiny(ArchitectureKind.DEEP, List.of(5), LossKind.BCE), 4),
                Arguments.of("sparse bce", tiny(ArchitectureKind.SPARSE, List.of(5), LossKind.BCE), 4),
                Arguments.of("conv bce", tiny(ArchitectureKind.CONV, List.of(2), LossKind.BCE), 8),
                // 14x14 pools to 7x7 and 3x3: the decoder's first transposed convolution is
                // unpadded (3 -> 7), its second same-padded (7 -> 14).
                Arguments.of("conv map bce", mapCode(LossKind.BCE), 14),
                Arguments.of("conv map mse tanh", mapCode(LossKind.MSE).decoder(List.of(3))
                        .output(OutputActivation.TANH, InputScaling.SYMMETRIC), 14),
                Arguments.of("lstm mse", tiny(ArchitectureKind.LSTM, List.of(3), LossKind.MSE), 4),
                Arguments.of("lstm bce", tiny(ArchitectureKind.LSTM, List.of(3), LossKind.BCE), 4),
                Arguments.of("lstm 2+2 layers mse", tiny(ArchitectureKind.LSTM, List.of(3, 2), LossKind.MSE), 4));
    }

    private static TestRuns tiny(ArchitectureKind kind, List<Integer> hidden, LossKind loss) {
        return checkable(TestRuns.shallow(3).kind(kind, hidden).loss(loss));
    }

    /** A conv net with a code of two 3x3 channels. */
    private static TestRuns mapCode(LossKind loss) {
        return checkable(TestRuns.shallow(18).kind(ArchitectureKind.CONV, List.of(2)).codeLayout(CodeLayout.MAP)
                .loss(loss));
    }

    private static TestRuns checkable(TestRuns run) {
        // GradientCheckUtil requires plain SGD with learning rate 1 (or no updater); the test sets
        // the spec's rate so that the network's, divided by its score scale, is 1.
        return run.activation("tanh");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tinyArchitectures")
    void analyticGradientsMatchNumericOnes(String name, TestRuns run, int side) {
        run.optimizer(OptimizerKind.SGD, ScoreScale.elementsPerScore(run.build(), side, side));
        Autoencoder model = AutoencoderFactory.build(run.build(), side, side, DataType.DOUBLE);
        Nd4j.getRandom().setSeed(7);
        INDArray images = Nd4j.rand(DataType.DOUBLE, 3, side * side);
        boolean ok = GradientCheckUtil.checkGradients(new GradientCheckUtil.MLNConfig()
                .net(model.network()).input(model.networkInput(images)).labels(model.networkTarget(images))
                .epsilon(1e-6).maxRelError(1e-3).minAbsoluteError(1e-8)
                .print(GradientCheckUtil.PrintMode.FAILURES_ONLY).exitOnFirstError(false));
        assertTrue(ok, "gradient check failed for " + name);
    }
}
