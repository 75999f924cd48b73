package org.aesweep.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import org.aesweep.data.LabeledImages;
import org.aesweep.spark.ExecutorDataCache;
import org.aesweep.spark.SparkSessions;
import org.aesweep.spec.NoiseDraw;
import org.aesweep.spec.NoiseKind;
import org.aesweep.spec.RunConfig;
import org.aesweep.tables.TableLayout;
import org.aesweep.testing.SyntheticImages;
import org.aesweep.testing.TestRuns;
import org.aesweep.train.Permutations;
import org.aesweep.train.TrainingArrays;
import org.aesweep.train.TrainingNoise;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A data-parallel run's minibatches: clean targets, and for noise.draw fixed inputs from the very
 * noisy copy the run would train on in a task, the same every time the batches are built.
 */
class TrainingBatchesTest {
    private static final int TRAIN = 150;
    private static final int SLICES = 2;

    @TempDir
    Path work;

    @Test
    void aFixedDrawsBatchesHoldRowsOfTheRunsNoisyCopyAndCleanTargets() throws Exception {
        Path data = work.resolve("synthetic");
        SyntheticImages.writeDataset(data, TRAIN, 10);
        RunConfig config = TestRuns.shallow(4).dataset(data.toString()).noise(NoiseKind.DROPOUT, 0.4)
                .noiseDraw(NoiseDraw.FIXED).build();
        SweepSettings settings = new SweepSettings(work.toString(), new TableLayout(work.resolve("out").toString(), "b"));
        try (SparkSession spark = SparkSessions.create("aesweep-training-batches", "local[1]")) {
            JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
            List<DataSet> batches = TrainingBatches.of(jsc, settings, config, 32, SLICES).collect();
            List<DataSet> rebuilt = TrainingBatches.of(jsc, settings, config, 32, SLICES).collect();

            LabeledImages train = ExecutorDataCache.get(work.toString(), config, new Configuration()).train();
            int[] order = Permutations.of(train.count(), new Random(config.runSeed()));
            INDArray clean = TrainingArrays.toMatrix(train);
            INDArray noisyCopy = TrainingNoise.fixedCopy(config, clean).orElseThrow();
            INDArray inputs = Nd4j.vstack(batches.stream().map(DataSet::getFeatures).toArray(INDArray[]::new));
            INDArray targets = Nd4j.vstack(batches.stream().map(DataSet::getLabels).toArray(INDArray[]::new));
            assertEquals(noisyCopy.getRows(order), inputs, "the copy the run trains on in a task");
            assertEquals(clean.getRows(order), targets);
            assertNotEquals(targets, inputs);
            assertEquals(inputs, Nd4j.vstack(rebuilt.stream().map(DataSet::getFeatures).toArray(INDArray[]::new)));
        }
    }
}
