package org.aesweep.sweep;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

import org.aesweep.model.Autoencoder;
import org.aesweep.model.AutoencoderFactory;
import org.aesweep.outputs.RunSummary;
import org.aesweep.plan.PlannedRun;
import org.aesweep.spark.TaskSlots;
import org.aesweep.spec.ParameterAveragingSpec;
import org.aesweep.spec.RunConfig;
import org.aesweep.tables.RunAttempt;
import org.aesweep.train.EpochMetrics;
import org.aesweep.train.RunStatus;
import org.aesweep.train.SelectionLoss;
import org.aesweep.train.StoppingRules;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.deeplearning4j.spark.api.RDDTrainingApproach;
import org.deeplearning4j.spark.api.Repartition;
import org.deeplearning4j.spark.impl.multilayer.SparkDl4jMultiLayer;
import org.deeplearning4j.spark.impl.paramavg.ParameterAveragingTrainingMaster;
import org.deeplearning4j.spark.impl.paramavg.util.ExportSupport;
import org.nd4j.linalg.dataset.DataSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains one large run data-parallel over the cluster with DL4J's parameter averaging: every
 * worker fits its own minibatches from the same parameters, and the driver averages parameters
 * (and Adam's state) every averaging_frequency minibatches. Epoch metrics, codes, model and table
 * rows are the same as for a run trained in one task; the runs row says parameter_averaging and
 * how many workers took part.
 * <p>
 * DL4J exports the minibatches once per run to files that workers read back each epoch; the export
 * goes into the run's staging directory, which commit or failure removes. Export needs a file
 * system every worker sees, which DL4J assumes of everything but file: outside local mode; there
 * the minibatches are kept in executor memory instead (DL4J's direct approach).
 */
public final class ParameterAveragingTrainer {
    private static final Logger LOG = LoggerFactory.getLogger(ParameterAveragingTrainer.class);
    /** DL4J's default asks an NTP server for the time, which fails on clusters without internet. */
    private static final String TIME_SOURCE_PROPERTY = "org.deeplearning4j.spark.time.TimeSource";
    private static final String SYSTEM_CLOCK = "org.deeplearning4j.spark.time.SystemClockTimeSource";

    private final JavaSparkContext jsc;
    private final SweepSettings settings;
    private final Configuration conf;
    private final int imageRows;
    private final int imageCols;

    public ParameterAveragingTrainer(JavaSparkContext jsc, SweepSettings settings, int imageRows, int imageCols) {
        this.jsc = jsc;
        this.settings = settings;
        this.conf = jsc.hadoopConfiguration();
        this.imageRows = imageRows;
        this.imageCols = imageCols;
        System.setProperty(TIME_SOURCE_PROPERTY, SYSTEM_CLOCK);
    }

    public RunSummary train(PlannedRun run, ParameterAveragingSpec spec) {
        Instant started = Instant.now();
        RunConfig config = run.config();
        int workers = spec.workersOn(TaskSlots.of(jsc));
        int batchSize = spec.batchSizeFor(config);
        RunAttempt attempt = start(config);
        Autoencoder model = AutoencoderFactory.build(config, imageRows, imageCols);
        WorkerTrainingHook hook = WorkerTrainingHook.register(jsc, config, model);
        ParameterAveragingTrainingMaster master = trainingMaster(spec, workers, batchSize, attempt, config, hook);
        SparkDl4jMultiLayer network = new SparkDl4jMultiLayer(jsc, model.network(), master);
        JavaRDD<DataSet> batches = TrainingBatches.of(jsc, settings, config, batchSize, workers);
        ExecutorSideRun executorSide = new ExecutorSideRun(settings, conf);
        LOG.info("run {} starting with parameter averaging: {} worker(s), batch {} per worker, averaging every {}: {}",
                config.runId(), workers, batchSize, spec.averagingFrequency(), RunTask.describe(config));

        StoppingRules rules = new StoppingRules(config.recipe().stopping(), SelectionLoss.of(config));
        List<EpochMetrics> epochs = new ArrayList<>();
        RunStatus status = RunStatus.OK;
        String message = null;
        float[] params = null;
        try {
            for (int epoch = 1; epoch <= config.recipe().epochs(); epoch++) {
                hook.resetLoss();
                long start = System.nanoTime();
                network.fit(batches);
                double seconds = (System.nanoTime() - start) / 1e9;
                params = network.getNetwork().params().toFloatVector();
                double trainLoss = hook.meanLoss();
                Optional<StoppingRules.Stop> stop = rules.afterTraining(epoch, trainLoss, epochs);
                if (stop.isEmpty()) {
                    long evaluationStart = System.nanoTime();
                    double[] test = executorSide.testLosses(jsc, config, params);
                    EpochMetrics metrics = new EpochMetrics(epoch, trainLoss, test[0], test[2], test[1], seconds,
                            hook.samplesPerEpoch() / seconds, (System.nanoTime() - evaluationStart) / 1e9);
                    epochs.add(metrics);
                    RunTask.logEpoch(config, metrics);
                    stop = rules.afterEvaluation(epochs);
                }
                if (stop.isPresent()) {
                    status = stop.get().status();
                    message = stop.get().message();
                    break;
                }
            }
        } catch (RuntimeException e) {
            LOG.error("run {} failed", config.runId(), e);
            status = RunStatus.FAILED;
            message = e.toString();
        } finally {
            master.deleteTempFiles(jsc);
            batches.unpersist(false);
        }
        List<String> seen = hook.workersSeen();
        ExecutorSideRun.Outcome outcome = new ExecutorSideRun.Outcome(run, status == RunStatus.FAILED ? null : params,
                epochs, status, message, workers, Objects.requireNonNullElse(joinedPart(seen, 0), "none"),
                joinedPart(seen, 1), started,
                attempt);
        RunSummary summary = executorSide.publish(jsc, outcome);
        LOG.info(String.format(Locale.ROOT, "run %s %s in %.1f s on %s", config.runId(), summary.status().tableValue(),
                summary.wallSeconds(), outcome.executors()));
        return summary;
    }

    private RunAttempt start(RunConfig config) {
        try {
            return RunAttempt.start(settings.layout(), config.runId(), conf);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stage run " + config.runId(), e);
        }
    }

    private ParameterAveragingTrainingMaster trainingMaster(ParameterAveragingSpec spec, int workers, int batchSize,
                                                            RunAttempt attempt, RunConfig config,
                                                            WorkerTrainingHook hook) {
        boolean export = ExportSupport.exportSupported(jsc);
        return new ParameterAveragingTrainingMaster.Builder(workers, batchSize)
                .batchSizePerWorker(batchSize)
                .averagingFrequency(spec.averagingFrequency())
                .workerPrefetchNumBatches(spec.prefetch())
                .repartionData(repartition(spec))
                .rddTrainingApproach(export ? RDDTrainingApproach.Export : RDDTrainingApproach.Direct)
                .exportDirectory(new Path(attempt.stagingDir(), "dl4j-export").toString())
                .rngSeed(config.runSeed())
                .collectTrainingStats(false)
                .trainingHooks(hook)
                .build();
    }

    private static Repartition repartition(ParameterAveragingSpec spec) {
        return switch (spec.repartition()) {
            case ALWAYS -> Repartition.Always;
            case NEVER -> Repartition.Never;
            case NUM_PARTITIONS_WORKERS_DIFFERS -> Repartition.NumPartitionsWorkersDiffers;
        };
    }

    /** Field {@code index} of every "executor|device" entry, distinct, comma-joined; null if none is set. */
    private static String joinedPart(List<String> workers, int index) {
        TreeSet<String> parts = new TreeSet<>();
        for (String worker : workers) {
            String[] fields = worker.split("\\|", -1);
            if (fields.length > index && !fields[index].isEmpty()) {
                parts.add(fields[index]);
            }
        }
        return parts.isEmpty() ? null : String.join(",", parts);
    }
}
