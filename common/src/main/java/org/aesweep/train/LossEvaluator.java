package org.aesweep.train;

import org.aesweep.model.Autoencoder;
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

    private final Autoencoder model;

    public LossEvaluator(Autoencoder model) {
        this.model = model;
    }

    /** Mean loss of reconstructing flat {@code targets} from flat {@code inputs} (one row per sample). */
    public double evaluate(INDArray inputs, INDArray targets) {
        MultiLayerNetwork network = model.network();
        long rows = inputs.rows();
        double weightedSum = 0;
        for (long start = 0; start < rows; start += CHUNK) {
            long end = Math.min(rows, start + CHUNK);
            INDArray in = inputs.get(NDArrayIndex.interval(start, end), NDArrayIndex.all());
            INDArray target = targets.get(NDArrayIndex.interval(start, end), NDArrayIndex.all());
            double score = network.score(new DataSet(model.networkInput(in), model.networkTarget(target)), false);
            weightedSum += model.perElementLoss(score) * (end - start);
        }
        return weightedSum / rows;
    }
}
