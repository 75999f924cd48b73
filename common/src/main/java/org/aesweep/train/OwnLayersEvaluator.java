package org.aesweep.train;

import org.aesweep.model.Autoencoder;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/** Scores a run's network through its own DL4J layers, whatever its kind. */
final class OwnLayersEvaluator implements LossEvaluator {
    private final Autoencoder model;

    OwnLayersEvaluator(Autoencoder model) {
        this.model = model;
    }

    @Override
    public double evaluate(INDArray inputs, INDArray targets) {
        return Chunks.mean(inputs, targets, this::loss);
    }

    /**
     * Loss and codes come from one forward pass, the encoder's output being the decoder's input (a
     * convolutional encoder is most of its network's work).
     */
    @Override
    public CodedLoss evaluateAndEncode(INDArray images) {
        INDArray[] codes = new INDArray[(int) ((images.rows() + Chunks.SIZE - 1) / Chunks.SIZE)];
        double loss = Chunks.mean(images.rows(), (start, end) -> {
            INDArray chunk = Chunks.rows(images, start, end);
            INDArray chunkCodes = model.encode(chunk);
            codes[(int) (start / Chunks.SIZE)] = chunkCodes;
            return model.lossFromCodes(chunkCodes, chunk);
        });
        return new CodedLoss(loss, Nd4j.vstack(codes));
    }

    private double loss(INDArray in, INDArray target) {
        double score = model.network().score(new DataSet(model.networkInput(in), model.networkTarget(target)), false);
        return model.perElementLoss(score);
    }
}
