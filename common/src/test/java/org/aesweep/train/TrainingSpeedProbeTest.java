package org.aesweep.train;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.aesweep.spec.ArchitectureKind;
import org.aesweep.spec.RunConfig;
import org.aesweep.testing.TestRuns;
import org.junit.jupiter.api.Test;

class TrainingSpeedProbeTest {
    @Test
    void probesTheNetworksOfDenseConvAndLstmRunsByTheirOwnTrainers() {
        for (RunConfig run : List.of(TestRuns.shallow(8).build(),
                TestRuns.shallow(8).kind(ArchitectureKind.CONV, List.of(4, 8)).batchSize(64).build(),
                TestRuns.shallow(8).kind(ArchitectureKind.LSTM, List.of(16)).batchSize(64).build())) {
            TrainingSpeedProbe.Speed speed = TrainingSpeedProbe.measure(run, 28, 28);
            assertTrue(speed.secondsPerTrainingSample() > 0 && Double.isFinite(speed.secondsPerTrainingSample()),
                    run.architecture().kind() + ": " + speed);
            assertTrue(speed.secondsPerScoredSample() > 0 && Double.isFinite(speed.secondsPerScoredSample()),
                    run.architecture().kind() + ": " + speed);
        }
    }
}
