package org.aesweep.plan;

import java.util.List;

/**
 * What {@link SweepPreflight} checks and plans, however the caller got it (a job's command line,
 * the benchmark, a test).
 *
 * @param grid      the sweep spec (YAML), a local path or any Hadoop FileSystem URI
 * @param dataRoot  the data root holding the spec's data set
 * @param outRoot   the output root the sweep will write under
 * @param overrides spec keys replaced, as {@code dotted.key=value}
 */
public record SweepRequest(String grid, String dataRoot, String outRoot, List<String> overrides) {
    public SweepRequest {
        overrides = List.copyOf(overrides);
    }
}
