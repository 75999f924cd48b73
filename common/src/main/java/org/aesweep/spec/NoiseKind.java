package org.aesweep.spec;

import java.util.Locale;

/** Input corruption models; the level (in [0, 1]) means what each kind says. */
public enum NoiseKind {
    NONE,
    /** Additive N(0, level^2), clipped back to [0, 1]. */
    GAUSSIAN,
    /** Each input zeroed with probability level (dropout on the inputs). */
    MASKING,
    /** Each input set to 0 or 1, with equal odds, with probability level. */
    SALT_AND_PEPPER;

    public String specName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
