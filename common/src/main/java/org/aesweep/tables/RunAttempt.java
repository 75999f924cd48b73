package org.aesweep.tables;

import java.io.IOException;
import java.io.Serializable;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Where one attempt at a run writes. Its table files go straight to their place in the tables,
 * under names no other attempt uses, and stay invisible until the driver commits them (see
 * {@link AppendRuns}); an attempt that dies leaves files no snapshot references, which
 * {@link RemoveOrphans} deletes. The model is not in a table: it is staged privately and moved to
 * its place when the attempt finishes.
 */
public final class RunAttempt implements Serializable {
    private final TableLayout layout;
    private final String runId;
    private final String tag;

    private RunAttempt(TableLayout layout, String runId, String tag) {
        this.layout = layout;
        this.runId = runId;
        this.tag = tag;
    }

    public static RunAttempt start(TableLayout layout, String runId, Configuration conf) throws IOException {
        RunAttempt attempt = new RunAttempt(layout, runId, UUID.randomUUID().toString());
        Path staging = attempt.stagingDir();
        if (!staging.getFileSystem(conf).mkdirs(staging)) {
            throw new IOException("cannot create staging directory " + staging);
        }
        return attempt;
    }

    public String runId() {
        return runId;
    }

    /** This attempt's own file of {@code table}. */
    public Path tableFile(Table table) {
        return layout.attemptFile(table, runId, tag);
    }

    /** Private to the attempt; holds the model until {@link #finish}, and scratch files of data-parallel training. */
    public Path stagingDir() {
        return layout.stagingDir(runId, tag);
    }

    public Path modelFile() {
        return TableLayout.stagedModelFile(stagingDir());
    }

    /** Moves the model into place and names the table files written, for the driver to commit. */
    public RunFiles finish(Configuration conf) throws IOException {
        FileSystem fs = stagingDir().getFileSystem(conf);
        FileMoves.replace(fs, modelFile(), layout.modelFile(runId));
        fs.delete(stagingDir(), true);
        Map<Table, String> written = new EnumMap<>(Table.class);
        for (Table table : Table.values()) {
            Path file = tableFile(table);
            if (fs.exists(file)) {
                written.put(table, file.toString());
            }
        }
        return new RunFiles(runId, written);
    }
}
