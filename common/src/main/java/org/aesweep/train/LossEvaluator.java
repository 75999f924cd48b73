package org.aesweep.train;

import org.aesweep.model.ReconstructionLoss;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Scores a network on a whole set in chunks, as a per-element mean loss over every sample, with
 * the same loss function and conversion as the training loss so the two compare.
 */
public final class LossEvaluator {
    private static final int CHUNK = 2000;

    private final ReconstructionLoss loss;

    public LossEvaluator(ReconstructionLoss loss) {
        this.loss = loss;
    }

    /** Mean loss of reconstructing {@code targets} from {@code inputs}; both have one row per sample. */
    public double evaluate(MultiLayerNetwork network, INDArray inputs, INDArray targets) {
        long rows = inputs.rows();
        double weightedSum = 0;
        for (long start = 0; start < rows; start += CHUNK) {
            long end = Math.min(rows, start + CHUNK);
            INDArray in = inputs.get(NDArrayIndex.interval(start, end), NDArrayIndex.all());
            INDArray target = targets.get(NDArrayIndex.interval(start, end), NDArrayIndex.all());
            // score(DataSet, false) is the minibatch mean of the per-example loss, without regularisation.
            weightedSum += network.score(new DataSet(in, target), false) * (end - start);
        }
        return weightedSum / rows * loss.perElementFactor((int) targets.columns());
    }
}
