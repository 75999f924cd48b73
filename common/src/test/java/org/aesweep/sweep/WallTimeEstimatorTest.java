package org.aesweep.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.aesweep.plan.PlannedRun;
import org.aesweep.plan.RunBatch;
import org.aesweep.plan.SweepPlan;
import org.aesweep.plan.WallTimeEstimate;
import org.aesweep.spark.ExecutorCores;
import org.aesweep.spark.LocalStage;
import org.aesweep.spec.FusionSpec;
import org.aesweep.spec.NoiseDraw;
import org.aesweep.spec.NoiseKind;
import org.aesweep.spec.ParameterAveragingSpec;
import org.aesweep.spec.ReplicateSplit;
import org.aesweep.spec.TrainingMode;
import org.aesweep.testing.TestRuns;
import org.aesweep.train.TrainingSpeedProbe.Speed;
import org.apache.spark.SparkConf;
import org.junit.jupiter.api.Test;

class WallTimeEstimatorTest {
    private static final long TRAIN = 1000;
    private static final long TEST = 100;
    /** 1 ms per training image and 0.1 ms per scored one with one thread; half that with more. */
    private static final WallTimeEstimator.SpeedSource FIXED = (run, rows, cols, threads) ->
            threads == 1 ? new Speed(1e-3, 1e-4) : new Speed(0.5e-3, 0.5e-4);

    private static SweepPlan plan(List<PlannedRun> averaged, List<PlannedRun> local) {
        return new SweepPlan(averaged, local, ParameterAveragingSpec.defaults(), FusionSpec.defaults(), 28, 28, TRAIN,
                TEST);
    }

    private static PlannedRun run(TestRuns run) {
        return new PlannedRun(run.epochs(2).build(), TrainingMode.LOCAL, 1);
    }

    @Test
    void aRunCostsItsEpochsItsTestLossesAndItsFinalScoringAndCodes() {
        PlannedRun clean = run(TestRuns.shallow(8));
        List<RunBatch> batches = List.of(new RunBatch(List.of(clean)));
        WallTimeEstimator estimator = new WallTimeEstimator(plan(List.of(), List.of(clean)), FIXED);
        WallTimeEstimate estimate = estimator.estimate(List.of(), 1, LocalStage.of(batches,
                new ExecutorCores(2, 1, false), new SparkConf(false)), new ExecutorCores(2, 1, false), 2);
        // 2 epochs x (1000 x 1 ms + 100 x 0.1 ms) + (2 x 1000 + 100) x 0.1 ms
        assertEquals(2 * (1.0 + 0.01) + 0.21, estimate.localSeconds(), 1e-9);
        assertEquals(0, estimate.wideSeconds(), 0.0);
    }

    @Test
    void noisyRunsScoreTwiceAnEpochAndDisjointReplicatesTrainOnTheirPart() {
        PlannedRun noisy = run(TestRuns.shallow(8).noise(NoiseKind.GAUSSIAN, 0.2));
        PlannedRun part = run(TestRuns.shallow(8).sampling(ReplicateSplit.DISJOINT, 4));
        WallTimeEstimator estimator = new WallTimeEstimator(plan(List.of(), List.of(noisy, part)), FIXED);
        ExecutorCores oneSlot = new ExecutorCores(1, 1, false);
        WallTimeEstimate estimate = estimator.estimate(List.of(), 1, LocalStage.of(List.of(new RunBatch(
                List.of(noisy)), new RunBatch(List.of(part))), oneSlot, new SparkConf(false)), oneSlot, 1);
        double noisySeconds = 2 * (1.0 + 2 * 0.01) + 0.21;
        double partSeconds = 2 * (0.25 + 0.01) + (2 * 250 + 100) * 1e-4;
        assertEquals(noisySeconds + partSeconds, estimate.localSeconds(), 1e-9);
    }

    @Test
    void levelZeroScoresOnceAnEpochAndAFixedDrawIsProbedApart() {
        PlannedRun levelZero = run(TestRuns.shallow(8).noise(NoiseKind.GAUSSIAN, 0.0));
        PlannedRun perBatch = run(TestRuns.shallow(8).noise(NoiseKind.GAUSSIAN, 0.2));
        PlannedRun fixed = run(TestRuns.shallow(8).noise(NoiseKind.GAUSSIAN, 0.2).noiseDraw(NoiseDraw.FIXED));
        WallTimeEstimator estimator = new WallTimeEstimator(plan(List.of(), List.of(levelZero, perBatch, fixed)), FIXED);
        ExecutorCores oneSlot = new ExecutorCores(1, 1, false);
        WallTimeEstimate estimate = estimator.estimate(List.of(), 1, LocalStage.of(List.of(new RunBatch(
                List.of(levelZero)), new RunBatch(List.of(perBatch)), new RunBatch(List.of(fixed))), oneSlot,
                new SparkConf(false)), oneSlot, 1);
        double clean = 2 * (1.0 + 0.01) + 0.21;
        double noisy = 2 * (1.0 + 2 * 0.01) + 0.21;
        assertEquals(clean + 2 * noisy, estimate.localSeconds(), 1e-9);
        assertEquals(2, estimator.probes(), "level 0 and per_batch share a probe; fixed steps differ");
    }

    @Test
    void wideBatchesRunWithTheExecutorsThreadsOnePerExecutorAndAveragedRunsOverTheirWorkers() {
        List<RunBatch> batches = new ArrayList<>();
        for (int replicate = 0; replicate < 3; replicate++) {
            batches.add(new RunBatch(List.of(run(TestRuns.shallow(8).replicate(replicate))), 2));
        }
        batches.add(new RunBatch(List.of(run(TestRuns.shallow(4)))));
        PlannedRun averaged = new PlannedRun(TestRuns.shallow(16).epochs(2).build(),
                TrainingMode.PARAMETER_AVERAGING, 1);
        List<PlannedRun> local = batches.stream().flatMap(batch -> batch.runs().stream()).toList();
        double oneThread = 2 * (1.0 + 0.01) + 0.21;

        // A cluster of 2 executors x 2 cores: the three wide runs take two rounds, the averaged run splits over 2 workers.
        ExecutorCores cluster = new ExecutorCores(2, 1, true);
        WallTimeEstimator onCluster = new WallTimeEstimator(plan(List.of(averaged), local), FIXED);
        WallTimeEstimate estimate = onCluster.estimate(List.of(averaged), 2,
                LocalStage.of(batches, cluster, new SparkConf(false)), cluster, 4);
        assertEquals(2 * oneThread / 2, estimate.wideSeconds(), 1e-9);
        assertEquals(oneThread, estimate.localSeconds(), 1e-9);
        assertEquals(oneThread / 2, estimate.parameterAveragedSeconds(), 1e-9);
        assertEquals(3, onCluster.probes(), "shallow-8 with 2 threads (once for its three replicates), shallow-4 and"
                + " shallow-16 with 1");

        // Local mode, one executor: the wide runs go one after another.
        ExecutorCores localMode = new ExecutorCores(2, 1, false);
        WallTimeEstimate inLocalMode = new WallTimeEstimator(plan(List.of(), local), FIXED).estimate(List.of(), 1,
                LocalStage.of(batches, localMode, new SparkConf(false)), localMode, 2);
        assertEquals(3 * oneThread / 2, inLocalMode.wideSeconds(), 1e-9);
    }
}
