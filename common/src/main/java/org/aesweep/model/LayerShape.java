package org.aesweep.model;

/**
 * One layer of an autoencoder as far as its cost goes, known from the architecture and the image
 * size alone: how many parameters (weights and biases) it has, and at how many positions of one
 * sample it applies all of them. That is once for a dense layer, at every output pixel for a
 * convolution, at every input pixel for a transposed convolution and at every time step for a
 * recurrent or per-step layer. Layers without parameters (pooling, repetition, penalties, loss
 * layers) are listed too, so a network's shapes line up with its layers one for one.
 */
public record LayerShape(long parameters, long positions) {
    /** A layer that computes without parameters of its own. */
    static final LayerShape PARAMETERLESS = new LayerShape(0, 1);

    /** A dense layer's weights and biases, applied once. */
    static LayerShape dense(long in, long out) {
        return new LayerShape(in * out + out, 1);
    }

    /** A (transposed) convolution's kernels and biases, applied once; see {@link #appliedAt}. */
    static LayerShape convolution(int kernelRows, int kernelCols, long inChannels, long outChannels) {
        return new LayerShape((long) kernelRows * kernelCols * inChannels * outChannels + outChannels, 1);
    }

    /**
     * An LSTM cell without peepholes, applied once: input weights [in, 4*out], recurrent weights
     * [out, 4*out] and biases [4*out] for its four gates.
     */
    static LayerShape lstm(long in, long out) {
        long gates = 4 * out;
        return new LayerShape(in * gates + out * gates + gates, 1);
    }

    /** The same parameters applied at {@code count} positions of each sample. */
    LayerShape appliedAt(long count) {
        return new LayerShape(parameters, count);
    }
}
