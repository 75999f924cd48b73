package org.aesweep.spec;

import java.util.Locale;

/**
 * The range a run's input pixels are scaled to before they reach the network; the targets are the
 * same scaled images, so the output activation must reach that range.
 */
public enum InputScaling {
    /** Intensities in [0, 1], as the data files hold them divided by 255. */
    UNIT(0.0, 1.0),
    /** Intensities mapped to [-1, 1] (2x - 1), for tanh or linear outputs. */
    SYMMETRIC(-1.0, 1.0);

    private final double low;
    private final double high;

    InputScaling(double low, double high) {
        this.low = low;
        this.high = high;
    }

    public double low() {
        return low;
    }

    public double high() {
        return high;
    }

    /**
     * A pixel intensity in [0, 1] mapped into this range: low + (high - low) * intensity, computed
     * in double and rounded once, so 0 and 1 land exactly on low and high.
     */
    public float scale(float intensity) {
        return (float) (low + (high - low) * intensity);
    }

    public String specName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
