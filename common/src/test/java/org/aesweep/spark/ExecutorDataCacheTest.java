package org.aesweep.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import java.util.stream.IntStream;

import org.aesweep.data.LabeledImages;
import org.aesweep.data.TrainTestSplit;
import org.aesweep.spec.InputScaling;
import org.aesweep.spec.LossKind;
import org.aesweep.spec.OutputActivation;
import org.aesweep.spec.ReplicateSplit;
import org.aesweep.spec.RunConfig;
import org.aesweep.spec.ValidationSize;
import org.aesweep.testing.RealData;
import org.aesweep.testing.TestRuns;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;

/**
 * The cache hands each run its samples in its input scaling, on real MNIST: a symmetric run gets
 * the unit run's samples mapped to [-1, 1], and each scaling is kept once.
 */
class ExecutorDataCacheTest {
    private static final Configuration CONF = new Configuration();

    private static TestRuns mnist() {
        return TestRuns.shallow(4).dataset("mnist").limits(300, 100).validation(ValidationSize.ofCount(50));
    }

    private static TestRuns symmetric(TestRuns runs) {
        return runs.output(OutputActivation.TANH, InputScaling.SYMMETRIC).loss(LossKind.MSE);
    }

    private static TrainTestSplit data(RunConfig config) {
        return ExecutorDataCache.get(RealData.root().toString(), config, CONF);
    }

    @Test
    void aSymmetricRunGetsTheUnitRunsSamplesMappedToMinusOneToOne() {
        TrainTestSplit unit = data(mnist().build());
        TrainTestSplit symmetric = data(symmetric(mnist()).build());

        List<LabeledImages> unitSets = List.of(unit.train(), unit.test(), unit.validation());
        List<LabeledImages> symmetricSets = List.of(symmetric.train(), symmetric.test(), symmetric.validation());
        for (int set = 0; set < unitSets.size(); set++) {
            LabeledImages plain = unitSets.get(set);
            LabeledImages scaled = symmetricSets.get(set);
            assertEquals(InputScaling.UNIT, plain.scaling());
            assertEquals(InputScaling.SYMMETRIC, scaled.scaling());
            assertArrayEquals(sources(plain), sources(scaled), "the same samples");
            assertEquals(0f, min(plain.pixels()));
            assertEquals(1f, max(plain.pixels()));
            // MNIST has black (0) and white (255) pixels: they land on the range's ends.
            assertEquals(-1f, min(scaled.pixels()), "set " + set);
            assertEquals(1f, max(scaled.pixels()), "set " + set);
            for (int i = 0; i < plain.pixels().length; i++) {
                assertEquals(2 * plain.pixels()[i] - 1, scaled.pixels()[i], 1e-7f);
            }
        }
    }

    @Test
    void eachScalingIsCachedOnceAndUnitDataIsTheDataRunsAlwaysHad() {
        RunConfig unitRun = mnist().build();
        RunConfig symmetricRun = symmetric(mnist()).build();
        TrainTestSplit unit = data(unitRun);

        assertSame(unit, data(unitRun));
        assertSame(unit, ExecutorDataCache.get(RealData.root().toString(), symmetricRun, InputScaling.UNIT, CONF),
                "a symmetric run's samples in [0, 1] are the unit runs' cached ones");
        assertSame(data(symmetricRun), data(symmetricRun));
        assertNotSame(unit.train(), data(symmetricRun).train());
    }

    @Test
    void aScaledReplicatesPartIsTheScaledPartOfTheUnitRun() {
        RunConfig unitRun = mnist().sampling(ReplicateSplit.DISJOINT, 2).replicate(1).build();
        RunConfig symmetricRun = symmetric(mnist()).sampling(ReplicateSplit.DISJOINT, 2).replicate(1).build();
        LabeledImages unitPart = data(unitRun).train();
        LabeledImages symmetricPart = data(symmetricRun).train();

        assertEquals(InputScaling.SYMMETRIC, symmetricPart.scaling());
        assertArrayEquals(sources(unitPart), sources(symmetricPart));
        assertArrayEquals(unitPart.scaled(InputScaling.SYMMETRIC).pixels(), symmetricPart.pixels(), 0f);
        assertSame(symmetricPart, data(symmetricRun).train());
    }

    private static int[] sources(LabeledImages images) {
        return IntStream.range(0, images.count()).map(images::sourceIndex).toArray();
    }

    private static float min(float[] values) {
        float min = Float.POSITIVE_INFINITY;
        for (float value : values) {
            min = Math.min(min, value);
        }
        return min;
    }

    private static float max(float[] values) {
        float max = Float.NEGATIVE_INFINITY;
        for (float value : values) {
            max = Math.max(max, value);
        }
        return max;
    }
}
