package org.aesweep.spec;

import java.util.Locale;

/** Whether compatible runs train together in one fused network (see FusionSpec). */
public enum FusionMode {
    ON,
    OFF;

    public String specName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
