package org.aesweep.grid;

import java.io.Serializable;

/**
 * The spec's {@code fusion} section. Runs of one dense architecture that differ only in replicate
 * or input noise train in one pass as branches of a single network, each on its own minibatches,
 * so DL4J's fixed cost per step is paid once for all of them.
 *
 * @param mode    auto: the planner fuses what it can; off: every run trains alone
 * @param maxRuns most runs in one fused network
 */
public record FusionSpec(FusionMode mode, int maxRuns) implements Serializable {
    public static final int DEFAULT_MAX_RUNS = 8;

    public static FusionSpec defaults() {
        return new FusionSpec(FusionMode.AUTO, DEFAULT_MAX_RUNS);
    }

    public boolean enabled() {
        return mode == FusionMode.AUTO && maxRuns > 1;
    }
}
