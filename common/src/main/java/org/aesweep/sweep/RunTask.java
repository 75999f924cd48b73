package org.aesweep.sweep;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.aesweep.data.TrainTestSplit;
import org.aesweep.grid.RunConfig;
import org.aesweep.io.RunPublisher;
import org.aesweep.io.RunPublisher.StagedRun;
import org.aesweep.plan.PlannedRun;
import org.aesweep.train.EpochMetrics;
import org.aesweep.train.RunStatus;
import org.aesweep.train.RunTrainer;
import org.aesweep.train.TrainedRun;
import org.aesweep.train.TrainingArrays;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.util.SerializableConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains one run where it is called (a Spark task, or a plain JVM) and publishes its rows and model.
 * A run that throws while training is recorded with status failed and the sweep goes on; an I/O
 * failure while publishing fails the task, so Spark retries it and nothing partial is visible.
 */
public final class RunTask implements Serializable {
    private static final Logger LOG = LoggerFactory.getLogger(RunTask.class);

    private final SweepSettings settings;
    private final SerializableConfiguration hadoopConf;

    public RunTask(SweepSettings settings, Configuration hadoopConf) {
        this.settings = settings;
        this.hadoopConf = new SerializableConfiguration(hadoopConf);
    }

    public RunSummary execute(PlannedRun run) {
        Instant started = Instant.now();
        RunConfig config = run.config();
        int threads = ExecutorThreads.configureForCurrentTask();
        TaskDevice device = TaskDevice.bindCurrentTask();
        Configuration conf = hadoopConf.value();
        RunPublisher publisher = new RunPublisher(settings.layout(), conf);
        String executor = ExecutorNames.current();
        LOG.info("run {} starting on {} ({}{}) with {} thread(s): {}", config.runId(), executor, device.backend(),
                device.device() == null ? "" : " " + device.device(), threads, describe(config));
        try {
            StagedRun staged = publisher.stage(config.runId());
            TrainTestSplit data = ExecutorDataCache.get(settings.dataRoot(), config, conf);
            TrainedRun trained = trainAndStageOutputs(config, data, staged, conf);
            RunContext context = new RunContext(run, 1, executor, device, data.train().rows(), data.train().cols(),
                    data.train().count(), data.test().count(), started, Instant.now());
            RunSummary summary = RunOutputs.commit(publisher, staged, trained, context, conf);
            LOG.info("run {} {} in {} s", config.runId(), summary.status().tableValue(), summary.wallSeconds());
            return summary;
        } catch (IOException e) {
            throw new UncheckedIOException("run " + config.runId() + " could not be published", e);
        }
    }

    /**
     * Trains and, for finished runs, stages the latent codes and the model. Training exceptions
     * become a failed run rather than a failed task: retrying a deterministic failure would only
     * fail again.
     */
    private static TrainedRun trainAndStageOutputs(RunConfig config, TrainTestSplit data, StagedRun staged,
                                                   Configuration conf) throws IOException {
        try (TrainingArrays arrays = TrainingArrays.of(data.train(), data.test())) {
            TrainedRun trained = new RunTrainer(RunTask::logEpoch).train(config, arrays);
            RunOutputs.stageModelOutputs(staged, config, trained, arrays, data, conf);
            return trained;
        } catch (RuntimeException e) {
            LOG.error("run {} failed", config.runId(), e);
            return new TrainedRun(null, List.of(), RunStatus.FAILED, e.toString(), Double.NaN);
        }
    }

    public static void logEpoch(RunConfig config, EpochMetrics metrics) {
        // The run's ETA assumes the remaining epochs take as long as this one.
        LOG.info(String.format(Locale.ROOT, "run %s %s epoch %d/%d train_loss=%.5f test_loss=%.5f %.1fs eta=%.0fs",
                config.runId(), describe(config), metrics.epoch(), config.epochs(), metrics.trainLoss(),
                metrics.testLoss(), metrics.seconds(), metrics.seconds() * (config.epochs() - metrics.epoch())));
    }

    public static String describe(RunConfig config) {
        return String.format(Locale.ROOT, "%s/%s code=%d noise=%s:%s%s rep=%d", config.dataset(),
                config.architecture(), config.codeSize(), config.noiseKind().specName(), config.noiseLevel(),
                config.sparsityWeight() > 0 ? " l1=" + config.sparsityWeight() : "", config.replicate());
    }
}
