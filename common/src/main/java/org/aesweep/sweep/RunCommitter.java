package org.aesweep.sweep;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.aesweep.outputs.RunSummary;
import org.aesweep.tables.AppendRuns;
import org.aesweep.tables.ReplaceSweep;
import org.aesweep.tables.RunFiles;
import org.aesweep.tables.Table;
import org.aesweep.tables.TableCatalog;

/**
 * Commits the runs of a sweep attempt on the driver as their tasks end. A resume or first attempt
 * appends each batch of finished runs at once, so they survive a driver that dies later. An
 * --overwrite holds them all and replaces the sweep's rows in one commit per table at the end, so
 * readers see the old sweep until the new one is complete.
 */
final class RunCommitter {
    private final TableCatalog catalog;
    private final String sweepId;
    private final boolean replaceAtEnd;
    private final List<RunFiles> held = new ArrayList<>();

    private RunCommitter(TableCatalog catalog, String sweepId, boolean replaceAtEnd) {
        this.catalog = catalog;
        this.sweepId = sweepId;
        this.replaceAtEnd = replaceAtEnd;
    }

    static RunCommitter appending(TableCatalog catalog, String sweepId) {
        return new RunCommitter(catalog, sweepId, false);
    }

    static RunCommitter replacing(TableCatalog catalog, String sweepId) {
        return new RunCommitter(catalog, sweepId, true);
    }

    void accept(List<RunSummary> finished) {
        List<RunFiles> files = finished.stream().map(RunSummary::files).toList();
        if (replaceAtEnd) {
            held.addAll(files);
        } else {
            AppendRuns.commit(catalog, sweepId, files);
        }
    }

    /** Ends the attempt: an overwrite's runs replace the sweep's rows, bias_variance's included. */
    void finish() {
        if (!replaceAtEnd) {
            return;
        }
        Map<Table, List<String>> files = new EnumMap<>(Table.class);
        for (Table table : Table.values()) {
            files.put(table, new ArrayList<>());
        }
        for (RunFiles run : held) {
            run.files().forEach((table, file) -> files.get(table).add(file));
        }
        ReplaceSweep.replace(catalog, sweepId, files);
    }
}
