package org.aesweep.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.aesweep.engine.kernels.VectorApi;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The potential at means of replicates, per image: the exact sums against a loop written out here,
 * and the single-precision Vector API sums against the exact ones, on images whose pixels fill
 * whole vectors and some left over.
 */
class PotentialAtMeansTest {
    @Test
    void exactSumsAreThePotentialAtTheCountWeightedMean() {
        Random random = new Random(8);
        double[][][] p = outputs(random, 3, 4, 5);
        ReplicateParameters replicates = ReplicateParameters.of(Nd4j.zeros(4, 5), arrays(p),
                DecompositionKind.SQUARED_ERROR);
        int[] counts = {3, 0, 1};

        double[][] sums = PotentialAtMeans.exact(replicates, List.of(counts));

        for (int m = 0; m < 4; m++) {
            double expected = 0;
            for (int j = 0; j < 5; j++) {
                double mean = (3 * (double) (float) p[0][m][j] + (float) p[2][m][j]) / 4;
                expected += mean * mean;
            }
            assertEquals(expected, sums[0][m], 1e-15);
        }
    }

    @Test
    void fastSumsAgreeWithTheExactOnesToSinglePrecision() {
        assertTrue(VectorApi.moduleAvailable(), "the tests run with the Vector API module");
        Random random = new Random(9);
        // 37 pixels: whole vectors and a remainder, whatever the vector width.
        double[][][] p = outputs(random, 5, 12, 37);
        List<int[]> means = List.of(new int[] {1, 1, 1, 1, 1}, new int[] {0, 2, 0, 3, 0}, new int[] {5, 0, 0, 0, 0});
        for (DecompositionKind kind : DecompositionKind.values()) {
            ReplicateParameters replicates = ReplicateParameters.of(Nd4j.zeros(12, 37), arrays(p), kind);

            double[][] exact = PotentialAtMeans.exact(replicates, means);
            double[][] fast = PotentialAtMeans.fast(replicates, means);

            for (int k = 0; k < means.size(); k++) {
                for (int m = 0; m < 12; m++) {
                    assertEquals(exact[k][m], fast[k][m], 2e-6 * Math.abs(exact[k][m]), kind + " mean " + k);
                }
            }
        }
    }

    /** Outputs in (0, 1), some near 0 and 1, where logits are large. */
    private static double[][][] outputs(Random random, int replicates, int images, int pixels) {
        double[][][] p = new double[replicates][images][pixels];
        for (double[][] replicate : p) {
            for (double[] image : replicate) {
                for (int j = 0; j < pixels; j++) {
                    image[j] = j % 4 == 0 ? 1e-5 * random.nextDouble() : j % 4 == 1 ? 1 - 1e-5 * random.nextDouble()
                            : random.nextDouble();
                }
            }
        }
        return p;
    }

    private static List<INDArray> arrays(double[][][] replicates) {
        List<INDArray> arrays = new ArrayList<>();
        for (double[][] replicate : replicates) {
            arrays.add(Nd4j.create(replicate));
        }
        return arrays;
    }
}
