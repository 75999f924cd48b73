package org.aesweep.sweep;

import java.util.List;
import java.util.TreeSet;

import org.aesweep.model.Autoencoder;
import org.aesweep.spark.ExecutorNames;
import org.aesweep.spark.ExecutorThreads;
import org.aesweep.spark.TaskDevice;
import org.aesweep.spec.RunConfig;
import org.aesweep.train.NoiseModel;
import org.aesweep.train.NoiseModels;
import org.aesweep.train.ScaledNoise;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.util.CollectionAccumulator;
import org.apache.spark.util.DoubleAccumulator;
import org.apache.spark.util.LongAccumulator;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.spark.api.TrainingHook;
import org.nd4j.linalg.dataset.api.DataSet;
import org.nd4j.linalg.dataset.api.MultiDataSet;

/**
 * Runs inside every parameter-averaging worker around each minibatch fit. Before: corrupts the
 * minibatch's inputs with fresh noise (the exported data stay clean, so they are exported once per
 * run and targets stay clean). After: adds the minibatch's per-element loss to Spark accumulators,
 * so the driver gets the epoch's mean minibatch loss exactly as local training reports it. It also
 * sizes ND4J's threads to the task and records which executor and GPU each worker had.
 */
final class WorkerTrainingHook implements TrainingHook {
    private final RunConfig config;
    private final double scoreToPerElement;
    private final DoubleAccumulator weightedLoss;
    private final LongAccumulator samples;
    private final CollectionAccumulator<String> workers;
    private transient NoiseModel noise;

    private WorkerTrainingHook(RunConfig config, double scoreToPerElement, DoubleAccumulator weightedLoss,
                               LongAccumulator samples, CollectionAccumulator<String> workers) {
        this.config = config;
        this.scoreToPerElement = scoreToPerElement;
        this.weightedLoss = weightedLoss;
        this.samples = samples;
        this.workers = workers;
    }

    /** A hook whose accumulators are registered with {@code jsc}; create on the driver. */
    static WorkerTrainingHook register(JavaSparkContext jsc, RunConfig config, Autoencoder model) {
        String prefix = "aesweep run " + config.runId() + " ";
        return new WorkerTrainingHook(config, model.scoreToPerElement(),
                jsc.sc().doubleAccumulator(prefix + "weighted loss"), jsc.sc().longAccumulator(prefix + "samples"),
                jsc.sc().collectionAccumulator(prefix + "workers"));
    }

    /** Starts a new epoch's loss sums. */
    void resetLoss() {
        weightedLoss.reset();
        samples.reset();
    }

    /** Sample-weighted mean per-element minibatch loss since {@link #resetLoss()}; NaN if nothing trained. */
    double meanLoss() {
        return samples.value() == 0 ? Double.NaN : weightedLoss.value() / samples.value();
    }

    /** Samples fitted since {@link #resetLoss()}. */
    long samplesPerEpoch() {
        return samples.value();
    }

    /** Every worker seen so far, as sorted distinct "executor|device" entries. */
    List<String> workersSeen() {
        return List.copyOf(new TreeSet<>(workers.value()));
    }

    @Override
    public void preUpdate(DataSet minibatch, Model model) {
        if (noise == null) {
            startWorker();
        }
        if (!noise.isIdentity()) {
            minibatch.setFeatures(noise.corrupt(minibatch.getFeatures()));
        }
    }

    @Override
    public void postUpdate(DataSet minibatch, Model model) {
        double loss = Autoencoder.perElementLoss((MultiLayerNetwork) model, model.score(), scoreToPerElement);
        int count = minibatch.numExamples();
        weightedLoss.add(loss * count);
        samples.add(count);
    }

    @Override
    public void preUpdate(MultiDataSet minibatch, Model model) {
        throw new UnsupportedOperationException("aesweep trains MultiLayerNetworks from DataSets only");
    }

    @Override
    public void postUpdate(MultiDataSet minibatch, Model model) {
        throw new UnsupportedOperationException("aesweep trains MultiLayerNetworks from DataSets only");
    }

    /** Once per worker task: threads, noise stream, and a record of where it ran. */
    private void startWorker() {
        ExecutorThreads.configureForCurrentTask();
        TaskDevice device = TaskDevice.ofCurrentTask();
        workers.add(ExecutorNames.current() + "|" + (device.device() == null ? "" : device.device()));
        TaskContext task = TaskContext.get();
        // Each worker task of each averaging round draws from its own noise stream.
        long stream = task == null ? 0 : ((long) task.stageId() << 32) ^ ((long) task.partitionId() << 8)
                ^ task.attemptNumber();
        noise = ScaledNoise.of(config.architecture().inputScaling(),
                NoiseModels.create(config.noise().kind(), config.noise().level(), config.runSeed() * 31 + stream));
    }
}
