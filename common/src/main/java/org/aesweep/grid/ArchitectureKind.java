package org.aesweep.grid;

import java.util.Locale;

/** The autoencoder families a spec may name; only some are implemented so far. */
public enum ArchitectureKind {
    LINEAR(true),
    SHALLOW(true),
    DEEP(true),
    CONV(true),
    LSTM(true),
    SPARSE(false);

    private final boolean implemented;

    ArchitectureKind(boolean implemented) {
        this.implemented = implemented;
    }

    /** False for names the spec format reserves but the trainer cannot build yet. */
    public boolean implemented() {
        return implemented;
    }

    /** The spelling used in specs and tables. */
    public String specName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
