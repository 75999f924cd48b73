package org.aesweep.analysis;

import java.io.Serializable;

/**
 * How the aggregation bootstraps confidence intervals for each grid point's decomposition (see
 * {@link PercentileBootstrap}): how many draws (0: none), at which confidence level, from which
 * seed. Every grid point draws from the same seed, so a rerun gives the same intervals.
 */
public record BootstrapSettings(int draws, double level, long seed) implements Serializable {
    /** Draws by default; what they cost per grid point is measured in docs/performance.md. */
    public static final int DEFAULT_DRAWS = 1000;
    public static final double DEFAULT_LEVEL = 0.95;
    public static final long DEFAULT_SEED = 1;
    public static final BootstrapSettings DEFAULTS = new BootstrapSettings(DEFAULT_DRAWS, DEFAULT_LEVEL, DEFAULT_SEED);
    /** No intervals. */
    public static final BootstrapSettings NONE = new BootstrapSettings(0, DEFAULT_LEVEL, DEFAULT_SEED);

    public BootstrapSettings {
        if (draws < 0) {
            throw new IllegalArgumentException("bootstrap draws must be >= 0, got " + draws);
        }
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("the interval level must lie in (0, 1), got " + level);
        }
    }

    public boolean enabled() {
        return draws > 0;
    }
}
