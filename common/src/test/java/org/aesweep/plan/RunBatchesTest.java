package org.aesweep.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.aesweep.spec.ArchitectureKind;
import org.aesweep.spec.FusionMode;
import org.aesweep.spec.FusionSpec;
import org.aesweep.spec.NoiseKind;
import org.aesweep.spec.ReplicateSplit;
import org.aesweep.spec.TrainingMode;
import org.aesweep.testing.TestRuns;
import org.junit.jupiter.api.Test;

class RunBatchesTest {
    private static PlannedRun planned(TestRuns run, double cost) {
        return new PlannedRun(run.build(), TrainingMode.LOCAL, cost);
    }

    private static List<Integer> sizes(List<RunBatch> batches) {
        return batches.stream().map(RunBatch::size).toList();
    }

    @Test
    void replicatesAndNoiseLevelsOfOneNetworkFuseUpToTheLimit() {
        List<PlannedRun> runs = new ArrayList<>();
        for (int replicate = 0; replicate < 5; replicate++) {
            runs.add(planned(TestRuns.shallow(32).replicate(replicate), 1));
            runs.add(planned(TestRuns.shallow(32).replicate(replicate).noise(NoiseKind.GAUSSIAN, 0.3), 1));
        }
        // Ten runs of one network: batches of 4, 4 and 2.
        assertEquals(List.of(4, 4, 2), sizes(RunBatches.of(runs, new FusionSpec(FusionMode.ON, 4))));
        assertEquals(List.of(1, 1, 1, 1, 1, 1, 1, 1, 1, 1), sizes(RunBatches.of(runs, new FusionSpec(FusionMode.OFF, 4))));
        assertEquals(10, RunBatches.of(runs, new FusionSpec(FusionMode.ON, 1)).size());
    }

    @Test
    void fusionIsOffUnlessTheSpecTurnsItOn() {
        List<PlannedRun> runs = List.of(planned(TestRuns.shallow(8), 1), planned(TestRuns.shallow(8).replicate(1), 1));
        assertEquals(List.of(1, 1), sizes(RunBatches.of(runs, FusionSpec.defaults())));
    }

    @Test
    void otherShapesArchitecturesAndDataTrainApart() {
        List<PlannedRun> runs = List.of(
                planned(TestRuns.shallow(8), 5), planned(TestRuns.shallow(16), 5),
                planned(TestRuns.shallow(8).deep(List.of(64)), 5),
                planned(TestRuns.shallow(8).kind(ArchitectureKind.SPARSE, List.of()), 5),
                planned(TestRuns.shallow(8).kind(ArchitectureKind.SPARSE, List.of()).replicate(1), 5),
                planned(TestRuns.shallow(8).sampling(ReplicateSplit.DISJOINT, 2), 5),
                planned(TestRuns.shallow(8).sampling(ReplicateSplit.DISJOINT, 2).replicate(1), 5),
                planned(TestRuns.shallow(8).epochs(9), 5));
        assertEquals(8, RunBatches.of(runs, new FusionSpec(FusionMode.ON, 8)).size());
    }

    @Test
    void batchesComeCostliestFirst() {
        List<PlannedRun> runs = List.of(
                planned(TestRuns.shallow(8), 1), planned(TestRuns.shallow(8).replicate(1), 1),
                planned(TestRuns.shallow(64), 3),
                planned(TestRuns.shallow(32), 1), planned(TestRuns.shallow(32).replicate(1), 1),
                planned(TestRuns.shallow(32).replicate(2), 1), planned(TestRuns.shallow(32).replicate(3), 1));
        List<RunBatch> batches = RunBatches.of(runs, new FusionSpec(FusionMode.ON, 8));
        assertEquals(List.of(4.0, 3.0, 2.0), batches.stream().map(RunBatch::estimatedCost).toList());
    }
}
