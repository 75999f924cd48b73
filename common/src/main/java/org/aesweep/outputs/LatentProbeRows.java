package org.aesweep.outputs;

import org.aesweep.data.TrainTestSplit;
import org.aesweep.probes.LatentProbes;
import org.aesweep.spec.RunConfig;
import org.aesweep.tables.avro.LatentProbeRow;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Measures a finished run's latent probes where its model and data already are, as a table row. */
final class LatentProbeRows {
    private LatentProbeRows() {
    }

    /** Codes of the training and test set, as the run's final model gives them. */
    static LatentProbeRow measure(RunConfig config, INDArray trainCodes, INDArray testCodes, TrainTestSplit data) {
        LatentProbes.Result result = LatentProbes.measure(trainCodes, data.train().labels(),
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
}
