package org.aesweep.model;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * How a network holds its code, against the (n, code size) rows everything outside sees: the
 * latent_codes table, the probes, class-mean codes and the decode tool. A dense code layer's
 * activations are such rows already. A map code, a conv net's pooled feature map {@code [n,
 * channels, rows, cols]}, is flattened channel by channel and each channel row by row (C order),
 * and code rows are folded back into maps the same way before the decoder sees them.
 */
sealed interface CodeShape {
    /** A dense code layer's. */
    CodeShape VECTOR = new Vector();

    /** The code layer's activations (n samples) as n code rows. */
    INDArray toRows(INDArray activations);

    /** Code rows as the decoder's first layer takes them. */
    INDArray toNetwork(INDArray codes);

    /** A code that is a row of values already. */
    record Vector() implements CodeShape {
        @Override
        public INDArray toRows(INDArray activations) {
            return activations;
        }

        @Override
        public INDArray toNetwork(INDArray codes) {
            return codes;
        }
    }

    /** A code that is a feature map of {@code channels} maps of rows x cols. */
    record FeatureMap(long channels, long rows, long cols) implements CodeShape {
        @Override
        public INDArray toRows(INDArray activations) {
            return activations.reshape('c', activations.size(0), channels * rows * cols);
        }

        @Override
        public INDArray toNetwork(INDArray codes) {
            return codes.reshape('c', codes.size(0), channels, rows, cols);
        }
    }
}
