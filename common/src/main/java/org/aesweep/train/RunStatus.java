package org.aesweep.train;

import java.util.Locale;

/** How a run ended; the lower-case name is what the runs table stores. */
public enum RunStatus {
    OK, DIVERGED, FAILED;

    public String tableValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The status a runs row's {@code status} column holds: the inverse of {@link #tableValue()}. */
    public static RunStatus ofTableValue(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
