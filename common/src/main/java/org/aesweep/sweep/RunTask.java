package org.aesweep.sweep;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.aesweep.data.TrainTestSplit;
import org.aesweep.outputs.RunContext;
import org.aesweep.outputs.RunOutputs;
import org.aesweep.outputs.RunSummary;
import org.aesweep.plan.PlannedRun;
import org.aesweep.plan.RunBatch;
import org.aesweep.spark.ExecutorDataCache;
import org.aesweep.spark.ExecutorNames;
import org.aesweep.spark.ExecutorThreads;
import org.aesweep.spark.TaskDevice;
import org.aesweep.spec.Architecture;
import org.aesweep.spec.RunConfig;
import org.aesweep.tables.RunAttempt;
import org.aesweep.train.EpochMetrics;
import org.aesweep.train.RunEngine;
import org.aesweep.train.RunStatus;
import org.aesweep.train.TrainedRun;
import org.aesweep.train.TrainingArrays;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.util.SerializableConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains a batch of runs where it is called (a Spark task, or a plain JVM) and writes each run's
 * rows and model: one run alone, or several compatible runs fused into one network (see
 * {@link RunEngine}). The files it names in the summaries are committed by the driver. Training
 * that throws is recorded as failed runs and the sweep goes on; an I/O failure while writing fails
 * the task, so Spark retries it, and the failed attempt's files are never committed.
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
        return execute(new RunBatch(List.of(run))).get(0);
    }

    /** The batch's runs' summaries, in the batch's order. */
    public List<RunSummary> execute(RunBatch batch) {
        Instant started = Instant.now();
        List<RunConfig> configs = batch.runs().stream().map(PlannedRun::config).toList();
        int threads = ExecutorThreads.configureForCurrentTask(batch.cores());
        TaskDevice device = TaskDevice.bindCurrentTask();
        Configuration conf = hadoopConf.value();
        String executor = ExecutorNames.current();
        for (RunConfig config : configs) {
            LOG.info("run {} starting on {} ({}{}) with {} thread(s){}: {}", config.runId(), executor, device.backend(),
                    device.device() == null ? "" : " " + device.device(), threads,
                    batch.fused() ? ", fused with " + (batch.size() - 1) + " other run(s)" : "", describe(config));
        }
        try {
            List<RunAttempt> attempts = new ArrayList<>();
            for (RunConfig config : configs) {
                attempts.add(RunAttempt.start(settings.layout(), config.runId(), conf));
            }
            // Runs of one batch share their data (see RunBatches), so the first run's serves all.
            TrainTestSplit data = ExecutorDataCache.get(settings.dataRoot(), configs.get(0), conf);
            List<TrainedRun> trained = trainAndWriteOutputs(configs, data, attempts, conf);
            List<RunSummary> summaries = new ArrayList<>();
            for (int i = 0; i < configs.size(); i++) {
                RunContext context = new RunContext(batch.runs().get(i), 1, batch.size(), threads, executor, device,
                        data.train().rows(), data.train().cols(), data.train().count(), data.test().count(), started,
                        Instant.now());
                RunSummary summary = RunOutputs.finish(attempts.get(i), trained.get(i), context, conf);
                LOG.info("run {} {} in {} s", summary.config().runId(), summary.status().tableValue(),
                        summary.wallSeconds());
                summaries.add(summary);
            }
            return summaries;
        } catch (IOException e) {
            throw new UncheckedIOException("runs " + configs.stream().map(RunConfig::runId)
                    .collect(Collectors.joining(", ")) + " could not be written", e);
        }
    }

    /**
     * Trains and, for finished runs, writes the latent codes and the model. Training exceptions
     * become failed runs rather than a failed task: retrying a deterministic failure would only
     * fail again.
     */
    private static List<TrainedRun> trainAndWriteOutputs(List<RunConfig> configs, TrainTestSplit data,
                                                         List<RunAttempt> attempts, Configuration conf)
            throws IOException {
        try (TrainingArrays arrays = TrainingArrays.of(data)) {
            List<TrainedRun> trained = RunEngine.of(configs.get(0)).train(configs, arrays, RunTask::logEpoch);
            for (int i = 0; i < configs.size(); i++) {
                RunOutputs.writeModelOutputs(attempts.get(i), configs.get(i), trained.get(i), arrays, data, conf);
            }
            return trained;
        } catch (RuntimeException e) {
            LOG.error("run(s) {} failed", configs.stream().map(RunConfig::runId).toList(), e);
            return Collections.nCopies(configs.size(),
                    TrainedRun.unfinished(null, List.of(), RunStatus.FAILED, e.toString()));
        }
    }

    public static void logEpoch(RunConfig config, EpochMetrics metrics) {
        // The run's ETA assumes the remaining epochs take as long as this one.
        String validation = config.data().hasValidation()
                ? String.format(Locale.ROOT, " validation_loss=%.5f", metrics.validationLoss()) : "";
        LOG.info(String.format(Locale.ROOT, "run %s %s epoch %d/%d train_loss=%.5f%s test_loss=%.5f %.1fs eta=%.0fs",
                config.runId(), describe(config), metrics.epoch(), config.recipe().epochs(), metrics.trainLoss(),
                validation, metrics.testLoss(), metrics.seconds(),
                metrics.seconds() * (config.recipe().epochs() - metrics.epoch())));
    }

    public static String describe(RunConfig config) {
        Architecture architecture = config.architecture();
        return String.format(Locale.ROOT, "%s/%s code=%d noise=%s:%s%s rep=%d", config.data().dataset(),
                architecture.label(), architecture.codeSize(), config.noise().kind().specName(), config.noise().level(),
                architecture.sparsityWeight() > 0 ? " l1=" + architecture.sparsityWeight() : "", config.replicate());
    }
}
