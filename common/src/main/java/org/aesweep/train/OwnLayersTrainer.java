package org.aesweep.train;

import org.aesweep.spec.RunConfig;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

/**
 * Trains one run on this JVM through its network's own DL4J layers ({@link RunEngine#OWN_LAYERS}):
 * shuffled minibatches, input noise (fresh per minibatch, or rows of the run's fixed noisy copy)
 * with clean targets, and after every epoch the clean test loss (and the denoising test loss with
 * a fixed draw of test noise). The training loss of
 * an epoch is the sample-weighted mean of the minibatch losses seen while training, which is what
 * Keras reports. {@link StoppingRules} end diverging runs and, with patience, runs whose validation
 * loss stopped improving.
 */
public final class OwnLayersTrainer {
    private final EpochListener listener;

    public OwnLayersTrainer(EpochListener listener) {
        this.listener = listener;
    }

    /** Trains {@code config}'s run through its network's own DL4J layers, whatever its architecture. */
    public TrainedRun train(RunConfig config, TrainingArrays data) {
        TrainingRun run = new TrainingRun(config, data, listener, OwnLayersEvaluator::new);
        int samples = (int) data.train().rows();
        for (int epoch = 1; epoch <= config.recipe().epochs(); epoch++) {
            long start = System.nanoTime();
            double trainLoss = fitEpoch(run, data.train(), config.recipe().batchSize());
            if (run.afterEpoch(epoch, trainLoss, (System.nanoTime() - start) / 1e9, samples)) {
                break;
            }
        }
        return run.result(data.train());
    }

    /** One pass over the data; returns the sample-weighted mean per-element loss of the minibatches. */
    private static double fitEpoch(TrainingRun run, INDArray train, int batchSize) {
        MultiLayerNetwork network = run.model().network();
        int[] order = run.epochOrder((int) train.rows());
        double weightedLoss = 0;
        for (int start = 0; start < order.length; start += batchSize) {
            int end = Math.min(order.length, start + batchSize);
            DataSet batch = run.minibatch(train, order, start, end);
            network.fit(batch.getFeatures(), batch.getLabels());
            weightedLoss += run.model().perElementLoss(network.score()) * (end - start);
        }
        return weightedLoss / order.length;
    }
}
