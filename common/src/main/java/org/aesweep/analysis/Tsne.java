package org.aesweep.analysis;

import java.util.Random;

/**
 * Exact t-SNE (van der Maaten and Hinton 2008) for the few thousand codes a report maps to 2-D.
 * O(n²) per iteration, a second or two for 1,000 points. Gaussian affinities are calibrated per
 * point to the perplexity by bisection on the precision; the 2-D map is fitted by gradient descent
 * with momentum and early exaggeration, the original paper's schedule.
 */
public final class Tsne {
    private static final int ITERATIONS = 500;
    private static final int EXAGGERATED_ITERATIONS = 100;
    private static final double EXAGGERATION = 12.0;
    private static final double LEARNING_RATE = 200.0;
    private static final double MIN_PROBABILITY = 1e-12;

    private Tsne() {
    }

    /**
     * @param points     n rows of d values
     * @param perplexity effective number of neighbours, below n
     * @return n rows of 2 map coordinates
     */
    public static double[][] embed(double[][] points, double perplexity, long seed) {
        int n = points.length;
        if (n < 4 || perplexity >= n) {
            throw new IllegalArgumentException("t-SNE needs more points (" + n + ") than the perplexity " + perplexity);
        }
        double[][] p = jointAffinities(points, perplexity);
        Random random = new Random(seed);
        double[][] y = new double[n][2];
        for (double[] row : y) {
            row[0] = random.nextGaussian() * 1e-4;
            row[1] = random.nextGaussian() * 1e-4;
        }
        double[][] velocity = new double[n][2];
        double[][] gradient = new double[n][2];
        double[][] q = new double[n][n];
        for (int iteration = 0; iteration < ITERATIONS; iteration++) {
            double exaggeration = iteration < EXAGGERATED_ITERATIONS ? EXAGGERATION : 1.0;
            double momentum = iteration < EXAGGERATED_ITERATIONS ? 0.5 : 0.8;
            double sum = studentKernel(y, q);
            for (int i = 0; i < n; i++) {
                double gx = 0;
                double gy = 0;
                for (int j = 0; j < n; j++) {
                    if (i != j) {
                        double strength = (exaggeration * p[i][j] - q[i][j] / sum) * q[i][j];
                        gx += strength * (y[i][0] - y[j][0]);
                        gy += strength * (y[i][1] - y[j][1]);
                    }
                }
                gradient[i][0] = 4 * gx;
                gradient[i][1] = 4 * gy;
            }
            for (int i = 0; i < n; i++) {
                for (int k = 0; k < 2; k++) {
                    velocity[i][k] = momentum * velocity[i][k] - LEARNING_RATE * gradient[i][k];
                    y[i][k] += velocity[i][k];
                }
            }
        }
        return y;
    }

    /** Fills q with the unnormalised kernel 1 / (1 + |y_i - y_j|²) and returns its sum over i != j. */
    private static double studentKernel(double[][] y, double[][] q) {
        double sum = 0;
        for (int i = 0; i < y.length; i++) {
            for (int j = i + 1; j < y.length; j++) {
                double dx = y[i][0] - y[j][0];
                double dy = y[i][1] - y[j][1];
                double value = 1 / (1 + dx * dx + dy * dy);
                q[i][j] = value;
                q[j][i] = value;
                sum += 2 * value;
            }
        }
        return sum;
    }

    /** Symmetrised p_ij = (p_j|i + p_i|j) / 2n, each conditional calibrated to the perplexity. */
    static double[][] jointAffinities(double[][] points, double perplexity) {
        int n = points.length;
        double[][] distances = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double d = 0;
                for (int k = 0; k < points[i].length; k++) {
                    double diff = points[i][k] - points[j][k];
                    d += diff * diff;
                }
                distances[i][j] = d;
                distances[j][i] = d;
            }
        }
        double[][] conditional = new double[n][];
        double targetEntropy = Math.log(perplexity);
        for (int i = 0; i < n; i++) {
            conditional[i] = calibratedRow(distances[i], i, targetEntropy);
        }
        double[][] joint = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                joint[i][j] = Math.max(MIN_PROBABILITY, (conditional[i][j] + conditional[j][i]) / (2.0 * n));
            }
        }
        return joint;
    }

    /** p_j|i for one point, with the Gaussian precision bisected until its entropy is log(perplexity). */
    private static double[] calibratedRow(double[] distances, int self, double targetEntropy) {
        double low = 0;
        double high = Double.POSITIVE_INFINITY;
        double beta = 1;
        double[] row = new double[distances.length];
        for (int step = 0; step < 100; step++) {
            double sum = 0;
            double weighted = 0;
            for (int j = 0; j < distances.length; j++) {
                row[j] = j == self ? 0 : Math.exp(-beta * distances[j]);
                sum += row[j];
                weighted += row[j] * distances[j];
            }
            sum = Math.max(sum, MIN_PROBABILITY);
            double entropy = Math.log(sum) + beta * weighted / sum;
            for (int j = 0; j < row.length; j++) {
                row[j] /= sum;
            }
            if (Math.abs(entropy - targetEntropy) < 1e-5) {
                break;
            }
            if (entropy > targetEntropy) {
                low = beta;
                beta = high == Double.POSITIVE_INFINITY ? beta * 2 : (beta + high) / 2;
            } else {
                high = beta;
                beta = (beta + low) / 2;
            }
        }
        return row;
    }
}
