package org.aesweep.train;

import java.util.Locale;

/** How a run ended; the lower-case name is what the runs table stores. */
public enum RunStatus {
    OK, DIVERGED, FAILED;

    public String tableValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
