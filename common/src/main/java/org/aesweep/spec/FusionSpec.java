package org.aesweep.spec;

import java.io.Serializable;

/**
 * The spec's {@code fusion} section. Runs of one dense architecture that differ only in replicate
 * or input noise train in one pass as branches of a single network, each on its own minibatches,
 * so DL4J's fixed cost per step is paid once for all of them.
 *
 * <p>Off by default: every branch trains exactly as its run alone, but on CPU a lone dense run
 * already trains through fused dense layers (one branch) and gets what fusion was meant to share,
 * so what is left in a step is arithmetic and memory traffic that K runs multiply, and the fused
 * network has measured about as fast as the runs one after another (docs/performance.md). Fusion
 * is for trying, and for hardware where it pays.
 *
 * @param mode    on: the planner fuses what it can; off: every run trains alone
 * @param maxRuns most runs in one fused network
 */
public record FusionSpec(FusionMode mode, int maxRuns) implements Serializable {
    public static final int DEFAULT_MAX_RUNS = 8;

    public static FusionSpec defaults() {
        return new FusionSpec(FusionMode.OFF, DEFAULT_MAX_RUNS);
    }

    public boolean enabled() {
        return mode == FusionMode.ON && maxRuns > 1;
    }
}
