package org.aesweep.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.aesweep.data.DatasetLoader;
import org.aesweep.data.ReplicateSamples;
import org.aesweep.data.TrainTestSplit;
import org.aesweep.data.ValidationHoldout;
import org.aesweep.spec.InputScaling;
import org.aesweep.spec.ReplicateSampling;
import org.aesweep.spec.RunConfig;
import org.apache.hadoop.conf.Configuration;

/**
 * Keeps the data sets an executor JVM has read, so the runs it trains one after another (or side by
 * side) read each IDX file once, and each replicate's part or resample is cut once. Keyed by
 * everything that selects the samples and by the range their pixels are scaled to: the [0, 1] sets
 * are read once, and a scaled copy is made once, only for runs that ask for another scaling.
 */
public final class ExecutorDataCache {
    private static final Map<String, TrainTestSplit> CACHE = new ConcurrentHashMap<>();

    private ExecutorDataCache() {
    }

    /**
     * The run's data: the sweep's (limited) sets, less the validation samples when the spec holds
     * some out, with the training set its replicate samples, and every pixel in the run's input
     * scaling (inputs and targets alike).
     */
    public static TrainTestSplit get(String dataRoot, RunConfig config, Configuration conf) {
        return get(dataRoot, config, config.architecture().inputScaling(), conf);
    }

    /**
     * The run's samples as {@link #get(String, RunConfig, Configuration)} selects them, with pixels in
     * {@code scaling}'s range, e.g. [0, 1] images for pictures of runs of any scaling.
     */
    public static TrainTestSplit get(String dataRoot, RunConfig config, InputScaling scaling, Configuration conf) {
        TrainTestSplit unit = shared(dataRoot, config, conf);
        String key = sharedKey(dataRoot, config);
        String scaledKey = scaling == InputScaling.UNIT ? key : key + "|" + scaling.specName();
        TrainTestSplit scaled = scaling == InputScaling.UNIT ? unit
                : CACHE.computeIfAbsent(scaledKey, ignored -> unit.scaled(scaling));
        ReplicateSampling sampling = config.data().sampling();
        if (sampling.sharesTrainingData()) {
            return scaled;
        }
        // Crossed replicates of one data split train on the same part, so they share one copy.
        String sample = sampling.cutsTrainingData()
                ? "part " + sampling.dataSplitOf(config.replicate()) + "/" + sampling.dataSplits()
                : "replicate " + config.replicate();
        String replicateKey = scaledKey + "|" + sampling.split() + "|" + sampling.replicates() + "|" + sample;
        return CACHE.computeIfAbsent(replicateKey,
                ignored -> scaled.withTrain(ReplicateSamples.select(scaled.train(), config)));
    }

    /**
     * The sweep's data as every run of it starts from: the (limited) sets less the validation
     * samples, before a replicate split cuts or resamples the training set, in [0, 1].
     */
    public static TrainTestSplit shared(String dataRoot, RunConfig config, Configuration conf) {
        return CACHE.computeIfAbsent(sharedKey(dataRoot, config), ignored -> {
            try {
                return ValidationHoldout.apply(DatasetLoader.load(config.data().dataset(), dataRoot,
                        config.data().trainLimit(), config.data().testLimit(), config.dataSeed(), conf), config);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static String sharedKey(String dataRoot, RunConfig config) {
        return String.join("|", dataRoot, config.data().dataset(), Integer.toString(config.data().trainLimit()),
                Integer.toString(config.data().testLimit()), Long.toString(config.dataSeed()),
                config.data().validation().specForm());
    }
}
