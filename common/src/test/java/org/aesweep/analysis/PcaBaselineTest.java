package org.aesweep.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class PcaBaselineTest {
    private static final int PIXELS = 30;

    /** Images 0.5 + Z B, Z n x rank and Gaussian: they span a rank-dimensional affine subspace. */
    private static INDArray onSubspace(int n, int rank, INDArray directions, long seed) {
        Random random = new Random(seed);
        double[][] z = new double[n][rank];
        for (double[] row : z) {
            for (int i = 0; i < rank; i++) {
                row[i] = random.nextGaussian() * 0.05;
            }
        }
        return Nd4j.create(z).mmul(directions).addi(0.5).castTo(DataType.FLOAT);
    }

    private static INDArray uniform(int n, long seed) {
        Random random = new Random(seed);
        double[][] x = new double[n][PIXELS];
        for (double[] row : x) {
            for (int p = 0; p < PIXELS; p++) {
                // Correlated pixels, so the spectrum decays and every component matters a little.
                row[p] = p == 0 ? random.nextDouble() : 0.6 * row[p - 1] + 0.4 * random.nextDouble();
            }
        }
        return Nd4j.create(x).castTo(DataType.FLOAT);
    }

    @Test
    void dataOnAFourDimensionalSubspaceIsReconstructedExactlyFromFourComponents() {
        Random random = new Random(1);
        double[][] b = new double[4][PIXELS];
        for (double[] row : b) {
            for (int p = 0; p < PIXELS; p++) {
                row[p] = random.nextGaussian();
            }
        }
        INDArray directions = Nd4j.create(b);
        INDArray train = onSubspace(5000, 4, directions, 2);
        INDArray test = onSubspace(700, 4, directions, 3);
        PcaBaseline baseline = PcaBaseline.fit(train, test, new int[] {2, 3, 4, 8});

        assertEquals(5000, baseline.fitImages());
        assertEquals(List.of(2, 3, 4, 8), baseline.points().stream().map(PcaBaseline.Point::codeSize).toList());
        double atThree = baseline.at(3).orElseThrow().mse();
        assertTrue(atThree > 1e-5, "three components miss a direction: " + atThree);
        // Float images: what is left is their rounding, about (1e-7 * 0.5)^2.
        assertEquals(0.0, baseline.at(4).orElseThrow().mse(), 1e-12);
        assertEquals(0.0, baseline.at(8).orElseThrow().mse(), 1e-12);
    }

    @Test
    void errorNeverGrowsWithTheCodeSize() {
        int[] sizes = new int[PIXELS - 1];
        for (int k = 1; k < PIXELS; k++) {
            sizes[k - 1] = k;
        }
        PcaBaseline baseline = PcaBaseline.fit(uniform(3000, 4), uniform(900, 5), sizes);
        for (int i = 1; i < sizes.length; i++) {
            PcaBaseline.Point fewer = baseline.points().get(i - 1);
            PcaBaseline.Point more = baseline.points().get(i);
            assertTrue(more.mse() <= fewer.mse() * (1 + 1e-9), fewer + " then " + more);
        }
        assertTrue(baseline.points().get(0).mse() > 10 * baseline.points().get(sizes.length - 1).mse());
    }

    @Test
    void matchesAProjectionOnTheSingularVectorsComputedDirectly() {
        INDArray train = uniform(1500, 6);
        INDArray test = uniform(400, 7);
        int k = 5;
        PcaBaseline.Point point = PcaBaseline.fit(train, test, new int[] {k}).at(k).orElseThrow();

        // Right singular vectors of the centred training data, by LAPACK's SVD rather than an eigendecomposition.
        double[][] x = train.toDoubleMatrix();
        double[] mean = new double[PIXELS];
        for (double[] row : x) {
            for (int p = 0; p < PIXELS; p++) {
                mean[p] += row[p] / x.length;
            }
        }
        INDArray centred = Nd4j.create(x).subRowVector(Nd4j.create(mean)).dup('f');
        INDArray singular = Nd4j.create(DataType.DOUBLE, PIXELS);
        INDArray vt = Nd4j.create(DataType.DOUBLE, new long[] {PIXELS, PIXELS}, 'f');
        Nd4j.getBlasWrapper().lapack().gesvd(centred, singular, null, vt);
        double[][] components = vt.toDoubleMatrix();

        double squaredError = 0;
        double crossEntropy = 0;
        for (double[] image : test.toDoubleMatrix()) {
            double[] reconstruction = mean.clone();
            for (int c = 0; c < k; c++) {
                double score = 0;
                for (int p = 0; p < PIXELS; p++) {
                    score += (image[p] - mean[p]) * components[c][p];
                }
                for (int p = 0; p < PIXELS; p++) {
                    reconstruction[p] += score * components[c][p];
                }
            }
            for (int p = 0; p < PIXELS; p++) {
                squaredError += Math.pow(reconstruction[p] - image[p], 2);
                double clipped = Math.min(1 - 1e-7, Math.max(1e-7, reconstruction[p]));
                crossEntropy -= image[p] * Math.log(clipped) + (1 - image[p]) * Math.log(1 - clipped);
            }
        }
        double elements = 400.0 * PIXELS;
        assertEquals(squaredError / elements, point.mse(), 1e-9);
        assertEquals(crossEntropy / elements, point.clippedBce(), 1e-9);
    }

    @Test
    void crossEntropyOfAReconstructionOfExactlyZeroAndOneIsClippedNotInfinite() {
        // Two pixels that always sum to one: one component reconstructs them exactly, none gives the mean.
        INDArray train = Nd4j.create(new double[][] {{0, 1}, {1, 0}, {0, 1}, {1, 0}}).castTo(DataType.FLOAT);
        PcaBaseline.Point point = PcaBaseline.fit(train, train, new int[] {1}).at(1).orElseThrow();
        assertEquals(0.0, point.mse(), 1e-12);
        // Pixels exactly 0 and 1 reconstructed exactly: -log(1 - 1e-7) per element.
        assertEquals(-Math.log(1 - BernoulliLogs.CLIP), point.clippedBce(), 1e-9);
    }

    @Test
    void refusesCodeSizesOutsideTheImage() {
        INDArray images = uniform(50, 8);
        assertThrows(IllegalArgumentException.class, () -> PcaBaseline.fit(images, images, new int[] {PIXELS}));
        assertThrows(IllegalArgumentException.class, () -> PcaBaseline.fit(images, images, new int[] {0, 3}));
    }
}
