package org.aesweep.spec;

import java.util.Locale;

/** The autoencoder families a spec may name. */
public enum ArchitectureKind {
    LINEAR,
    SHALLOW,
    DEEP,
    CONV,
    LSTM,
    /** Shallow or deep (by its hidden sizes) with an L1 penalty on the code's activations. */
    SPARSE;

    /** The spelling used in specs and tables. */
    public String specName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
