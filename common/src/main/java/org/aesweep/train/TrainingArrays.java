package org.aesweep.train;

import org.aesweep.data.LabeledImages;
import org.aesweep.data.TrainTestSplit;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A run's train, test and validation images as flat float matrices (one row of rows x cols pixels
 * per image), built once per run.
 *
 * @param validation null when the run has no validation split
 */
public record TrainingArrays(INDArray train, INDArray test, INDArray validation, int rows, int cols)
        implements AutoCloseable {

    /** Without a validation split. */
    public TrainingArrays(INDArray train, INDArray test, int rows, int cols) {
        this(train, test, null, rows, cols);
    }

    public static TrainingArrays of(TrainTestSplit data) {
        return new TrainingArrays(toMatrix(data.train()), toMatrix(data.test()),
                data.hasValidation() ? toMatrix(data.validation()) : null, data.train().rows(), data.train().cols());
    }

    public static TrainingArrays of(LabeledImages train, LabeledImages test) {
        return new TrainingArrays(toMatrix(train), toMatrix(test), train.rows(), train.cols());
    }

    public static INDArray toMatrix(LabeledImages images) {
        return Nd4j.create(images.pixels(), new long[] {images.count(), images.pixelsPerImage()}, DataType.FLOAT);
    }

    /** Frees the off-heap buffers now rather than at the next garbage collection. */
    @Override
    public void close() {
        train.close();
        test.close();
        if (validation != null) {
            validation.close();
        }
    }
}
