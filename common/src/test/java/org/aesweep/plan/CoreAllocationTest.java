package org.aesweep.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;

import org.aesweep.spec.TrainingMode;
import org.aesweep.testing.TestRuns;
import org.junit.jupiter.api.Test;

class CoreAllocationTest {
    private static List<RunBatch> batches(double... costs) {
        List<RunBatch> batches = new ArrayList<>();
        for (int i = 0; i < costs.length; i++) {
            batches.add(new RunBatch(List.of(new PlannedRun(TestRuns.shallow(8).replicate(i).build(),
                    TrainingMode.LOCAL, costs[i]))));
        }
        return batches;
    }

    private static List<Integer> cores(List<RunBatch> batches) {
        return batches.stream().map(RunBatch::cores).toList();
    }

    @Test
    void aLoneRunGetsTheWholeExecutor() {
        assertEquals(List.of(2), cores(CoreAllocation.allocate(batches(5e9), 2, 2, 1)));
        assertEquals(List.of(16), cores(CoreAllocation.allocate(batches(5e9), 64, 16, 1)));
    }

    @Test
    void runsOfEqualCostStaySideBySideWithOneShareEach() {
        assertEquals(List.of(0, 0), cores(CoreAllocation.allocate(batches(3, 3), 2, 2, 1)));
        assertEquals(List.of(0, 0, 0, 0, 0), cores(CoreAllocation.allocate(batches(3, 3, 3, 3, 3), 2, 2, 1)));
    }

    @Test
    void aRunThatOutlastsTheRestOfTheSweepIsWidenedAndTheOthersAreNot() {
        // 4 slots, total 24: average load 6 per slot; only the 12 outlasts it.
        assertEquals(List.of(4, 0, 0, 0, 0, 0, 0), cores(CoreAllocation.allocate(batches(12, 6, 2, 1, 1, 1, 1), 4, 4, 1)));
        // A run exactly at the average finishes with the others: no need to widen it.
        assertEquals(List.of(0, 0), cores(CoreAllocation.allocate(batches(6, 6), 2, 4, 1)));
    }

    @Test
    void nothingChangesWithoutCoresToGiveOrCostsToCompare() {
        List<RunBatch> lone = batches(5e9);
        assertSame(lone, CoreAllocation.allocate(lone, 1, 1, 1), "one-core executors");
        assertSame(lone, CoreAllocation.allocate(lone, 2, 2, 2), "tasks already take the executor");
        assertSame(lone, CoreAllocation.allocate(lone, 2, 0, 1), "executor cores unknown");
        List<RunBatch> unestimated = batches(Double.NaN, 1);
        assertSame(unestimated, CoreAllocation.allocate(unestimated, 2, 2, 1), "no estimate");
        assertEquals(List.of(), CoreAllocation.allocate(List.of(), 2, 2, 1));
    }

    @Test
    void aBatchOfCoresZeroIsOrdinaryAndNegativeCoresAreRefused() {
        RunBatch batch = batches(1).get(0);
        assertEquals(false, batch.wide());
        assertEquals(true, batch.withCores(3).wide());
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> batch.withCores(-1));
    }
}
