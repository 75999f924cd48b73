package org.aesweep.tables;

import java.io.IOException;

import org.apache.hadoop.fs.Path;

/**
 * What a job does to the tables after its last commit, when nothing of the sweep is writing:
 * merge the sweep's run files, expire old snapshots, and point DuckDB at the current files.
 */
public final class TableUpkeep {
    private TableUpkeep() {
    }

    /** After a sweep attempt; returns the DuckDB views file. */
    public static Path afterSweep(TableCatalog catalog, TableLayout layout) throws IOException {
        CompactSweep.compact(catalog, layout);
        return afterCommits(catalog);
    }

    /** After any job that committed (the aggregation); returns the DuckDB views file. */
    public static Path afterCommits(TableCatalog catalog) throws IOException {
        ExpireHistory.expire(catalog);
        return DuckDbViews.write(catalog);
    }
}
