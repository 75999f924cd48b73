package org.aesweep.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.aesweep.grid.LossKind;
import org.aesweep.testing.SyntheticImages;
import org.aesweep.testing.TestRuns;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.ops.transforms.Transforms;

/** The per-element factor must turn DL4J's score into the per-element mean Keras and PyTorch report. */
class ReconstructionLossTest {
    private static final INDArray INPUTS = SyntheticImages.matrix(50, 3);

    @Test
    void bceScoreTimesFactorIsThePerElementMeanBinaryCrossEntropy() {
        MultiLayerNetwork network = network(LossKind.BCE);
        INDArray p = network.output(INPUTS, false);
        // -(y log p + (1 - y) log(1 - p)) averaged over every element; no output is near 0 or 1
        // for an untrained network, so DL4J's clipping does not matter here.
        INDArray perElement = INPUTS.mul(Transforms.log(p, true))
                .addi(INPUTS.rsub(1.0).muli(Transforms.log(p.rsub(1.0), false))).negi();
        double expected = perElement.meanNumber().doubleValue();

        double actual = network.score(new DataSet(INPUTS, INPUTS), false)
                * ReconstructionLoss.BCE.perElementFactor((int) INPUTS.columns());
        assertEquals(expected, actual, 1e-4);
    }

    @Test
    void mseScoreTimesFactorIsThePerElementMeanSquaredError() {
        MultiLayerNetwork network = network(LossKind.MSE);
        INDArray p = network.output(INPUTS, false);
        double expected = p.sub(INPUTS).muli(p.sub(INPUTS)).meanNumber().doubleValue();

        double actual = network.score(new DataSet(INPUTS, INPUTS), false)
                * ReconstructionLoss.MSE.perElementFactor((int) INPUTS.columns());
        assertEquals(expected, actual, 1e-5);
    }

    private static MultiLayerNetwork network(LossKind loss) {
        return AutoencoderFactory.build(TestRuns.shallow(8).loss(loss).build(), (int) INPUTS.columns()).network();
    }
}
