package org.aesweep.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.aesweep.tables.avro.EpochMetricRow;
import org.aesweep.tables.avro.RunRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One spec, two data sets and two architectures each with its own recipe: every run trains on its
 * data set for its own architecture's epochs, batch size, optimiser and loss.
 */
class SweepJobRecipesAndDatasetsTest {
    @TempDir
    Path work;

    @Test
    void eachRunTrainsWithItsArchitecturesRecipeOnItsDataSet() throws Exception {
        Path first = IdxFixtures.dataset(work.resolve("first"), 120, 20, 28);
        Path second = IdxFixtures.dataset(work.resolve("second"), 80, 20, 28);
        Path grid = Files.writeString(work.resolve("spec.yaml"), """
                dataset: [%s, %s]
                code_sizes: [2]
                architectures:
                  - shallow
                  - name: deep
                    hidden: [16]
                    decoder: []
                    output_activation: relu
                    training: {epochs: 3, batch_size: 16, optimizer: sgd, learning_rate: 0.1, loss: mse}
                training:
                  epochs: 1
                  batch_size: 32
                """.formatted(first, second));
        String out = work.resolve("out").toString();
        assertEquals(0, TinySweeps.sweep(grid, out, "r"));

        List<RunRow> runs = TinySweeps.runRows(out, "r");
        assertEquals(4, runs.size());
        Map<String, String> recipeByRun = new TreeMap<>();
        for (RunRow run : runs) {
            recipeByRun.put(run.getDataset() + "/" + run.getArchitecture(), run.getEpochs() + " " + run.getBatchSize()
                    + " " + run.getOptimizer() + " " + run.getLearningRate() + " " + run.getLoss() + " "
                    + run.getTrainSamples() + " " + run.getOutputActivation() + " " + run.getDecoderSizes());
        }
        assertEquals(Map.of(
                first + "/shallow", "1 32 adam 0.001 bce 120 sigmoid []",
                first + "/deep", "3 16 sgd 0.1 mse 120 relu []",
                second + "/shallow", "1 32 adam 0.001 bce 80 sigmoid []",
                second + "/deep", "3 16 sgd 0.1 mse 80 relu []"), recipeByRun);

        Map<String, Long> epochsPerRun = TinySweeps.epochRows(out, "r").stream()
                .collect(Collectors.groupingBy(row -> row.getRunId().toString(), Collectors.counting()));
        for (RunRow run : runs) {
            assertEquals((long) run.getEpochs(), epochsPerRun.get(run.getRunId().toString()), run.toString());
        }
    }
}
