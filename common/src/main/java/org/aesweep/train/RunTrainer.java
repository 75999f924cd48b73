package org.aesweep.train;

import java.util.Arrays;
import java.util.Random;

import org.aesweep.grid.RunConfig;
import org.aesweep.model.Autoencoder;
import org.aesweep.model.AutoencoderFactory;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Trains one run on this JVM: shuffled minibatches, fresh input noise per minibatch with clean
 * targets, and after every epoch the clean test loss (and the denoising test loss with a fixed
 * noise draw). The training loss of an epoch is the sample-weighted mean of the minibatch losses
 * seen while training, which is what Keras reports. {@link StoppingRules} end diverging runs and,
 * with patience, runs whose test loss stopped improving.
 */
public final class RunTrainer {
    /** Called after every epoch, for progress logs. */
    public interface EpochListener {
        void onEpoch(RunConfig config, EpochMetrics metrics);
    }

    private final EpochListener listener;

    public RunTrainer(EpochListener listener) {
        this.listener = listener;
    }

    public TrainedRun train(RunConfig config, TrainingArrays data) {
        Autoencoder model = AutoencoderFactory.build(config, data.rows(), data.cols());
        RunEpochs book = new RunEpochs(config, model, data.test(), listener);
        NoiseModel trainingNoise = NoiseModels.create(config.noiseKind(), config.noiseLevel(), config.runSeed());
        Random order = new Random(config.runSeed());
        int samples = (int) data.train().rows();
        for (int epoch = 1; epoch <= config.epochs(); epoch++) {
            long start = System.nanoTime();
            double trainLoss = fitEpoch(model, data.train(), Permutations.of(samples, order), config.batchSize(),
                    trainingNoise);
            if (book.afterEpoch(epoch, trainLoss, (System.nanoTime() - start) / 1e9, samples)) {
                break;
            }
        }
        return book.result(data.train());
    }

    /** One pass over the data; returns the sample-weighted mean per-element loss of the minibatches. */
    private static double fitEpoch(Autoencoder model, INDArray train, int[] order, int batchSize,
                                   NoiseModel noise) {
        MultiLayerNetwork network = model.network();
        double weightedLoss = 0;
        for (int start = 0; start < order.length; start += batchSize) {
            int end = Math.min(order.length, start + batchSize);
            int[] rows = Arrays.copyOfRange(order, start, end);
            // pullRows gathers in one native op; getRows copies row by row (a third of a small epoch).
            INDArray clean = Nd4j.pullRows(train, 1, rows);
            network.fit(model.networkInput(noise.corrupt(clean)), model.networkTarget(clean));
            weightedLoss += model.perElementLoss(network.score()) * rows.length;
        }
        return weightedLoss / order.length;
    }
}
