package org.aesweep.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;

import org.aesweep.testing.TestRuns;
import org.junit.jupiter.api.Test;

/** Which data split and which seed each replicate of a split trains with. */
class ReplicateSamplingTest {
    @Test
    void crossedReplicatesRunThroughEveryPairOfDataSplitAndSeed() {
        ReplicateSampling crossed = ReplicateSampling.crossed(3, 2);
        assertEquals(6, crossed.replicates());
        assertEquals(2, crossed.seedsPerSplit());
        Set<String> pairs = new HashSet<>();
        for (int replicate = 0; replicate < 6; replicate++) {
            pairs.add(crossed.dataSplitOf(replicate) + "x" + crossed.seedIndexOf(replicate));
        }
        assertEquals(Set.of("0x0", "1x0", "2x0", "0x1", "1x1", "2x1"), pairs);
        assertEquals(2000, crossed.samplesPerReplicate(6000), "each run sees one of the 3 parts");
    }

    @Test
    void crossedRunsOfOneSeedIndexShareTheirSeedAcrossDataSplits() {
        TestRuns runs = TestRuns.shallow(8).sampling(ReplicateSampling.crossed(3, 2));
        long seed0 = runs.replicate(0).build().runSeed();
        assertEquals(seed0, runs.replicate(1).build().runSeed(), "split 1, seed 0");
        assertEquals(seed0, runs.replicate(2).build().runSeed(), "split 2, seed 0");
        long seed1 = runs.replicate(3).build().runSeed();
        assertNotEquals(seed0, seed1);
        assertEquals(seed1, runs.replicate(5).build().runSeed());
        // Crossed seeds are the seeds that replicates 0 and 1 of any other split train with.
        assertEquals(seed0, TestRuns.shallow(8).replicate(0).build().runSeed());
        assertEquals(seed1, TestRuns.shallow(8).sampling(ReplicateSplit.DISJOINT, 3).replicate(1).build().runSeed());
        assertNotEquals(runs.replicate(0).build().runId(), runs.replicate(1).build().runId());
    }

    @Test
    void otherSplitsGiveEveryReplicateItsOwnSeedAndTheirOwnDataSplits() {
        ReplicateSampling disjoint = new ReplicateSampling(ReplicateSplit.DISJOINT, 4);
        assertEquals(4, disjoint.dataSplits());
        assertEquals(3, disjoint.dataSplitOf(3));
        assertEquals(3, disjoint.seedIndexOf(3));
        ReplicateSampling seeds = ReplicateSampling.seeds(4);
        assertEquals(1, seeds.dataSplits());
        assertEquals(0, seeds.dataSplitOf(3));
        assertEquals(3, seeds.seedIndexOf(3));
        assertTrue(disjoint.cutsTrainingData() && ReplicateSampling.crossed(2, 2).cutsTrainingData());
        assertEquals(false, seeds.cutsTrainingData());
    }

    @Test
    void aCrossedCountThatDoesNotDivideTheReplicatesIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new ReplicateSampling(ReplicateSplit.CROSSED, 6, 4));
        assertThrows(IllegalArgumentException.class, () -> new ReplicateSampling(ReplicateSplit.SEED, 6, 2));
    }

    @Test
    void theCrossedDesignEntersTheRunIdButLeavesOtherSplitsIdsAlone() {
        RunConfig crossed = TestRuns.shallow(8).sampling(ReplicateSampling.crossed(2, 2)).build();
        assertTrue(crossed.canonicalForm().endsWith(";replicate_split=crossed/4;data_splits=2"),
                crossed.canonicalForm());
        assertTrue(TestRuns.shallow(8).sampling(ReplicateSplit.DISJOINT, 4).build().canonicalForm()
                .endsWith(";replicate_split=disjoint/4"));
    }
}
