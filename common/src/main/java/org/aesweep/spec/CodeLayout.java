package org.aesweep.spec;

import java.util.Locale;

/** Where a convolutional net's code lives. */
public enum CodeLayout {
    /** A dense layer of code_size units after the convolutions (and every non-convolutional net's code). */
    DENSE,
    /**
     * The last convolution's pooled feature map itself (rows x cols x channels values, code_size in
     * all), decoded by one transposed convolution per pooling.
     */
    MAP;

    public String specName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
