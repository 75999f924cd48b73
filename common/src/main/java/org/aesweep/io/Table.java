package org.aesweep.io;

import java.util.Locale;

/** The tables aesweep writes; the lower-case name is the directory under {@code <out>/tables/}. */
public enum Table {
    RUNS, EPOCH_METRICS, LATENT_CODES, LATENT_PROBES, BIAS_VARIANCE;

    public String directoryName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
