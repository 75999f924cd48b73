package org.aesweep.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.aesweep.grid.RunConfig;
import org.aesweep.model.Autoencoder;
import org.aesweep.model.AutoencoderFactory;
import org.aesweep.model.FusedDense;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Trains several runs of one dense network shape in one pass, as the branches of a fused network
 * (see {@link FusedDense}): every step fits all branches at once, each on its own minibatch, drawn
 * from its own minibatch order and noise stream exactly as {@link RunTrainer} draws them for the
 * run alone, from the run's own initial parameters. After each epoch every branch's parameters go
 * to its run's solo network, which is evaluated and kept by that run's {@link RunEpochs}; a run that
 * ends early keeps the parameters it ended with while the others go on. The branches' epochs are
 * timed together: each run records the fused epoch's seconds.
 */
public final class FusedRunTrainer {
    private final RunTrainer.EpochListener listener;

    public FusedRunTrainer(RunTrainer.EpochListener listener) {
        this.listener = listener;
    }

    /** @param configs runs that differ only in replicate or input noise (see plan.RunBatches) */
    public List<TrainedRun> train(List<RunConfig> configs, TrainingArrays data) {
        int branches = configs.size();
        RunConfig first = configs.get(0);
        MultiLayerNetwork fused = AutoencoderFactory.buildFused(first, branches, data.rows(), data.cols());
        Branch[] runs = new Branch[branches];
        for (int k = 0; k < branches; k++) {
            runs[k] = new Branch(configs.get(k), data, listener);
            FusedDense.copyIn(runs[k].model.network(), fused, k);
        }
        int samples = (int) data.train().rows();
        for (int epoch = 1; epoch <= first.epochs() && !allEnded(runs); epoch++) {
            long start = System.nanoTime();
            double[] trainLoss = fitEpoch(fused, runs, data.train(), first.batchSize());
            double seconds = (System.nanoTime() - start) / 1e9;
            for (int k = 0; k < branches; k++) {
                if (!runs[k].ended) {
                    FusedDense.copyOut(fused, k, runs[k].model.network());
                    runs[k].ended = runs[k].book.afterEpoch(epoch, trainLoss[k], seconds, samples);
                }
            }
        }
        List<TrainedRun> trained = new ArrayList<>();
        for (Branch run : runs) {
            trained.add(run.book.result(data.train()));
        }
        return trained;
    }

    /** One pass over the data for every branch; each branch's sample-weighted mean per-element loss. */
    private static double[] fitEpoch(MultiLayerNetwork fused, Branch[] runs, INDArray train, int batchSize) {
        int[][] orders = new int[runs.length][];
        for (int k = 0; k < runs.length; k++) {
            orders[k] = Permutations.of((int) train.rows(), runs[k].order);
        }
        int samples = orders[0].length;
        double[] weightedLoss = new double[runs.length];
        INDArray[] inputs = new INDArray[runs.length];
        INDArray[] targets = new INDArray[runs.length];
        for (int start = 0; start < samples; start += batchSize) {
            int end = Math.min(samples, start + batchSize);
            for (int k = 0; k < runs.length; k++) {
                INDArray clean = Nd4j.pullRows(train, 1, Arrays.copyOfRange(orders[k], start, end));
                inputs[k] = runs[k].model.networkInput(runs[k].noise.corrupt(clean));
                targets[k] = runs[k].model.networkTarget(clean);
            }
            fused.fit(FusedDense.join(inputs), FusedDense.join(targets));
            double[] losses = FusedDense.branchLosses(fused);
            for (int k = 0; k < runs.length; k++) {
                weightedLoss[k] += losses[k] * (end - start);
            }
        }
        for (int k = 0; k < runs.length; k++) {
            weightedLoss[k] /= samples;
        }
        return weightedLoss;
    }

    private static boolean allEnded(Branch[] runs) {
        return Arrays.stream(runs).allMatch(run -> run.ended);
    }

    /** One run's side of the fused training: its solo network, randomness and book of epochs. */
    private static final class Branch {
        final Autoencoder model;
        final RunEpochs book;
        final NoiseModel noise;
        final Random order;
        boolean ended;

        Branch(RunConfig config, TrainingArrays data, RunTrainer.EpochListener listener) {
            this.model = AutoencoderFactory.build(config, data.rows(), data.cols());
            this.book = new RunEpochs(config, model, data.test(), listener);
            this.noise = NoiseModels.create(config.noiseKind(), config.noiseLevel(), config.runSeed());
            this.order = new Random(config.runSeed());
        }
    }
}
