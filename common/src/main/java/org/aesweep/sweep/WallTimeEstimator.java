package org.aesweep.sweep;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.aesweep.plan.PlannedRun;
import org.aesweep.plan.RunBatch;
import org.aesweep.plan.SweepPlan;
import org.aesweep.plan.WallTimeEstimate;
import org.aesweep.spark.ExecutorCores;
import org.aesweep.spark.ExecutorThreads;
import org.aesweep.spark.LocalStage;
import org.aesweep.spec.Architecture;
import org.aesweep.spec.RunConfig;
import org.aesweep.train.TrainingSpeedProbe.Speed;
import org.aesweep.train.TrainingSpeedProbe;

/**
 * Estimates a sweep attempt's wall time before it trains, on the driver: every distinct network
 * and recipe of the pending runs is timed once by {@link TrainingSpeedProbe}, with the threads its
 * runs will get, and a run's seconds follow from its sizes:
 * <pre>
 *   epochs x (training images x s_train + test images x s_score per test loss)
 *   + (2 x training images + test images) x s_score      (full training loss, codes of both sets)
 * </pre>
 * The probe runs on the driver's CPU: executors of another kind (GPUs) run at their own speed, and
 * the k-NN probes and the writing of files are not counted. Data-parallel runs are taken to scale
 * perfectly over their workers, which they do not quite.
 */
final class WallTimeEstimator {
    private final int imageRows;
    private final int imageCols;
    private final long trainSamples;
    private final long testSamples;
    private final SpeedSource source;
    private final Map<String, Speed> speeds = new HashMap<>();

    /** Where a network's speed comes from: {@link TrainingSpeedProbe}, or fixed figures in tests. */
    interface SpeedSource {
        Speed measure(RunConfig run, int rows, int cols, int threads);
    }

    WallTimeEstimator(SweepPlan plan) {
        this(plan, (run, rows, cols, threads) -> {
            ExecutorThreads.configureForCurrentTask(threads);
            return TrainingSpeedProbe.measure(run, rows, cols);
        });
    }

    WallTimeEstimator(SweepPlan plan, SpeedSource source) {
        this.imageRows = plan.imageRows();
        this.imageCols = plan.imageCols();
        this.trainSamples = plan.trainSamples();
        this.testSamples = plan.testSamples();
        this.source = source;
    }

    /**
     * @param stages            the local stages in the order the sweep runs them
     * @param averagingWorkers  workers of each data-parallel run
     */
    WallTimeEstimate estimate(List<PlannedRun> parameterAveraged, int averagingWorkers, List<LocalStage> stages,
                              ExecutorCores cores, int taskSlots) {
        int taskThreads = Math.max(1, cores.taskCpus());
        double averaged = 0;
        for (PlannedRun run : parameterAveraged) {
            averaged += seconds(run.config(), taskThreads) / Math.max(1, averagingWorkers);
        }
        double wide = 0;
        double local = 0;
        for (LocalStage stage : stages) {
            List<Double> taskSeconds = new ArrayList<>();
            for (RunBatch batch : stage.batches()) {
                int threads = batch.wide() ? batch.cores() : taskThreads;
                taskSeconds.add(batch.runs().stream().mapToDouble(run -> seconds(run.config(), threads)).sum());
            }
            if (stage.batches().stream().anyMatch(RunBatch::wide)) {
                int executors = Math.max(1, taskSlots * taskThreads / Math.max(1, cores.executorCores()));
                wide += WallTimeEstimate.makespan(taskSeconds, stage.profile() == null ? 1 : executors);
            } else {
                local += WallTimeEstimate.makespan(taskSeconds, taskSlots);
            }
        }
        return new WallTimeEstimate(averaged, wide, local);
    }

    int probes() {
        return speeds.size();
    }

    /** Seconds one run keeps its task busy with {@code threads} threads. */
    private double seconds(RunConfig run, int threads) {
        Speed speed = speeds.computeIfAbsent(speedKey(run) + "|threads=" + threads,
                key -> source.measure(run, imageRows, imageCols, threads));
        long train = run.data().sampling().samplesPerReplicate(trainSamples);
        double testLossesPerEpoch = run.noise().isClean() ? 1 : 2;
        double epochs = run.recipe().epochs() * (train * speed.secondsPerTrainingSample()
                + testSamples * testLossesPerEpoch * speed.secondsPerScoredSample());
        return epochs + (2 * train + testSamples) * speed.secondsPerScoredSample();
    }

    /**
     * What makes one run's steps slower than another's: its network, minibatch, optimiser and noise
     * (a fixed draw costs a gather per step rather than a draw).
     */
    private static String speedKey(RunConfig run) {
        Architecture architecture = run.architecture();
        return String.join("|", architecture.kind().specName(), architecture.hiddenSizes().toString(),
                architecture.decoderSizes().toString(), architecture.codeLayout().specName(),
                architecture.activation(), String.valueOf(architecture.codeSize()),
                String.valueOf(run.recipe().batchSize()), run.recipe().optimizer().specName(),
                run.recipe().loss().specName(), String.valueOf(architecture.sparsityWeight() > 0),
                run.noise().kind().specName(), run.noise().draw().specName());
    }

    static String describe(WallTimeEstimate estimate) {
        return String.format(Locale.ROOT, "%s (data-parallel runs %s, whole-executor runs %s, other runs %s)",
                format(estimate.totalSeconds()), format(estimate.parameterAveragedSeconds()),
                format(estimate.wideSeconds()), format(estimate.localSeconds()));
    }

    private static String format(double seconds) {
        return SweepProgress.format(Duration.ofMillis(Math.round(seconds * 1000)));
    }
}
