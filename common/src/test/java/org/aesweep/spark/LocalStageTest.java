package org.aesweep.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.aesweep.plan.PlannedRun;
import org.aesweep.plan.RunBatch;
import org.aesweep.spec.TrainingMode;
import org.aesweep.testing.TestRuns;
import org.apache.spark.SparkConf;
import org.apache.spark.resource.ResourceProfile;
import org.junit.jupiter.api.Test;

class LocalStageTest {
    private static RunBatch batch(int replicate, int cores) {
        return new RunBatch(List.of(new PlannedRun(TestRuns.shallow(8).replicate(replicate).build(),
                TrainingMode.LOCAL, 1)), cores);
    }

    private static final List<RunBatch> BATCHES = List.of(batch(0, 4), batch(1, 4), batch(2, 0), batch(3, 0));

    private static Map<String, Double> taskAmounts(ResourceProfile profile) {
        Map<String, Double> amounts = new TreeMap<>();
        profile.taskResourcesJMap().forEach((name, request) -> amounts.put(name, request.amount()));
        return amounts;
    }

    @Test
    void onAClusterTheWideBatchesAreOneJobThatTakesWholeExecutorsGpusIncluded() {
        SparkConf conf = new SparkConf(false).set("spark.executor.resource.gpu.amount", "2")
                .set("spark.task.resource.gpu.amount", "0.25");
        List<LocalStage> stages = LocalStage.of(BATCHES, new ExecutorCores(4, 1, true), conf);

        assertEquals(List.of("wide-runs", "local-runs"), stages.stream().map(LocalStage::key).toList());
        assertEquals(BATCHES.subList(0, 2), stages.get(0).batches());
        assertEquals(Map.of("cpus", 4.0, "gpu", 2.0), taskAmounts(stages.get(0).profile()));
        assertEquals(BATCHES.subList(2, 4), stages.get(1).batches());
        assertNull(stages.get(1).profile());
    }

    @Test
    void inLocalModeEachWideBatchIsAJobOfItsOwn() {
        List<LocalStage> stages = LocalStage.of(BATCHES, new ExecutorCores(4, 1, false), new SparkConf(false));

        assertEquals(List.of("wide-run-1", "wide-run-2", "local-runs"), stages.stream().map(LocalStage::key).toList());
        assertEquals(List.of(BATCHES.get(0)), stages.get(0).batches());
        assertEquals(List.of(BATCHES.get(1)), stages.get(1).batches());
        stages.forEach(stage -> assertNull(stage.profile()));
    }

    @Test
    void withoutWideBatchesThereIsOneJob() {
        List<LocalStage> stages = LocalStage.of(BATCHES.subList(2, 4), new ExecutorCores(4, 1, true), new SparkConf(false));
        assertEquals(List.of("local-runs"), stages.stream().map(LocalStage::key).toList());
    }
}
