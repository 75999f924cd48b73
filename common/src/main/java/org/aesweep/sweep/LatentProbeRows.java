package org.aesweep.sweep;

import org.aesweep.analysis.LatentProbes;
import org.aesweep.data.TrainTestSplit;
import org.aesweep.grid.RunConfig;
import org.aesweep.io.avro.LatentProbeRow;
import org.aesweep.model.Autoencoder;
import org.aesweep.train.TrainingArrays;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** Measures a finished run's latent probes where its model and data already are, as a table row. */
final class LatentProbeRows {
    private static final int CHUNK = 2000;

    private LatentProbeRows() {
    }

    /** @param testCodes the codes of the test set, already computed for the latent_codes table */
    static LatentProbeRow measure(RunConfig config, Autoencoder model, TrainingArrays arrays, INDArray testCodes,
                                  TrainTestSplit data) {
        LatentProbes.Result result = LatentProbes.measure(encode(model, arrays.train()), data.train().labels(),
                testCodes, data.test().labels(), config.runSeed());
        return LatentProbeRow.newBuilder(GridPointColumns.fill(new LatentProbeRow(), config))
                .setTestSamples(data.test().count())
                .setTrainSamples(data.train().count())
                .setKnn1LabelledAccuracy(result.knn1LabelledAccuracy())
                .setKnn5Accuracy(result.knn5Accuracy())
                .setMeanActivation(result.meanActivation())
                .setNearZeroShare(result.nearZeroShare())
                .setDeadUnitShare(result.deadUnitShare())
                .setTopTwoVarianceShare(result.topTwoVariance())
                .build();
    }

    /** Codes of flat images, encoded in chunks so large sets do not need one huge activation array. */
    static INDArray encode(Autoencoder model, INDArray flat) {
        INDArray[] chunks = new INDArray[(int) ((flat.rows() + CHUNK - 1) / CHUNK)];
        for (int i = 0; i < chunks.length; i++) {
            long start = (long) i * CHUNK;
            long end = Math.min(flat.rows(), start + CHUNK);
            chunks[i] = model.encode(flat.get(NDArrayIndex.interval(start, end), NDArrayIndex.all()));
        }
        return Nd4j.vstack(chunks);
    }
}
