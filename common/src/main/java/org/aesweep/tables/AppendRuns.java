package org.aesweep.tables;

import java.util.List;
import java.util.Objects;

import org.apache.iceberg.AppendFiles;

/**
 * Commits finished runs' files: one atomic append per table, the runs table last, so a run is
 * visible in every table once its runs row is. Runs that an earlier attempt left partly committed
 * were removed before this attempt trained them again (see {@link RemoveRuns}), so appending
 * cannot duplicate rows.
 */
public final class AppendRuns {
    private AppendRuns() {
    }

    public static void commit(TableCatalog catalog, String sweepId, List<RunFiles> runs) {
        for (Table table : Table.perRunInCommitOrder()) {
            List<String> files = runs.stream().map(run -> run.file(table)).filter(Objects::nonNull).toList();
            if (files.isEmpty()) {
                continue;
            }
            org.apache.iceberg.Table iceberg = catalog.load(table);
            AppendFiles append = iceberg.newAppend();
            for (String file : files) {
                append.appendFile(DataFileDescriber.describe(iceberg, file, sweepId));
            }
            append.commit();
        }
    }
}
