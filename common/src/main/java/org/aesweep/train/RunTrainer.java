package org.aesweep.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.aesweep.grid.RunConfig;
import org.aesweep.model.Autoencoder;
import org.aesweep.model.AutoencoderFactory;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Trains one run on this JVM: shuffled minibatches, fresh input noise per minibatch with clean
 * targets, and after every epoch the clean test loss (and the denoising test loss with a fixed
 * noise draw). The training loss of an epoch is the sample-weighted mean of the minibatch losses
 * seen while training, which is what Keras reports. A non-finite loss stops the run as diverged.
 */
public final class RunTrainer {
    /** Fixed offset so the test-set noise draw is the same on every rerun and differs from training noise. */
    private static final long TEST_NOISE_SEED_OFFSET = 0x7E57_0000_0000L;

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
        LossEvaluator evaluator = new LossEvaluator(model);

        NoiseModel trainingNoise = NoiseModels.create(config.noiseKind(), config.noiseLevel(), config.runSeed());
        INDArray noisyTest = NoiseModels.create(config.noiseKind(), config.noiseLevel(),
                config.runSeed() + TEST_NOISE_SEED_OFFSET).corrupt(data.test());
        Random order = new Random(config.runSeed());
        int samples = (int) data.train().rows();

        List<EpochMetrics> epochs = new ArrayList<>();
        for (int epoch = 1; epoch <= config.epochs(); epoch++) {
            long start = System.nanoTime();
            double trainLoss = fitEpoch(model, data.train(), shuffled(samples, order), config.batchSize(),
                    trainingNoise);
            double seconds = (System.nanoTime() - start) / 1e9;
            if (!Double.isFinite(trainLoss)) {
                return new TrainedRun(model, epochs, RunStatus.DIVERGED,
                        "training loss became " + trainLoss + " in epoch " + epoch, Double.NaN);
            }
            double testLoss = evaluator.evaluate(data.test(), data.test());
            double denoisingLoss = trainingNoise.isIdentity()
                    ? Double.NaN : evaluator.evaluate(noisyTest, data.test());
            EpochMetrics metrics = new EpochMetrics(epoch, trainLoss, testLoss, denoisingLoss, seconds,
                    samples / seconds);
            epochs.add(metrics);
            listener.onEpoch(config, metrics);
        }
        double fullTrainLoss = evaluator.evaluate(data.train(), data.train());
        return new TrainedRun(model, epochs, RunStatus.OK, null, fullTrainLoss);
    }

    /** One pass over the data; returns the sample-weighted mean per-element loss of the minibatches. */
    private static double fitEpoch(Autoencoder model, INDArray train, int[] order, int batchSize,
                                   NoiseModel noise) {
        MultiLayerNetwork network = model.network();
        double weightedLoss = 0;
        for (int start = 0; start < order.length; start += batchSize) {
            int end = Math.min(order.length, start + batchSize);
            int[] rows = Arrays.copyOfRange(order, start, end);
            INDArray clean = train.getRows(rows);
            network.fit(model.networkInput(noise.corrupt(clean)), model.networkTarget(clean));
            weightedLoss += model.perElementLoss(network.score()) * rows.length;
        }
        return weightedLoss / order.length;
    }

    private static int[] shuffled(int count, Random random) {
        int[] order = new int[count];
        for (int i = 0; i < count; i++) {
            order[i] = i;
        }
        for (int i = count - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        return order;
    }
}
