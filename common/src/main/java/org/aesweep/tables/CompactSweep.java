package org.aesweep.tables;

import java.io.IOException;
import java.util.List;
import java.util.UUID;

import org.apache.hadoop.fs.Path;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.RewriteFiles;
import org.apache.iceberg.Snapshot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Merges a sweep's files of each per-run table into one, so BI tools open a handful of files
 * instead of one per run: the rows are streamed into a new file under today's schema (older files
 * are resolved as they are read) and an atomic rewrite swaps the files, which readers see as the
 * same rows before and after. The replaced files stay on disk for time travel until their
 * snapshots expire (see {@link ExpireHistory}).
 */
public final class CompactSweep {
    private static final Logger LOG = LoggerFactory.getLogger(CompactSweep.class);

    private CompactSweep() {
    }

    /** Returns how many tables it rewrote. */
    public static int compact(TableCatalog catalog, TableLayout layout) throws IOException {
        int rewritten = 0;
        for (Table table : Table.perRunInCommitOrder()) {
            if (compact(catalog, layout, table)) {
                rewritten++;
            }
        }
        return rewritten;
    }

    private static boolean compact(TableCatalog catalog, TableLayout layout, Table table) throws IOException {
        org.apache.iceberg.Table iceberg = catalog.load(table);
        Snapshot base = iceberg.currentSnapshot();
        List<DataFile> files = DataFileDescriber.currentFiles(iceberg, DataFileDescriber.inSweep(layout.sweepId()));
        if (files.size() < 2) {
            return false;
        }
        Path target = layout.compactedFile(table, UUID.randomUUID().toString());
        long rows = 0;
        try (RowCopy<?> copy = RowCopy.into(target, table, catalog.hadoopConf())) {
            for (DataFile file : files) {
                rows += copy.from(new Path(file.location()), row -> true).kept();
            }
        }
        RewriteFiles rewrite = iceberg.newRewrite().validateFromSnapshot(base.snapshotId());
        files.forEach(rewrite::deleteFile);
        rewrite.addFile(DataFileDescriber.describe(iceberg, target.toString(), layout.sweepId()));
        rewrite.commit();
        LOG.info("compacted {} file(s) of {} for sweep {} into one ({} rows)", files.size(), table.directoryName(),
                layout.sweepId(), rows);
        return true;
    }
}
