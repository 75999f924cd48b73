package org.aesweep.tables;

import java.util.List;
import java.util.Map;

import org.apache.iceberg.OverwriteFiles;

/**
 * Replaces everything a sweep has in some tables with new files, one atomic overwrite per table:
 * readers see the old rows or the new ones, never both and never none. A table given no files
 * loses the sweep's rows (an --overwrite's old bias_variance described the old runs). The runs
 * table goes last.
 */
public final class ReplaceSweep {
    private ReplaceSweep() {
    }

    /** @param files the new files of each table to replace; tables not in it keep their rows */
    public static void replace(TableCatalog catalog, String sweepId, Map<Table, List<String>> files) {
        for (Table table : Table.inCommitOrder()) {
            if (files.containsKey(table)) {
                replace(catalog, sweepId, table, files.get(table));
            }
        }
    }

    private static void replace(TableCatalog catalog, String sweepId, Table table, List<String> files) {
        overwrite(catalog.load(table), sweepId, files).commit();
    }

    /**
     * The overwrite of one table's rows of the sweep, validated against the table as loaded, for
     * the caller to commit: apart from {@link #replace} so a test can commit another writer's
     * change in between.
     */
    static OverwriteFiles overwrite(org.apache.iceberg.Table iceberg, String sweepId, List<String> files) {
        // Another writer that added rows of this sweep meanwhile fails this commit rather than
        // having its rows silently replaced; a table with no snapshot yet included.
        OverwriteFiles overwrite = SweepConflicts.validated(iceberg.newOverwrite()
                .overwriteByRowFilter(DataFileDescriber.inSweep(sweepId)), sweepId, iceberg.currentSnapshot());
        for (String file : files) {
            overwrite.addFile(DataFileDescriber.describe(iceberg, file, sweepId));
        }
        return overwrite;
    }
}
