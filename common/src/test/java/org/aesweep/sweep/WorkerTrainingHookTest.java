package org.aesweep.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.aesweep.model.Autoencoder;
import org.aesweep.model.AutoencoderFactory;
import org.aesweep.spark.SparkSessions;
import org.aesweep.spec.NoiseDraw;
import org.aesweep.spec.InputScaling;
import org.aesweep.spec.LossKind;
import org.aesweep.spec.NoiseKind;
import org.aesweep.spec.OutputActivation;
import org.aesweep.spec.RunConfig;
import org.aesweep.testing.TestRuns;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/** The worker hook corrupts inputs only, keeps targets clean, and averages losses as local training does. */
class WorkerTrainingHookTest {
    private static final int SIDE = 28;
    private static SparkSession spark;
    private static JavaSparkContext jsc;

    @BeforeAll
    static void startSpark() {
        spark = SparkSessions.create("aesweep-hook", "local[1]");
        jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    }

    @AfterAll
    static void stopSpark() {
        spark.close();
    }

    @Test
    void masksInputsAtTheLevelAndLeavesTargetsClean() {
        RunConfig config = TestRuns.shallow(4).noise(NoiseKind.MASKING, 0.5).build();
        Autoencoder model = AutoencoderFactory.build(config, SIDE, SIDE);
        WorkerTrainingHook hook = WorkerTrainingHook.register(jsc, config, model);
        INDArray clean = Nd4j.ones(DataType.FLOAT, 200, SIDE * SIDE);
        DataSet minibatch = new DataSet(clean, clean);

        hook.preUpdate(minibatch, model.network());

        double keptShare = minibatch.getFeatures().meanNumber().doubleValue();
        assertEquals(0.5, keptShare, 0.01, "share of inputs kept");
        assertEquals(1.0, minibatch.getLabels().minNumber().doubleValue(), "targets stay clean");
        assertNotEquals(minibatch.getFeatures(), minibatch.getLabels());
        assertEquals(1, hook.workersSeen().size(), "the worker recorded itself");
    }

    /** Masking a [-1, 1] image sets pixels to -1, the black of [0, 1]'s 0. */
    @Test
    void masksScaledInputsToTheRangesLowEnd() {
        RunConfig config = TestRuns.shallow(4).noise(NoiseKind.MASKING, 0.5).loss(LossKind.MSE)
                .output(OutputActivation.TANH, InputScaling.SYMMETRIC).build();
        Autoencoder model = AutoencoderFactory.build(config, SIDE, SIDE);
        WorkerTrainingHook hook = WorkerTrainingHook.register(jsc, config, model);
        INDArray white = Nd4j.ones(DataType.FLOAT, 200, SIDE * SIDE);
        DataSet minibatch = new DataSet(white, white);

        hook.preUpdate(minibatch, model.network());

        INDArray inputs = minibatch.getFeatures();
        assertEquals(0.5, inputs.eq(-1.0).castTo(DataType.FLOAT).meanNumber().doubleValue(), 0.01, "share masked");
        assertEquals(0.0, inputs.meanNumber().doubleValue(), 0.02, "masked -1s and kept 1s, half each");
        assertEquals(1.0, minibatch.getLabels().minNumber().doubleValue(), "targets stay clean");
    }

    @Test
    void leavesTheInputsOfAFixedDrawAsTheyCome() {
        RunConfig config = TestRuns.shallow(4).noise(NoiseKind.MASKING, 0.5).noiseDraw(NoiseDraw.FIXED).build();
        Autoencoder model = AutoencoderFactory.build(config, SIDE, SIDE);
        WorkerTrainingHook hook = WorkerTrainingHook.register(jsc, config, model);
        INDArray inputs = Nd4j.ones(DataType.FLOAT, 200, SIDE * SIDE);
        DataSet minibatch = new DataSet(inputs, inputs.dup());

        hook.preUpdate(minibatch, model.network());

        assertSame(inputs, minibatch.getFeatures(), "the batches came noisy from the run's fixed copy");
    }

    @Test
    void meanLossIsTheSampleWeightedPerElementLossOfTheFittedMinibatches() {
        RunConfig config = TestRuns.shallow(4).build();
        Autoencoder model = AutoencoderFactory.build(config, SIDE, SIDE);
        WorkerTrainingHook hook = WorkerTrainingHook.register(jsc, config, model);
        double expectedSum = 0;
        int samples = 0;
        for (int size : List.of(30, 10)) {
            INDArray batch = Nd4j.rand(DataType.FLOAT, size, SIDE * SIDE);
            DataSet minibatch = new DataSet(batch, batch);
            hook.preUpdate(minibatch, model.network());
            model.network().fit(minibatch);
            hook.postUpdate(minibatch, model.network());
            expectedSum += model.perElementLoss(model.network().score()) * size;
            samples += size;
        }
        assertEquals(expectedSum / samples, hook.meanLoss(), 1e-9);
        assertEquals(samples, hook.samplesPerEpoch());
        assertTrue(hook.meanLoss() > 0.1 && hook.meanLoss() < 1.0, "per-element BCE scale: " + hook.meanLoss());

        hook.resetLoss();
        assertTrue(Double.isNaN(hook.meanLoss()));
    }
}
