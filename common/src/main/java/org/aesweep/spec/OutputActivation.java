package org.aesweep.spec;

import java.util.Locale;

/**
 * The activation of a network's output layer, with the range of values it can produce, so a spec
 * whose targets lie outside that range (or whose loss needs probabilities) is refused.
 */
public enum OutputActivation {
    SIGMOID(0.0, 1.0),
    RELU(0.0, Double.POSITIVE_INFINITY),
    TANH(-1.0, 1.0),
    IDENTITY(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);

    private final double low;
    private final double high;

    OutputActivation(double low, double high) {
        this.low = low;
        this.high = high;
    }

    /**
     * What runs used before the output activation could be chosen: sigmoid, since inputs are
     * intensities in [0, 1], except a linear net trained with MSE, which stays linear end to end so
     * it can reach the PCA optimum.
     */
    public static OutputActivation defaultFor(ArchitectureKind kind, LossKind loss) {
        return kind == ArchitectureKind.LINEAR && loss == LossKind.MSE ? IDENTITY : SIGMOID;
    }

    /** Whether every target in {@code scaling}'s range is an output this activation can produce. */
    public boolean reaches(InputScaling scaling) {
        return low <= scaling.low() && high >= scaling.high();
    }

    public String specName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
