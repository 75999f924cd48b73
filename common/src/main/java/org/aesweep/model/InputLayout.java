package org.aesweep.model;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * How a network sees a batch of images. Data stays flat (one row of rows*cols pixels per image)
 * everywhere else; a layout converts at the network's edge.
 */
public enum InputLayout {
    /** One row of rows*cols values per image: dense nets, and conv inputs (DL4J's convolutionalFlat). */
    FLAT {
        @Override
        INDArray toNetwork(INDArray flat, int rows, int cols) {
            return flat;
        }

        @Override
        INDArray toFlat(INDArray output, int rows, int cols) {
            return output;
        }
    },
    /** Each image as a one-channel feature map, DL4J's [batch, channels, rows, cols]. */
    IMAGE {
        @Override
        INDArray toNetwork(INDArray flat, int rows, int cols) {
            return flat.reshape('c', flat.rows(), 1, rows, cols);
        }

        @Override
        INDArray toFlat(INDArray output, int rows, int cols) {
            return output.reshape('c', output.size(0), (long) rows * cols);
        }
    },
    /** Each image as rows time steps of cols values, in DL4J's [batch, features, time] order. */
    SEQUENCE {
        @Override
        INDArray toNetwork(INDArray flat, int rows, int cols) {
            return flat.reshape('c', flat.rows(), rows, cols).permute(0, 2, 1).dup('c');
        }

        @Override
        INDArray toFlat(INDArray output, int rows, int cols) {
            return output.permute(0, 2, 1).dup('c').reshape('c', output.size(0), (long) rows * cols);
        }
    };

    abstract INDArray toNetwork(INDArray flat, int rows, int cols);

    abstract INDArray toFlat(INDArray output, int rows, int cols);
}
