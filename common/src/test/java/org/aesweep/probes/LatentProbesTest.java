package org.aesweep.probes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class LatentProbesTest {
    /** n codes of c units: class k sits around k * spacing on unit 0, with Gaussian noise of sd 1. */
    private static INDArray clusters(int[] labels, int units, double spacing, long seed) {
        Random random = new Random(seed);
        float[][] codes = new float[labels.length][units];
        for (int i = 0; i < labels.length; i++) {
            for (int u = 0; u < units; u++) {
                codes[i][u] = (float) random.nextGaussian();
            }
            codes[i][0] += (float) (labels[i] * spacing);
        }
        return Nd4j.create(codes);
    }

    private static int[] labels(int n, int classes, long seed) {
        Random random = new Random(seed);
        return random.ints(n, 0, classes).toArray();
    }

    @Test
    void separatedClassesAreFoundAndShuffledLabelsAreAtChance() {
        int[] train = labels(2000, 10, 1);
        int[] test = labels(500, 10, 2);
        LatentProbes.Result separated = LatentProbes.measure(clusters(train, 4, 20, 3), train,
                clusters(test, 4, 20, 4), test, 5);
        assertEquals(1.0, separated.knn1LabelledAccuracy(), 1e-9);
        assertEquals(1.0, separated.knn5Accuracy(), 1e-9);

        int[] shuffled = labels(2000, 10, 6);
        LatentProbes.Result chance = LatentProbes.measure(clusters(train, 4, 20, 3), shuffled,
                clusters(test, 4, 20, 4), test, 5);
        assertTrue(chance.knn5Accuracy() < 0.2, "chance is 0.1: " + chance);
    }

    @Test
    void nearestNeighbourAccuracyMatchesABruteForceCount() {
        Random random = new Random(11);
        int dims = 6;
        // Two blocks of references, the second partial, and several chunks of queries, the last partial.
        float[][] reference = new float[KnnClassifier.REFERENCE_BLOCK + 900][dims];
        float[][] queries = new float[600][dims];
        int[] referenceLabels = new int[reference.length];
        int[] queryLabels = new int[queries.length];
        for (int i = 0; i < reference.length; i++) {
            referenceLabels[i] = random.nextInt(4);
            for (int d = 0; d < dims; d++) {
                reference[i][d] = (float) (random.nextGaussian() + referenceLabels[i] * (d == 0 ? 1.5 : 0));
            }
        }
        for (int i = 0; i < queries.length; i++) {
            queryLabels[i] = random.nextInt(4);
            for (int d = 0; d < dims; d++) {
                queries[i][d] = (float) (random.nextGaussian() + queryLabels[i] * (d == 0 ? 1.5 : 0));
            }
        }
        for (int k : new int[] {1, 5}) {
            double expected = bruteForceAccuracy(reference, referenceLabels, queries, queryLabels, k);
            assertEquals(expected, KnnClassifier.accuracy(Nd4j.create(reference), referenceLabels, Nd4j.create(queries),
                    queryLabels, k), 1e-12, "k=" + k);
            assertTrue(expected > 0.35 && expected < 0.95, "the classes overlap but are learnable: " + expected);
        }
    }

    /** Sorts all distances in double precision; a tied vote goes to the nearest neighbour's class. */
    private static double bruteForceAccuracy(float[][] reference, int[] referenceLabels, float[][] queries,
                                             int[] queryLabels, int k) {
        int correct = 0;
        for (int q = 0; q < queries.length; q++) {
            Integer[] order = new Integer[reference.length];
            double[] distance = new double[reference.length];
            for (int r = 0; r < reference.length; r++) {
                order[r] = r;
                for (int d = 0; d < queries[q].length; d++) {
                    double diff = queries[q][d] - reference[r][d];
                    distance[r] += diff * diff;
                }
            }
            java.util.Arrays.sort(order, java.util.Comparator.comparingDouble(r -> distance[r]));
            int[] votes = new int[4];
            int winner = referenceLabels[order[0]];
            for (int i = 0; i < k; i++) {
                int label = referenceLabels[order[i]];
                votes[label]++;
                if (votes[label] > votes[winner]) {
                    winner = label;
                }
            }
            correct += winner == queryLabels[q] ? 1 : 0;
        }
        return (double) correct / queries.length;
    }

    @Test
    void labelledSubsetTakesTenPerClass() {
        int[] labels = labels(1000, 10, 7);
        int[] chosen = LatentProbes.labelledSubset(labels, 8);
        assertEquals(100, chosen.length);
        int[] perClass = new int[10];
        Arrays.stream(chosen).forEach(i -> perClass[labels[i]]++);
        assertTrue(Arrays.stream(perClass).allMatch(count -> count == 10), Arrays.toString(perClass));
    }

    @Test
    void sparsityCountsSilentValuesAndDeadUnits() {
        // Unit 0 always on, unit 1 on for half the samples, units 2 and 3 dead.
        float[][] codes = new float[100][4];
        for (int i = 0; i < 100; i++) {
            codes[i][0] = 2f;
            codes[i][1] = i % 2 == 0 ? 1f : 0f;
        }
        int[] labels = new int[100];
        LatentProbes.Result result = LatentProbes.measure(Nd4j.create(codes), labels, Nd4j.create(codes), labels, 1);
        assertEquals(0.5, result.deadUnitShare(), 1e-9);
        assertEquals((50 + 100 + 100) / 400.0, result.nearZeroShare(), 1e-9);
        assertEquals((200 + 50) / 400.0, result.meanActivation(), 1e-6);
    }

    @Test
    void topTwoVarianceShareOfPlanarAndIsotropicCodes() {
        Random random = new Random(9);
        INDArray planar = Nd4j.create(DataType.FLOAT, 1000, 6);
        INDArray isotropic = Nd4j.create(DataType.FLOAT, 1000, 10);
        for (int i = 0; i < 1000; i++) {
            double a = random.nextGaussian();
            double b = random.nextGaussian();
            for (int u = 0; u < 6; u++) {
                planar.putScalar(i, u, a * (u + 1) + b * (6 - u));
            }
            for (int u = 0; u < 10; u++) {
                isotropic.putScalar(i, u, random.nextGaussian());
            }
        }
        assertEquals(1.0, LatentProbes.topTwoVarianceShare(planar), 1e-6);
        assertEquals(0.2, LatentProbes.topTwoVarianceShare(isotropic), 0.05);
        assertEquals(1.0, LatentProbes.topTwoVarianceShare(Nd4j.rand(DataType.FLOAT, 50, 2)));
    }
}
