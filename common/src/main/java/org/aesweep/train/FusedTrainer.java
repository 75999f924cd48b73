package org.aesweep.train;

import java.util.ArrayList;
import java.util.List;

import org.aesweep.engine.FusedDenseImpl;
import org.aesweep.model.AutoencoderFactory;
import org.aesweep.model.FusedDense;
import org.aesweep.spec.RunConfig;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

/**
 * Trains one or more runs of one dense network shape in one pass, as the branches of a fused
 * network (see {@link FusedDense}); a single run trains this way too, since fused dense layers skip
 * work DL4J's dense layers repeat (see {@link org.aesweep.engine.FusedDenseImpl}). Every step
 * fits all branches at once, each on its own minibatch, drawn from its own minibatch order and
 * noise stream exactly as {@link OwnLayersTrainer} draws them for the run alone, from the run's own
 * initial parameters. After each epoch every run is scored on its test set through a one-branch
 * fused network holding its parameters ({@link FusedEvaluator}); a run that ends early keeps the
 * parameters it ended with while the others go on. The branches' epochs are timed together: each
 * run records the fused epoch's seconds.
 */
public final class FusedTrainer {
    private final EpochListener listener;

    public FusedTrainer(EpochListener listener) {
        this.listener = listener;
    }

    /** @param configs runs that differ only in replicate or input noise (see plan.RunBatches) */
    public List<TrainedRun> train(List<RunConfig> configs, TrainingArrays data) {
        int branches = configs.size();
        RunConfig first = configs.get(0);
        MultiLayerNetwork fused = AutoencoderFactory.buildFused(first, branches, data.rows(), data.cols());
        // Each run also keeps a plain DL4J network: its seeded initialisation starts the run's
        // branch, and it takes the run's final parameters when training ends, since saved models,
        // latent codes and decoding need plain DL4J networks. A lone run is scored through the
        // network it trains, so nothing is copied between epochs. A run fused with others is scored
        // through a one-branch network of its own, given its branch's parameters after each epoch:
        // scoring it inside the fused network would compute every branch, through strided column
        // blocks, which is slower than the copy and a pass of its own.
        List<TrainingRun> runs = new ArrayList<>();
        List<MultiLayerNetwork> scoring = new ArrayList<>();
        for (int k = 0; k < branches; k++) {
            MultiLayerNetwork network = branches == 1 ? fused
                    : AutoencoderFactory.buildFused(first, 1, data.rows(), data.cols());
            TrainingRun run = new TrainingRun(configs.get(k), data, listener,
                    model -> new FusedEvaluator(network, model));
            FusedDense.copyIn(run.model().network(), fused, k);
            runs.add(run);
            scoring.add(network);
        }
        int samples = (int) data.train().rows();
        for (int epoch = 1; epoch <= first.recipe().epochs() && !runs.stream().allMatch(TrainingRun::ended); epoch++) {
            long start = System.nanoTime();
            double[] trainLoss = fitEpoch(fused, runs, data.train(), first.recipe().batchSize());
            double seconds = (System.nanoTime() - start) / 1e9;
            for (int k = 0; k < branches; k++) {
                TrainingRun run = runs.get(k);
                if (!run.ended()) {
                    if (scoring.get(k) != fused) {
                        FusedDense.copyBranch(fused, k, scoring.get(k), 0);
                    }
                    run.afterEpoch(epoch, trainLoss[k], seconds, samples);
                }
            }
        }
        List<TrainedRun> trained = new ArrayList<>();
        for (int k = 0; k < branches; k++) {
            // Codes come from the plain network, which now takes the run's final parameters.
            FusedDense.copyOut(scoring.get(k), 0, runs.get(k).model().network());
            trained.add(runs.get(k).result(data.train()));
        }
        return trained;
    }

    /** One pass over the data for every branch; each branch's sample-weighted mean per-element loss. */
    private static double[] fitEpoch(MultiLayerNetwork fused, List<TrainingRun> runs, INDArray train,
                                     int batchSize) {
        int branches = runs.size();
        int[][] orders = new int[branches][];
        for (int k = 0; k < branches; k++) {
            orders[k] = runs.get(k).epochOrder((int) train.rows());
        }
        int samples = orders[0].length;
        double[] weightedLoss = new double[branches];
        INDArray[] inputs = new INDArray[branches];
        INDArray[] targets = new INDArray[branches];
        StepBuffers joinedInputs = new StepBuffers();
        StepBuffers joinedTargets = new StepBuffers();
        for (int start = 0; start < samples; start += batchSize) {
            int end = Math.min(samples, start + batchSize);
            boolean targetsAreInputs = true;
            for (int k = 0; k < branches; k++) {
                DataSet batch = runs.get(k).minibatch(train, orders[k], start, end);
                inputs[k] = batch.getFeatures();
                targets[k] = batch.getLabels();
                targetsAreInputs &= inputs[k] == targets[k];
            }
            INDArray input = join(inputs, joinedInputs);
            // Without input noise every run's input is its target: one joined array serves both.
            fused.fit(input, targetsAreInputs ? input : join(targets, joinedTargets));
            double[] losses = FusedDense.branchLosses(fused);
            for (int k = 0; k < branches; k++) {
                weightedLoss[k] += losses[k] * (end - start);
            }
        }
        for (int k = 0; k < branches; k++) {
            weightedLoss[k] /= samples;
        }
        return weightedLoss;
    }

    /**
     * The runs' [batch, n] arrays side by side in the fused [batch, K*n] layout, one block copy per
     * run into an array reused every step; a lone run's array as it is.
     */
    private static INDArray join(INDArray[] perRun, StepBuffers buffers) {
        if (perRun.length == 1) {
            return perRun[0];
        }
        INDArray joined = buffers.get(perRun[0].dataType(), perRun[0].rows(), perRun.length * perRun[0].columns());
        for (int k = 0; k < perRun.length; k++) {
            FusedDense.block(joined, k, perRun.length).assign(perRun[k]);
        }
        return joined;
    }
}
