package org.aesweep.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

class TsneTest {
    @Test
    void jointAffinitiesFormADistribution() {
        double[][] points = gaussianClusters(60, 3, 5, 1);
        double[][] p = Tsne.jointAffinities(points, 10);
        double total = Arrays.stream(p).flatMapToDouble(Arrays::stream).sum();
        assertEquals(1.0, total, 1e-6);
        assertEquals(p[3][7], p[7][3], 1e-15, "symmetric");
    }

    @Test
    void separatedClustersStaySeparatedInTheMap() {
        int perCluster = 100;
        double[][] points = gaussianClusters(3 * perCluster, 3, 10, 2);
        double[][] map = Tsne.embed(points, 30, 3);
        // 1-NN in the map recovers the cluster of (almost) every point.
        int correct = 0;
        for (int i = 0; i < map.length; i++) {
            int nearest = -1;
            double best = Double.POSITIVE_INFINITY;
            for (int j = 0; j < map.length; j++) {
                double dx = map[i][0] - map[j][0];
                double dy = map[i][1] - map[j][1];
                if (j != i && dx * dx + dy * dy < best) {
                    best = dx * dx + dy * dy;
                    nearest = j;
                }
            }
            if (nearest / perCluster == i / perCluster) {
                correct++;
            }
        }
        assertTrue(correct >= 0.98 * map.length, "1-NN agreement in the map: " + correct);
    }

    /** n points in d dimensions, in k consecutive clusters with centres 20 apart and unit spread. */
    private static double[][] gaussianClusters(int n, int k, int d, long seed) {
        Random random = new Random(seed);
        double[][] points = new double[n][d];
        for (int i = 0; i < n; i++) {
            int cluster = i * k / n;
            for (int j = 0; j < d; j++) {
                points[i][j] = random.nextGaussian() + (j == cluster % d ? 20 : 0);
            }
        }
        return points;
    }
}
