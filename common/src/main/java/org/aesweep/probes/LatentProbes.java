package org.aesweep.probes;

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
        double knn1 = KnnClassifier.accuracy(labelledCodes, labelledLabels, testCodes, testLabels, 1);
        double knn5 = KnnClassifier.accuracy(trainCodes, trainLabels, testCodes, testLabels, NEIGHBOURS);
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
