package org.aesweep.grid;

import java.util.Locale;

/** Whether the planner may train compatible runs together in one fused network (see FusionSpec). */
public enum FusionMode {
    AUTO,
    OFF;

    public String specName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
