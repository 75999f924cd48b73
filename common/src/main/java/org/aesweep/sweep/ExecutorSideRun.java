package org.aesweep.sweep;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;

import org.aesweep.data.LabeledImages;
import org.aesweep.data.TrainTestSplit;
import org.aesweep.model.Autoencoder;
import org.aesweep.model.AutoencoderFactory;
import org.aesweep.outputs.RunContext;
import org.aesweep.outputs.RunOutputs;
import org.aesweep.outputs.RunSummary;
import org.aesweep.plan.PlannedRun;
import org.aesweep.spark.ExecutorDataCache;
import org.aesweep.spark.ExecutorThreads;
import org.aesweep.spark.SparkTasks;
import org.aesweep.spark.TaskDevice;
import org.aesweep.spec.RunConfig;
import org.aesweep.tables.RunAttempt;
import org.aesweep.train.EpochMetrics;
import org.aesweep.train.LossEvaluator;
import org.aesweep.train.RunEngine;
import org.aesweep.train.RunStatus;
import org.aesweep.train.TestSetEvaluator;
import org.aesweep.train.TrainedRun;
import org.aesweep.train.TrainingArrays;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.util.SerializableConfiguration;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The parts of a data-parallel run that need the data set, each run as a single Spark task on an
 * executor so the driver never loads it: the test losses after every epoch, and at the end the
 * full training loss, latent codes, model and table rows, written like those of any run.
 */
final class ExecutorSideRun implements Serializable {
    private final SweepSettings settings;
    private final SerializableConfiguration hadoopConf;

    ExecutorSideRun(SweepSettings settings, Configuration hadoopConf) {
        this.settings = settings;
        this.hadoopConf = new SerializableConfiguration(hadoopConf);
    }

    /** What the last averaging round produced, and how the run went. */
    record Outcome(PlannedRun run, float[] params, List<EpochMetrics> epochs, RunStatus status, String message,
                   int workers, String executors, String devices, Instant startedAt, RunAttempt attempt)
            implements Serializable {
    }

    /**
     * {test loss, denoising test loss (NaN without noise), validation loss (NaN without a
     * validation split)} of the network with {@code params}.
     */
    double[] testLosses(JavaSparkContext jsc, RunConfig config, float[] params) {
        return onOneExecutor(jsc, () -> {
            ExecutorThreads.configureForCurrentTask();
            TrainTestSplit data = data(config);
            // Only the test and validation sets are needed: building the training matrix too would copy it every epoch.
            LossEvaluator losses = RunEngine.of(config).evaluator(config, model(config, params, data.train()));
            double validationLoss = Double.NaN;
            if (data.hasValidation()) {
                try (INDArray validation = TrainingArrays.toMatrix(data.validation())) {
                    validationLoss = losses.evaluate(validation, validation);
                }
            }
            try (INDArray test = TrainingArrays.toMatrix(data.test())) {
                TestSetEvaluator evaluator = new TestSetEvaluator(losses, config, test);
                return new double[] {evaluator.testLoss(), evaluator.denoisingTestLoss(), validationLoss};
            }
        });
    }

    /** Writes the run's outputs; returns what the driver reports and commits. */
    RunSummary publish(JavaSparkContext jsc, Outcome outcome) {
        return onOneExecutor(jsc, () -> {
            RunConfig config = outcome.run().config();
            Configuration conf = hadoopConf.value();
            // Workers train in tasks of the same default resource profile as this one.
            int threads = ExecutorThreads.configureForCurrentTask();
            TrainTestSplit data = data(config);
            TrainedRun trained;
            try (TrainingArrays arrays = TrainingArrays.of(data)) {
                Autoencoder model = outcome.params() == null ? null : model(config, outcome.params(), data.train());
                trained = outcome.status() == RunStatus.OK
                        ? TrainedRun.finished(model, outcome.epochs(), outcome.message(),
                                RunEngine.of(config).evaluator(config, model).evaluateAndEncode(arrays.train()))
                        : TrainedRun.unfinished(model, outcome.epochs(), outcome.status(), outcome.message());
                RunOutputs.writeModelOutputs(outcome.attempt(), config, trained, arrays, data, conf);
            }
            RunContext context = new RunContext(outcome.run(), outcome.workers(), 1, threads, outcome.executors(),
                    new TaskDevice(TaskDevice.backendName(), outcome.devices()), data.train().rows(),
                    data.train().cols(), data.train().count(), data.test().count(), outcome.startedAt(), Instant.now());
            return RunOutputs.finish(outcome.attempt(), trained, context, conf);
        });
    }

    private TrainTestSplit data(RunConfig config) {
        return ExecutorDataCache.get(settings.dataRoot(), config, hadoopConf.value());
    }

    private static Autoencoder model(RunConfig config, float[] params, LabeledImages train) {
        Autoencoder model = AutoencoderFactory.build(config, train.rows(), train.cols());
        model.network().setParams(Nd4j.create(params, new long[] {1, params.length}, DataType.FLOAT));
        return model;
    }

    /** A task body that may write files. */
    private interface Work<T> extends Serializable {
        T run() throws IOException;
    }

    private static <T> T onOneExecutor(JavaSparkContext jsc, Work<T> work) {
        Function<Integer, T> task = ignored -> {
            try {
                return work.run();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
        return SparkTasks.onePerIndex(jsc, 1, task).get(0);
    }
}
