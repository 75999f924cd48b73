package org.aesweep.grid;

import java.util.Locale;

/** Input corruption models; the level's meaning depends on the kind. */
public enum NoiseKind {
    NONE(true),
    /** Additive N(0, level^2), clipped back to [0, 1]. */
    GAUSSIAN(true),
    MASKING(false),
    SALT_AND_PEPPER(false);

    private final boolean implemented;

    NoiseKind(boolean implemented) {
        this.implemented = implemented;
    }

    public boolean implemented() {
        return implemented;
    }

    public String specName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
