package org.aesweep.tables;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.OverwriteFiles;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.expressions.Expressions;

/**
 * Removes the rows of some runs from a sweep's tables before they train again: runs whose last
 * attempt failed, and runs an attempt that died left partly committed (rows in some tables but
 * no runs row). One atomic overwrite per table, the runs table first so a run stops counting as
 * committed before its other rows go. A file holding only such runs is dropped; a file holding
 * other runs' rows too (after compaction) is replaced by a copy without them.
 */
public final class RemoveRuns {
    private static final String RUN_ID = "run_id";

    private RemoveRuns() {
    }

    /** Returns how many rows were removed, over all tables. */
    public static long remove(TableCatalog catalog, TableLayout layout, Set<String> runIds) throws IOException {
        if (runIds.isEmpty()) {
            return 0;
        }
        List<Table> order = new ArrayList<>(Table.perRunInCommitOrder());
        java.util.Collections.reverse(order);
        long removed = 0;
        for (Table table : order) {
            removed += remove(catalog, layout, table, runIds);
        }
        return removed;
    }

    private static long remove(TableCatalog catalog, TableLayout layout, Table table, Set<String> runIds)
            throws IOException {
        org.apache.iceberg.Table iceberg = catalog.load(table);
        Snapshot base = iceberg.currentSnapshot();
        List<DataFile> candidates = DataFileDescriber.currentFiles(iceberg, Expressions.and(
                DataFileDescriber.inSweep(layout.sweepId()), Expressions.in(RUN_ID, runIds.toArray())));
        Configuration conf = catalog.hadoopConf();
        OverwriteFiles overwrite = iceberg.newOverwrite();
        long removed = 0;
        for (DataFile file : candidates) {
            Path path = new Path(file.location());
            // Counted, not collected: a compacted latent_codes file holds a row per run and test image.
            long[] matchingOfAll = new long[2];
            ParquetFiles.scanStrings(path, RUN_ID, conf, id -> {
                matchingOfAll[0] += runIds.contains(id) ? 1 : 0;
                matchingOfAll[1]++;
            });
            long matching = matchingOfAll[0];
            if (matching == 0) {
                continue;
            }
            overwrite.deleteFile(file);
            if (matching < matchingOfAll[1]) {
                Path kept = layout.compactedFile(table, UUID.randomUUID().toString());
                try (RowCopy<?> copy = RowCopy.into(kept, table, conf)) {
                    copy.from(path, RowCopy.runNotIn(runIds));
                }
                overwrite.addFile(DataFileDescriber.describe(iceberg, kept.toString(), layout.sweepId()));
            }
            removed += matching;
        }
        if (removed > 0) {
            SweepConflicts.validated(overwrite, layout.sweepId(), base).commit();
        }
        return removed;
    }
}
