package org.aesweep.spec;

import java.util.Locale;

/** When DL4J's parameter averaging reshuffles training data over its workers before each split. */
public enum RepartitionPolicy {
    ALWAYS,
    NEVER,
    /** Only when the number of partitions differs from the number of workers (DL4J's default). */
    NUM_PARTITIONS_WORKERS_DIFFERS;

    public String specName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
