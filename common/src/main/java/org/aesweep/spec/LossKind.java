package org.aesweep.spec;

import java.util.Locale;

/** Reconstruction losses; both are reported as per-element means. */
public enum LossKind {
    /** Binary cross-entropy against pixel intensities in [0, 1]. */
    BCE,
    /** Mean squared error. */
    MSE;

    public String specName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
