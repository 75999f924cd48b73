package org.aesweep.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.IntStream;

import org.aesweep.spec.NoiseDraw;
import org.aesweep.spec.NoiseKind;
import org.aesweep.spec.RunConfig;
import org.aesweep.testing.SyntheticImages;
import org.aesweep.testing.TestRuns;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * noise.draw in a run's minibatches: per_batch corrupts the same images differently every epoch,
 * fixed trains on one noisy copy of the training set, the same every epoch and on every rerun.
 */
class TrainingNoiseTest {
    private static final int TRAIN = 200;

    private static TrainingArrays data() {
        return new TrainingArrays(SyntheticImages.matrix(TRAIN, 31), SyntheticImages.matrix(40, 32),
                SyntheticImages.SIDE, SyntheticImages.SIDE);
    }

    /** The inputs and targets of every training image, in row order, as one epoch's minibatches give them. */
    private static DataSet epoch(TrainingRun run, INDArray train) {
        int[] rowOrder = IntStream.range(0, TRAIN).toArray();
        DataSet batch = run.minibatch(train, rowOrder, 0, TRAIN);
        // The run reuses its buffers from step to step.
        return new DataSet(batch.getFeatures().dup(), batch.getLabels().dup());
    }

    private static TrainingRun run(RunConfig config, TrainingArrays data) {
        return new TrainingRun(config, data, (c, m) -> { }, OwnLayersEvaluator::new);
    }

    @Test
    void aFixedDrawCorruptsEveryEpochAlikeWhileAPerBatchDrawDiffers() {
        TestRuns dropout = TestRuns.shallow(4).noise(NoiseKind.DROPOUT, 0.5);
        try (TrainingArrays data = data()) {
            TrainingRun fixed = run(dropout.noiseDraw(NoiseDraw.FIXED).build(), data);
            DataSet first = epoch(fixed, data.train());
            DataSet second = epoch(fixed, data.train());
            assertEquals(first.getFeatures(), second.getFeatures());
            assertNotEquals(data.train(), first.getFeatures(), "the inputs are noisy");
            assertEquals(data.train(), first.getLabels(), "the targets are clean");
            assertEquals(data.train(), second.getLabels());

            TrainingRun perBatch = run(dropout.noiseDraw(NoiseDraw.PER_BATCH).build(), data);
            DataSet fresh = epoch(perBatch, data.train());
            assertNotEquals(fresh.getFeatures(), epoch(perBatch, data.train()).getFeatures());
            assertEquals(data.train(), fresh.getLabels());
        }
    }

    @Test
    void theFixedCopyDependsOnTheRunSeedOnlyAndIsWhatTheRunTrainsOn() {
        RunConfig config = TestRuns.shallow(4).noise(NoiseKind.GAUSSIAN_UNCLIPPED, 0.2).noiseDraw(NoiseDraw.FIXED)
                .replicate(3).build();
        try (TrainingArrays data = data()) {
            INDArray copy = TrainingNoise.fixedCopy(config, data.train()).orElseThrow();
            assertEquals(copy, TrainingNoise.fixedCopy(config, data.train()).orElseThrow());
            assertEquals(copy, epoch(run(config, data), data.train()).getFeatures(), "a rerun trains on the same copy");
            RunConfig otherReplicate = TestRuns.shallow(4).noise(NoiseKind.GAUSSIAN_UNCLIPPED, 0.2)
                    .noiseDraw(NoiseDraw.FIXED).replicate(4).build();
            assertNotEquals(copy, TrainingNoise.fixedCopy(otherReplicate, data.train()).orElseThrow());
            assertTrue(TrainingNoise.perMinibatch(config, config.runSeed()).isIdentity(),
                    "fixed inputs get no more noise per minibatch");
        }
    }

    @Test
    void theFixedCopyIsDrawnOnceOverTheWholeSetInChunksThatDoNotRepeatTheirNoise() {
        int rows = 2 * TrainingNoise.ROWS_PER_DRAW + 100;
        INDArray grey = Nd4j.valueArrayOf(new long[] {rows, 50}, 0.5f, DataType.FLOAT);
        RunConfig config = TestRuns.shallow(4).noise(NoiseKind.GAUSSIAN, 0.1).noiseDraw(NoiseDraw.FIXED).build();

        INDArray copy = TrainingNoise.fixedCopy(config, grey).orElseThrow();

        INDArray noise = copy.sub(0.5);
        assertEquals(0.1, noise.stdNumber().doubleValue(), 0.002);
        assertEquals(0.5, grey.meanNumber().doubleValue(), 0.0, "the clean set is not modified");
        INDArray firstChunk = Chunks.rows(copy, 0, 100);
        assertNotEquals(firstChunk, Chunks.rows(copy, TrainingNoise.ROWS_PER_DRAW, TrainingNoise.ROWS_PER_DRAW + 100));
        assertNotEquals(firstChunk, Chunks.rows(copy, 2L * TrainingNoise.ROWS_PER_DRAW, rows));
    }

    @Test
    void perBatchAndCleanRunsHaveNoFixedCopy() {
        INDArray train = SyntheticImages.matrix(10, 33);
        assertTrue(TrainingNoise.fixedCopy(TestRuns.shallow(4).noise(NoiseKind.MASKING, 0.3).build(), train).isEmpty());
        assertTrue(TrainingNoise.fixedCopy(TestRuns.shallow(4).noise(NoiseKind.MASKING, 0.0)
                .noiseDraw(NoiseDraw.FIXED).build(), train).isEmpty());
        assertTrue(TrainingNoise.fixedCopy(TestRuns.shallow(4).noiseDraw(NoiseDraw.FIXED).build(), train).isEmpty());
    }
}
