package org.aesweep.sweep;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.aesweep.data.TrainTestSplit;
import org.aesweep.grid.RunConfig;
import org.aesweep.io.ParquetFiles;
import org.aesweep.io.RunPublisher;
import org.aesweep.io.RunPublisher.StagedRun;
import org.aesweep.io.Table;
import org.aesweep.io.avro.EpochMetricRow;
import org.aesweep.io.avro.RunRow;
import org.aesweep.train.EpochMetrics;
import org.aesweep.train.RunStatus;
import org.aesweep.train.RunTrainer;
import org.aesweep.train.TrainedRun;
import org.aesweep.train.TrainingArrays;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.SparkEnv;
import org.apache.spark.util.SerializableConfiguration;
import org.deeplearning4j.util.ModelSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains one run where it is called (a Spark task, or a plain JVM) and publishes its rows and model.
 * A run that throws while training is recorded with status failed and the sweep goes on; an I/O
 * failure while publishing fails the task, so Spark retries it and nothing partial is visible.
 */
public final class RunTask implements Serializable {
    private static final Logger LOG = LoggerFactory.getLogger(RunTask.class);
    private static final String CPU_BACKEND = "cpu";

    private final SweepSettings settings;
    private final SerializableConfiguration hadoopConf;

    public RunTask(SweepSettings settings, Configuration hadoopConf) {
        this.settings = settings;
        this.hadoopConf = new SerializableConfiguration(hadoopConf);
    }

    public RunSummary execute(RunConfig config) {
        Instant started = Instant.now();
        int threads = ExecutorThreads.configureForCurrentTask();
        Configuration conf = hadoopConf.value();
        RunPublisher publisher = new RunPublisher(settings.layout(), conf);
        String executor = executorName();
        LOG.info("run {} starting on {} with {} thread(s): {}", config.runId(), executor, threads, describe(config));
        try {
            StagedRun staged = publisher.stage(config.runId());
            TrainTestSplit data = ExecutorDataCache.get(settings.dataRoot(), config, conf);
            TrainedRun trained = trainAndStageOutputs(config, data, staged, conf);
            RunContext context = new RunContext(executor, CPU_BACKEND, null, data.train().rows(), data.train().cols(),
                    data.train().count(), data.test().count(), started, Instant.now());
            RunRow row = RunRows.runRow(config, trained, context);
            ParquetFiles.write(staged.tableFile(Table.RUNS), RunRow.class, RunRow.getClassSchema(), List.of(row), conf);
            publisher.commit(staged);
            LOG.info("run {} {} in {} s", config.runId(), row.getStatus(), row.getWallSeconds());
            return new RunSummary(config, trained.status(), trained.message(),
                    nanIfNull(row.getFinalTrainLoss()), nanIfNull(row.getFinalTestLoss()), row.getWallSeconds(),
                    executor);
        } catch (IOException e) {
            throw new UncheckedIOException("run " + config.runId() + " could not be published", e);
        }
    }

    /**
     * Trains and writes epoch metrics, and for finished runs the latent codes and the model, into
     * the staging directory. Training exceptions become a failed run rather than a failed task:
     * retrying a deterministic failure would only fail again.
     */
    private TrainedRun trainAndStageOutputs(RunConfig config, TrainTestSplit data, StagedRun staged,
                                            Configuration conf) throws IOException {
        TrainedRun trained;
        try (TrainingArrays arrays = TrainingArrays.of(data.train(), data.test())) {
            trained = new RunTrainer(RunTask::logEpoch).train(config, arrays);
            if (trained.status() == RunStatus.OK) {
                LatentCodeWriter.write(staged.tableFile(Table.LATENT_CODES), config, trained.model(),
                        arrays.test(), data.test(), conf);
                writeModel(trained, staged.modelFile(), conf);
            }
        } catch (RuntimeException e) {
            LOG.error("run {} failed", config.runId(), e);
            trained = new TrainedRun(null, List.of(), RunStatus.FAILED, e.toString(), Double.NaN);
        }
        ParquetFiles.write(staged.tableFile(Table.EPOCH_METRICS), EpochMetricRow.class,
                EpochMetricRow.getClassSchema(), RunRows.epochRows(config, trained.epochs()), conf);
        return trained;
    }

    private static void writeModel(TrainedRun trained, Path file, Configuration conf) throws IOException {
        try (OutputStream out = file.getFileSystem(conf).create(file, true)) {
            ModelSerializer.writeModel(trained.model().network(), out, false);
        }
    }

    private static void logEpoch(RunConfig config, EpochMetrics metrics) {
        LOG.info(String.format(Locale.ROOT, "run %s %s epoch %d/%d train_loss=%.5f test_loss=%.5f %.1fs",
                config.runId(), describe(config), metrics.epoch(), config.epochs(), metrics.trainLoss(),
                metrics.testLoss(), metrics.seconds()));
    }

    static String describe(RunConfig config) {
        return String.format(Locale.ROOT, "%s/%s code=%d noise=%s:%s%s rep=%d", config.dataset(),
                config.architecture(), config.codeSize(), config.noiseKind().specName(), config.noiseLevel(),
                config.sparsityWeight() > 0 ? " l1=" + config.sparsityWeight() : "", config.replicate());
    }

    private static String executorName() {
        SparkEnv env = SparkEnv.get();
        String id = env == null ? "none" : env.executorId();
        try {
            return id + "@" + InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return id;
        }
    }

    private static double nanIfNull(Double value) {
        return value == null ? Double.NaN : value;
    }
}
