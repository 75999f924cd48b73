package org.aesweep.tables;

import java.io.IOException;
import java.util.List;
import java.util.UUID;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Publishes a run's files so readers see a run completely or not at all. A run attempt writes
 * into a private staging directory; {@link #commit} then moves the model and the per-run files of
 * epoch_metrics, latent_codes and latent_probes into place and the runs file last, so a run counts as committed
 * exactly when its runs file exists. Target names depend only on the run id: an attempt that
 * repeats a run replaces its files instead of adding rows.
 */
public final class RunPublisher {
    /** Moved in this order; runs must stay last because it marks the run as committed. */
    private static final List<Table> COMMIT_ORDER =
            List.of(Table.EPOCH_METRICS, Table.LATENT_CODES, Table.LATENT_PROBES, Table.RUNS);

    private final TableLayout layout;
    private final Configuration conf;

    public RunPublisher(TableLayout layout, Configuration conf) {
        this.layout = layout;
        this.conf = conf;
    }

    /** A fresh staging directory for one attempt at {@code runId}. */
    public StagedRun stage(String runId) throws IOException {
        Path dir = layout.stagingDir(runId, UUID.randomUUID().toString());
        FileSystem fs = dir.getFileSystem(conf);
        if (!fs.mkdirs(dir)) {
            throw new IOException("cannot create staging directory " + dir);
        }
        return new StagedRun(runId, dir);
    }

    public void commit(StagedRun staged) throws IOException {
        FileSystem fs = staged.directory().getFileSystem(conf);
        FileMoves.replace(fs, staged.modelFile(), layout.modelFile(staged.runId()));
        for (Table table : COMMIT_ORDER) {
            FileMoves.replace(fs, staged.tableFile(table), layout.runFile(table, staged.runId()));
        }
        fs.delete(staged.directory(), true);
    }

    /** The private files of one run attempt before they are committed. */
    public record StagedRun(String runId, Path directory) {
        public Path tableFile(Table table) {
            return TableLayout.stagedTableFile(directory, table);
        }

        public Path modelFile() {
            return TableLayout.stagedModelFile(directory);
        }
    }
}
