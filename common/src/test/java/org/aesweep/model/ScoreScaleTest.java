package org.aesweep.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.aesweep.spec.ArchitectureKind;
import org.aesweep.spec.LossKind;
import org.aesweep.spec.OptimizerKind;
import org.aesweep.spec.RunConfig;
import org.aesweep.testing.SyntheticImages;
import org.aesweep.testing.TestRuns;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

/**
 * A spec's SGD learning rate and L1 weight mean what they mean in Keras, where the loss trained is
 * the per-element mean: one SGD step moves the parameters by the rate times the gradient of that
 * mean, and the sparse penalty adds weight x mean |code| sum to it, whatever DL4J sums in its score.
 */
class ScoreScaleTest {
    private static final int SIDE = SyntheticImages.SIDE;

    @ParameterizedTest
    @CsvSource({"SHALLOW, BCE", "SHALLOW, MSE", "CONV, BCE", "CONV, MSE", "LSTM, BCE", "LSTM, MSE"})
    void anSgdStepFollowsThePerElementMeanLossAtTheSpecsRate(ArchitectureKind kind, LossKind loss) {
        double rate = 0.5;
        List<Integer> hidden = switch (kind) {
            case CONV -> List.of(2);
            case LSTM -> List.of(6);
            default -> List.of();
        };
        RunConfig config = TestRuns.shallow(4).kind(kind, hidden).loss(loss).optimizer(OptimizerKind.SGD, rate)
                .build();
        Autoencoder model = AutoencoderFactory.build(config, SIDE, SIDE, DataType.DOUBLE);
        MultiLayerNetwork network = model.network();
        INDArray images = SyntheticImages.matrix(8, 3).castTo(DataType.DOUBLE);
        network.setInput(model.networkInput(images));
        network.setLabels(model.networkTarget(images));
        network.computeGradientAndScore();
        // The gradient of the per-element mean loss, averaged over the minibatch: DL4J's gradient is
        // summed over the minibatch (its updater divides by the batch size) and scaled by the score's factor.
        INDArray meanLossGradient = network.gradient().gradient().dup()
                .muli(model.scoreToPerElement() / images.rows());
        INDArray before = network.params().dup();

        network.fit(new DataSet(model.networkInput(images), model.networkTarget(images)));

        INDArray step = network.params().sub(before);
        INDArray expected = meanLossGradient.mul(-rate);
        assertEquals(0.0, step.sub(expected).norm2Number().doubleValue() / expected.norm2Number().doubleValue(), 1e-6,
                kind + "/" + loss + ": the step is not rate x the per-element mean's gradient");
    }

    @ParameterizedTest
    @CsvSource({"BCE", "MSE"})
    void theSparsePenaltyJoinsThePerElementMeanLossAtTheSpecsWeight(LossKind loss) {
        double weight = 1e-3;
        INDArray images = SyntheticImages.matrix(16, 5).castTo(DataType.DOUBLE);
        Autoencoder sparse = AutoencoderFactory.build(TestRuns.shallow(8).kind(ArchitectureKind.SPARSE, List.of())
                .sparsityWeight(weight).loss(loss).build(), SIDE, SIDE, DataType.DOUBLE);
        Autoencoder plain = AutoencoderFactory.build(TestRuns.shallow(8).kind(ArchitectureKind.SPARSE, List.of())
                .sparsityWeight(0.0).loss(loss).build(), SIDE, SIDE, DataType.DOUBLE);
        plain.network().setParams(sparse.network().params());

        // Scores include the penalty; perElementLoss would take it out again, so scale them directly.
        double penalty = (score(sparse, images) - score(plain, images)) * sparse.scoreToPerElement();
        double meanCodeSum = sparse.encode(images).castTo(DataType.DOUBLE).sum(1).meanNumber().doubleValue();
        assertEquals(weight * meanCodeSum, penalty, 1e-9 * Math.max(1, penalty));
    }

    /** The training score, penalties included (what fit minimises). */
    private static double score(Autoencoder model, INDArray images) {
        MultiLayerNetwork network = model.network();
        network.setInput(model.networkInput(images));
        network.setLabels(model.networkTarget(images));
        network.computeGradientAndScore();
        return network.score();
    }
}
