package org.aesweep.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.aesweep.spec.ReplicateSampling;
import org.aesweep.spec.ReplicateSplit;
import org.aesweep.tables.avro.RunRow;
import org.junit.jupiter.api.Test;

/** Which design a grid point's runs rows make, and in which order its replicates come. */
class DesignedRunsTest {
    @Test
    void crossedRunsFillTheirCellsWhateverOrderTheyComeIn() {
        ReplicateSampling sampling = ReplicateSampling.crossed(3, 2);
        List<RunRow> runs = runs(sampling, sampling.replicates());
        Collections.shuffle(runs, new Random(4));

        DesignedRuns designed = DesignedRuns.of(runs);

        CrossedDesign design = assertInstanceOf(CrossedDesign.class, designed.design());
        assertEquals(3, design.splits());
        assertEquals(2, design.seeds());
        for (int d = 0; d < 3; d++) {
            for (int s = 0; s < 2; s++) {
                RunRow cell = designed.runs().get(design.cells()[d][s]);
                assertEquals(d, cell.getDataSplit());
                assertEquals(s, cell.getSeedIndex());
            }
        }
        assertNull(designed.note());
    }

    @Test
    void aCrossedGroupWithAMissingCellKeepsTheCompleteSplits() {
        ReplicateSampling sampling = ReplicateSampling.crossed(3, 2);
        List<RunRow> runs = runs(sampling, sampling.replicates());
        runs.removeIf(run -> run.getDataSplit() == 1 && run.getSeedIndex() == 0);

        DesignedRuns designed = DesignedRuns.of(runs);

        CrossedDesign design = assertInstanceOf(CrossedDesign.class, designed.design());
        assertEquals(2, design.splits());
        assertEquals(4, designed.runs().size());
        assertTrue(designed.runs().stream().noneMatch(run -> run.getDataSplit() == 1));
        assertEquals("crossed over the 2 of 3 data splits whose 2 seeds all finished", designed.note());
    }

    @Test
    void aCrossedGroupWithoutTwoCompleteSplitsIsDecomposedAsIndependentReplicates() {
        ReplicateSampling sampling = ReplicateSampling.crossed(2, 2);
        List<RunRow> runs = runs(sampling, sampling.replicates());
        runs.remove(0);

        DesignedRuns designed = DesignedRuns.of(runs);

        assertEquals(new SingleFactorDesign(3), designed.design());
        assertTrue(designed.note().contains("independent replicates"), designed.note());
    }

    @Test
    void otherSplitsAreIndependentReplicatesInTheirOwnOrder() {
        for (ReplicateSampling sampling : List.of(ReplicateSampling.seeds(3),
                new ReplicateSampling(ReplicateSplit.DISJOINT, 4))) {
            List<RunRow> runs = runs(sampling, sampling.replicates());

            DesignedRuns designed = DesignedRuns.of(runs);

            assertEquals(new SingleFactorDesign(sampling.replicates()), designed.design());
            assertArrayEquals(runs.toArray(), designed.runs().toArray());
            assertNull(designed.note());
        }
    }

    /** Runs rows of replicates 0..count-1 with the columns the design reads. */
    private static List<RunRow> runs(ReplicateSampling sampling, int count) {
        List<RunRow> runs = new ArrayList<>();
        for (int r = 0; r < count; r++) {
            RunRow run = new RunRow();
            run.setRunId("run-" + r);
            run.setReplicate(r);
            run.setReplicates(sampling.replicates());
            run.setReplicateSplit(sampling.split().specName());
            run.setDataSplits(sampling.dataSplits());
            run.setDataSplit(sampling.cutsTrainingData() ? sampling.dataSplitOf(r) : null);
            run.setSeedIndex(sampling.seedIndexOf(r));
            runs.add(run);
        }
        return runs;
    }
}
