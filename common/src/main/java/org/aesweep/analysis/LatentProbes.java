package org.aesweep.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * What a run's codes say about the latent space, the study's hand analyses made routine:
 * nearest-neighbour classification of test codes (1-NN against 10 labelled training codes per
 * class, the study's recipe; 5-NN against every training code), sparsity of the code units, and
 * how much of the codes' variance their top two principal components hold.
 */
public final class LatentProbes {
    /** Below this magnitude a code unit counts as silent. */
    public static final double NEAR_ZERO = 1e-3;
    static final int LABELLED_PER_CLASS = 10;
    static final int NEIGHBOURS = 5;
    private static final int CHUNK = 256;

    /**
     * @param knn1LabelledAccuracy share of test codes whose nearest of the 10-per-class labelled codes has their label
     * @param knn5Accuracy         share of test codes whose 5 nearest training codes vote for their label
     * @param meanActivation       mean |unit| over test codes and units
     * @param nearZeroShare        share of (test code, unit) values with |value| below {@link #NEAR_ZERO}
     * @param deadUnitShare        share of units below {@link #NEAR_ZERO} on every test code
     * @param topTwoVariance       share of the test codes' variance on their first two principal components
     */
    public record Result(double knn1LabelledAccuracy, double knn5Accuracy, double meanActivation,
                         double nearZeroShare, double deadUnitShare, double topTwoVariance) {
    }

    private LatentProbes() {
    }

    /** Codes are (samples, units) float matrices; labels are class indices. */
    public static Result measure(INDArray trainCodes, int[] trainLabels, INDArray testCodes, int[] testLabels,
                                 long seed) {
        int[] labelled = labelledSubset(trainLabels, seed);
        INDArray labelledCodes = trainCodes.getRows(labelled);
        int[] labelledLabels = Arrays.stream(labelled).map(i -> trainLabels[i]).toArray();
        double knn1 = accuracy(labelledCodes, labelledLabels, testCodes, testLabels, 1);
        double knn5 = accuracy(trainCodes, trainLabels, testCodes, testLabels, NEIGHBOURS);
        INDArray magnitude = Transforms.abs(testCodes);
        INDArray silent = magnitude.lt(NEAR_ZERO).castTo(DataType.DOUBLE);
        double dead = silent.min(0).sumNumber().doubleValue() / testCodes.columns();
        return new Result(knn1, knn5, magnitude.meanNumber().doubleValue(), silent.meanNumber().doubleValue(), dead,
                topTwoVarianceShare(testCodes));
    }

    /** Up to 10 training samples per class, chosen at random with the seed. */
    static int[] labelledSubset(int[] labels, long seed) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < labels.length; i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(seed));
        int classes = Arrays.stream(labels).max().orElse(0) + 1;
        int[] taken = new int[classes];
        List<Integer> chosen = new ArrayList<>();
        for (int i : order) {
            if (taken[labels[i]] < LABELLED_PER_CLASS) {
                taken[labels[i]]++;
                chosen.add(i);
            }
        }
        return chosen.stream().mapToInt(Integer::intValue).sorted().toArray();
    }

    /**
     * k-NN accuracy by squared Euclidean distance; a tied vote goes to the class of the nearest.
     * Queries go in chunks: one product gives every reference's dot product with the chunk's
     * queries, written column-major so that each query's distances lie contiguous in one buffer,
     * which is copied out in bulk and scanned in Java. (Row-major products and toFloatMatrix made
     * this the slowest part of a small run.)
     */
    static double accuracy(INDArray reference, int[] referenceLabels, INDArray queries, int[] queryLabels, int k) {
        INDArray references = reference.castTo(DataType.FLOAT);
        int referenceCount = (int) references.rows();
        // |q - r|^2 = |r|^2 - 2 q.r, dropping |q|^2, which does not change the order for one query.
        float[] referenceNorms = references.mul(references).sum(1).toFloatVector();
        int classes = Math.max(Arrays.stream(referenceLabels).max().orElse(0),
                Arrays.stream(queryLabels).max().orElse(0)) + 1;
        float[] products = new float[referenceCount * CHUNK];
        INDArray fullChunkDots = Nd4j.create(DataType.FLOAT, new long[] {referenceCount, CHUNK}, 'f');
        long correct = 0;
        for (long start = 0; start < queries.rows(); start += CHUNK) {
            int size = (int) (Math.min(queries.rows(), start + CHUNK) - start);
            INDArray chunk = queries.get(NDArrayIndex.interval(start, start + size), NDArrayIndex.all())
                    .castTo(DataType.FLOAT);
            INDArray dots = size == CHUNK ? fullChunkDots
                    : Nd4j.create(DataType.FLOAT, new long[] {referenceCount, size}, 'f');
            references.mmuli(chunk.transpose(), dots);
            dots.data().asNioFloat().get(products, 0, referenceCount * size);
            for (int row = 0; row < size; row++) {
                int predicted = vote(nearest(products, row * referenceCount, referenceNorms, k), referenceLabels,
                        classes);
                if (predicted == queryLabels[(int) start + row]) {
                    correct++;
                }
            }
        }
        return (double) correct / queries.rows();
    }

    /**
     * Indices of the k references nearest to one query, nearest first, from the query's dot products
     * (at {@code offset}, one per reference) and the references' squared norms.
     */
    private static int[] nearest(float[] dots, int offset, float[] norms, int k) {
        int length = norms.length;
        int size = Math.min(k, length);
        int[] best = new int[size];
        float[] bestDistance = new float[size];
        Arrays.fill(bestDistance, Float.POSITIVE_INFINITY);
        for (int j = 0; j < length; j++) {
            float d = norms[j] - 2 * dots[offset + j];
            if (d < bestDistance[size - 1]) {
                int position = size - 1;
                while (position > 0 && bestDistance[position - 1] > d) {
                    bestDistance[position] = bestDistance[position - 1];
                    best[position] = best[position - 1];
                    position--;
                }
                bestDistance[position] = d;
                best[position] = j;
            }
        }
        return best;
    }

    private static int vote(int[] neighbours, int[] labels, int classes) {
        int[] votes = new int[classes];
        int winner = labels[neighbours[0]];
        for (int neighbour : neighbours) {
            int label = labels[neighbour];
            votes[label]++;
            if (votes[label] > votes[winner]) {
                winner = label;
            }
        }
        return winner;
    }

    /** Sum of the two largest eigenvalues of the codes' covariance over their sum (1 for c <= 2). */
    static double topTwoVarianceShare(INDArray codes) {
        if (codes.columns() <= 2) {
            return 1.0;
        }
        INDArray centred = codes.castTo(DataType.DOUBLE);
        centred = centred.subRowVector(centred.mean(0));
        INDArray singular = Nd4j.create(DataType.DOUBLE, Math.min(centred.rows(), centred.columns()));
        Nd4j.getBlasWrapper().lapack().gesvd(centred.dup('f'), singular, null, null);
        double[] squares = singular.mul(singular).toDoubleVector();
        double total = Arrays.stream(squares).sum();
        Arrays.sort(squares);
        int n = squares.length;
        return total == 0 ? 0 : (squares[n - 1] + squares[n - 2]) / total;
    }
}
