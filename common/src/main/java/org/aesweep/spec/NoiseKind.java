package org.aesweep.spec;

import java.util.Locale;

/** Input corruption models; the level means what each kind says, and {@link #accepts} says which levels a kind takes. */
public enum NoiseKind {
    NONE,
    /** Additive N(0, level^2), clipped back to [0, 1]. */
    GAUSSIAN,
    /** Additive N(0, level^2) left unclipped, as Keras' GaussianNoise layer adds it. */
    GAUSSIAN_UNCLIPPED,
    /** Each input zeroed with probability level; the kept ones stay as they are. */
    MASKING,
    /**
     * Each input zeroed with probability level and the kept ones scaled by 1/(1 - level), as Keras'
     * Dropout layer on the inputs does while training, so an input's expected value is unchanged.
     */
    DROPOUT,
    /** Each input set to 0 or 1, with equal odds, with probability level. */
    SALT_AND_PEPPER;

    public String specName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether this kind takes {@code level}: 0 for none, [0, 1) for dropout (which divides by 1 - level), else [0, 1]. */
    public boolean accepts(double level) {
        return switch (this) {
            case NONE -> level == 0.0;
            case DROPOUT -> level >= 0.0 && level < 1.0;
            default -> level >= 0.0 && level <= 1.0;
        };
    }
}
