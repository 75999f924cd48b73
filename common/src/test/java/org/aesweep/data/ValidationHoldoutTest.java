package org.aesweep.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import org.aesweep.spec.ReplicateSampling;
import org.aesweep.spec.ReplicateSplit;
import org.aesweep.spec.RunConfig;
import org.aesweep.spec.ValidationSize;
import org.aesweep.testing.TestRuns;
import org.junit.jupiter.api.Test;

class ValidationHoldoutTest {
    private static final int TRAIN = 200;
    private static final int TEST = 50;

    /** Each image's single pixel is its index, so the samples can be told apart by source index. */
    private static TrainTestSplit data() {
        return new TrainTestSplit(images(TRAIN), images(TEST));
    }

    private static LabeledImages images(int count) {
        float[] pixels = new float[count];
        IntStream.range(0, count).forEach(i -> pixels[i] = i);
        return LabeledImages.of(1, 1, pixels, new int[count]);
    }

    private static Set<Integer> sources(LabeledImages images) {
        Set<Integer> sources = new HashSet<>();
        IntStream.range(0, images.count()).forEach(i -> sources.add(images.sourceIndex(i)));
        return sources;
    }

    private static RunConfig run(ValidationSize size, int replicate, ReplicateSplit split, long seed) {
        RunConfig config = TestRuns.shallow(4).validation(size).sampling(split, 4).replicate(replicate).build();
        return new RunConfig(config.data(), config.architecture(), config.noise(), config.recipe(), replicate, seed);
    }

    @Test
    void theValidationPartHasExactlyItsSizeAndIsDisjointFromTheTrainingPart() {
        TrainTestSplit data = data();
        TrainTestSplit counted = ValidationHoldout.apply(data, run(ValidationSize.ofCount(30), 0, ReplicateSplit.SEED, 7));
        assertEquals(30, counted.validation().count());
        assertEquals(TRAIN - 30, counted.train().count());
        Set<Integer> train = sources(counted.train());
        Set<Integer> validation = sources(counted.validation());
        assertTrue(train.stream().noneMatch(validation::contains), "validation overlaps training");
        Set<Integer> all = new HashSet<>(train);
        all.addAll(validation);
        assertEquals(sources(data.train()), all, "together they are the training set");
        assertSame(data.test(), counted.test(), "the test set is another file and stays whole");
        TrainTestSplit fraction = ValidationHoldout.apply(data, run(ValidationSize.ofFraction(0.25), 0, ReplicateSplit.SEED, 7));
        assertEquals(50, fraction.validation().count());
        assertEquals(150, fraction.train().count());
    }

    @Test
    void theSplitFollowsTheSpecSeedNotTheReplicate() {
        ValidationSize size = ValidationSize.ofCount(40);
        Set<Integer> first = sources(ValidationHoldout.apply(data(), run(size, 0, ReplicateSplit.SEED, 7)).validation());
        assertEquals(first, sources(ValidationHoldout.apply(data(), run(size, 0, ReplicateSplit.SEED, 7)).validation()));
        assertEquals(first, sources(ValidationHoldout.apply(data(), run(size, 3, ReplicateSplit.SEED, 7)).validation()),
                "every replicate is selected on the same images");
        assertNotEquals(first, sources(ValidationHoldout.apply(data(), run(size, 0, ReplicateSplit.SEED, 8)).validation()));
    }

    @Test
    void replicateSplitsCutTheTrainingPartOnly() {
        for (ReplicateSplit split : new ReplicateSplit[] {ReplicateSplit.DISJOINT, ReplicateSplit.BOOTSTRAP}) {
            Set<Integer> validation = null;
            Set<Integer> seen = new HashSet<>();
            for (int replicate = 0; replicate < 4; replicate++) {
                RunConfig config = run(ValidationSize.ofCount(40), replicate, split, 7);
                TrainTestSplit held = ValidationHoldout.apply(data(), config);
                LabeledImages part = ReplicateSamples.select(held.train(), config);
                Set<Integer> partSources = sources(part);
                assertTrue(sources(held.train()).containsAll(partSources), split + ": part outside the training part");
                assertTrue(partSources.stream().noneMatch(sources(held.validation())::contains), split.toString());
                if (split == ReplicateSplit.DISJOINT) {
                    assertTrue(partSources.stream().noneMatch(seen::contains), "disjoint parts overlap");
                    seen.addAll(partSources);
                }
                validation = validation == null ? sources(held.validation()) : validation;
                assertEquals(validation, sources(held.validation()), "the validation part is shared");
            }
            if (split == ReplicateSplit.DISJOINT) {
                assertEquals(TRAIN - 40, seen.size(), "the disjoint parts cover the training part");
            }
        }
    }

    @Test
    void crossedReplicatesOfOneDataSplitTrainOnOnePartAndThePartsAreDisjoint() {
        Map<Integer, Set<Integer>> parts = new HashMap<>();
        for (int replicate = 0; replicate < 6; replicate++) {
            RunConfig config = TestRuns.shallow(4).validation(ValidationSize.ofCount(40))
                    .sampling(ReplicateSampling.crossed(3, 2)).replicate(replicate).build();
            Set<Integer> part = sources(ReplicateSamples.select(ValidationHoldout.apply(data(), config).train(), config));
            Set<Integer> earlier = parts.putIfAbsent(config.data().sampling().dataSplitOf(replicate), part);
            if (earlier != null) {
                assertEquals(earlier, part, "replicate " + replicate + " trains on its split's part");
            }
        }
        assertEquals(3, parts.size());
        Set<Integer> union = new HashSet<>();
        parts.values().forEach(union::addAll);
        assertEquals(TRAIN - 40, union.size(), "the 3 parts are disjoint and cover the training part");
    }

    @Test
    void withoutAValidationSplitTheDataIsUnchanged() {
        TrainTestSplit data = data();
        TrainTestSplit same = ValidationHoldout.apply(data, run(ValidationSize.none(), 0, ReplicateSplit.SEED, 7));
        assertSame(data, same);
        assertNull(same.validation());
    }
}
