package org.aesweep.analysis;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.eigen.Eigen;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The best linear reconstruction at each code size: test images projected onto the first k
 * principal components of the training images and back, the optimum a linear autoencoder trained
 * with MSE can reach. The components are the eigenvectors of the training scatter matrix (ND4J's
 * symmetric eigendecomposition), accumulated chunk by chunk in double precision, so memory stays
 * at one chunk plus a pixels x pixels matrix whatever the number of images.
 *
 * <p>Errors are per-element means over the test images: the squared error, and for runs trained
 * on BCE the binary cross-entropy of the reconstruction clipped into [{@link BernoulliLogs#CLIP},
 * 1 - CLIP] (a projection leaves [0, 1], where BCE is undefined; the clip is the one Keras applies).
 *
 * @param fitImages how many training images the components were fitted on
 * @param points    one per code size asked for, in ascending code size
 */
public record PcaBaseline(int fitImages, List<Point> points) implements Serializable {
    private static final int CHUNK = 2000;

    /** The baseline's errors at one code size, per-element means over the test images. */
    public record Point(int codeSize, double mse, double clippedBce) implements Serializable {
    }

    /** The point at {@code codeSize}, if it was computed. */
    public Optional<Point> at(int codeSize) {
        return points.stream().filter(point -> point.codeSize() == codeSize).findFirst();
    }

    /**
     * @param train     training images, one per row, pixels in [0, 1]
     * @param test      test images, the same pixels per row
     * @param codeSizes the numbers of components to keep, each below the pixels per image
     */
    public static PcaBaseline fit(INDArray train, INDArray test, int[] codeSizes) {
        int pixels = (int) train.columns();
        int[] sizes = Arrays.stream(codeSizes).distinct().sorted().toArray();
        if (sizes.length == 0 || sizes[0] < 1 || sizes[sizes.length - 1] >= pixels) {
            throw new IllegalArgumentException("code sizes must lie in 1.." + (pixels - 1) + ", got "
                    + Arrays.toString(codeSizes));
        }
        INDArray mean = mean(train);
        INDArray basis = leadingComponents(train, mean, sizes[sizes.length - 1]);
        double[] squaredError = new double[sizes.length];
        double[] crossEntropy = new double[sizes.length];
        for (long start = 0; start < test.rows(); start += CHUNK) {
            INDArray x = rows(test, start);
            INDArray scores = x.subRowVector(mean).mmul(basis);
            for (int i = 0; i < sizes.length; i++) {
                INDArray components = basis.get(NDArrayIndex.all(), NDArrayIndex.interval(0, sizes[i]));
                INDArray leading = scores.get(NDArrayIndex.all(), NDArrayIndex.interval(0, sizes[i]));
                INDArray reconstruction = leading.mmul(components.transpose()).addiRowVector(mean);
                squaredError[i] += reconstruction.squaredDistance(x);
                crossEntropy[i] += BernoulliLogs.clipped(reconstruction).crossEntropySum(x);
            }
        }
        double elements = (double) test.rows() * pixels;
        List<Point> points = new ArrayList<>();
        for (int i = 0; i < sizes.length; i++) {
            points.add(new Point(sizes[i], squaredError[i] / elements, crossEntropy[i] / elements));
        }
        return new PcaBaseline((int) train.rows(), List.copyOf(points));
    }

    private static INDArray mean(INDArray images) {
        INDArray sum = Nd4j.zeros(DataType.DOUBLE, images.columns());
        for (long start = 0; start < images.rows(); start += CHUNK) {
            sum.addi(rows(images, start).sum(0));
        }
        return sum.divi(images.rows());
    }

    /** The {@code count} eigenvectors of the centred scatter matrix with the largest eigenvalues, as columns. */
    private static INDArray leadingComponents(INDArray images, INDArray mean, int count) {
        long pixels = images.columns();
        INDArray scatter = Nd4j.create(DataType.DOUBLE, new long[] {pixels, pixels}, 'f');
        for (long start = 0; start < images.rows(); start += CHUNK) {
            INDArray centred = rows(images, start).subiRowVector(mean);
            Nd4j.gemm(centred, centred, scatter, true, false, 1.0, 1.0);
        }
        // Overwritten with the eigenvectors, one per column.
        double[] eigenvalues = Eigen.symmetricGeneralizedEigenvalues(scatter, true).toDoubleVector();
        int[] largestFirst = IntStream.range(0, eigenvalues.length).boxed()
                .sorted(Comparator.comparingDouble(i -> -eigenvalues[i])).limit(count)
                .mapToInt(Integer::intValue).toArray();
        return scatter.getColumns(largestFirst);
    }

    /** Rows start .. start + CHUNK of {@code images} as a new double matrix. */
    private static INDArray rows(INDArray images, long start) {
        long end = Math.min(images.rows(), start + CHUNK);
        return images.get(NDArrayIndex.interval(start, end), NDArrayIndex.all()).castTo(DataType.DOUBLE).dup();
    }
}
