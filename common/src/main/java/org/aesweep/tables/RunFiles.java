package org.aesweep.tables;

import java.io.Serializable;
import java.util.Map;

/**
 * The table files one run attempt wrote, which the driver commits: a file location per table that
 * has rows of the run (a failed run has no latent codes, for example).
 */
public record RunFiles(String runId, Map<Table, String> files) implements Serializable {
    public RunFiles {
        files = Map.copyOf(files);
    }

    /** The run's file of {@code table}, or null when it wrote none. */
    public String file(Table table) {
        return files.get(table);
    }
}
