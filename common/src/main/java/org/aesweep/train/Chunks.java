package org.aesweep.train;

import org.aesweep.model.Autoencoder;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * A whole set scored a chunk of rows at a time, so that no forward pass holds the activations of
 * every sample at once.
 */
final class Chunks {
    static final int SIZE = Autoencoder.SAMPLES_PER_PASS;

    private Chunks() {
    }

    /** The loss of the rows {@code [start, end)}, a mean over those rows. */
    interface Loss {
        double of(long start, long end);
    }

    /** The sample-weighted mean of a loss taken chunk by chunk over {@code rows} samples. */
    static double mean(long rows, Loss loss) {
        double weightedSum = 0;
        for (long start = 0; start < rows; start += SIZE) {
            long end = Math.min(rows, start + SIZE);
            weightedSum += loss.of(start, end) * (end - start);
        }
        return weightedSum / rows;
    }

    /** The loss of reconstructing some target rows from their input rows, a mean over those rows. */
    interface RowsLoss {
        double of(INDArray inputs, INDArray targets);
    }

    /** The mean over every sample of reconstructing {@code targets} from {@code inputs} (one row per sample). */
    static double mean(INDArray inputs, INDArray targets, RowsLoss loss) {
        return mean(inputs.rows(), (start, end) -> loss.of(rows(inputs, start, end), rows(targets, start, end)));
    }

    /** Rows {@code [start, end)} of a matrix, as a view. */
    static INDArray rows(INDArray matrix, long start, long end) {
        return matrix.get(NDArrayIndex.interval(start, end), NDArrayIndex.all());
    }
}
