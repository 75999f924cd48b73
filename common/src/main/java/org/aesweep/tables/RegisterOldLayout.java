package org.aesweep.tables;

import java.io.IOException;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;

import org.aesweep.BadInputException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.iceberg.Snapshot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the sweeps an aesweep of before the catalog wrote under an output root into the catalog,
 * so their runs need not be trained again. Each table's old files of a sweep (see
 * {@link OldLayoutFiles}) are rewritten into one new file under today's schema (see
 * {@link OldPartitionRewrite}), which is committed to the table; the runs table goes last, as in a
 * run's commit, so readers that join on runs see the sweep once it is complete.
 *
 * <p>Registering never adds a sweep's rows twice. A sweep the runs table holds rows of is in the
 * catalog already (registered, or trained by today's aesweep, whose files share the partition
 * directories) and is left alone. Otherwise each table that holds rows of the sweep is left alone,
 * so a registration that died between its commits completes when run again; and a commit fails if
 * rows of the sweep reached its table since the registration looked (another registration, or a
 * sweep, at work on it). Every table of a sweep is rewritten before any is committed, so a file
 * that cannot be read refuses the whole sweep instead of registering part of it.
 *
 * <p>The old files stay: no snapshot references them, so readers through the catalog (Spark,
 * Trino, duckdb.sql) never see them, and they remain the originals until the sweep's next attempt
 * deletes them as orphans (see {@link RemoveOrphans}) — by then their rows are in the registered
 * file, which the current snapshot references.
 */
public final class RegisterOldLayout {
    private static final Logger LOG = LoggerFactory.getLogger(RegisterOldLayout.class);

    private RegisterOldLayout() {
    }

    /** The sweeps with a partition directory in any table under the catalog's output root. */
    public static SortedSet<String> sweepIds(TableCatalog catalog) throws IOException {
        return OldLayoutFiles.sweepIds(catalog.outRoot(), catalog.hadoopConf());
    }

    /**
     * Refuses a sweep whose partitions hold files of the old layout that the catalog does not have
     * yet: a sweep attempt would delete them as files no snapshot references, and train every run
     * again.
     */
    public static void refuseUnregistered(TableCatalog catalog, TableLayout layout) throws BadInputException,
            IOException {
        if (!DataFileDescriber.currentFiles(catalog.load(Table.RUNS), DataFileDescriber.inSweep(layout.sweepId()))
                .isEmpty()) {
            return;
        }
        for (Table table : Table.values()) {
            if (!OldLayoutFiles.of(layout, table, catalog.hadoopConf()).isEmpty()) {
                throw new BadInputException("sweep '" + layout.sweepId() + "' under " + catalog.outRoot()
                        + " has result files written before the catalog (" + layout.tablePartition(table)
                        + "): register them first (submit/register-tables.sh -- --out " + catalog.outRoot()
                        + "), or give another --sweep-id");
            }
        }
    }

    public static SweepRegistration register(TableCatalog catalog, String sweepId) throws IOException {
        TableLayout layout = new TableLayout(catalog.outRoot(), sweepId);
        Set<Table> inCatalog = EnumSet.noneOf(Table.class);
        // The snapshot each table was at when it held no rows of the sweep: its commit validates from there.
        Map<Table, Snapshot> bases = new HashMap<>();
        for (Table table : Table.values()) {
            org.apache.iceberg.Table iceberg = catalog.load(table);
            if (DataFileDescriber.currentFiles(iceberg, DataFileDescriber.inSweep(sweepId)).isEmpty()) {
                bases.put(table, iceberg.currentSnapshot());
            } else {
                inCatalog.add(table);
            }
        }
        if (inCatalog.contains(Table.RUNS)) {
            return new SweepRegistration(sweepId, Map.of(), inCatalog, null);
        }
        Map<Table, Path> written = new EnumMap<>(Table.class);
        Map<Table, Long> rows = new EnumMap<>(Table.class);
        try {
            rewrite(layout, bases.keySet(), catalog.hadoopConf(), written, rows);
        } catch (BadInputException e) {
            delete(written.values(), catalog.hadoopConf());
            return new SweepRegistration(sweepId, Map.of(), inCatalog, e.getMessage());
        } catch (IOException | RuntimeException e) {
            delete(written.values(), catalog.hadoopConf());
            throw e;
        }
        for (Table table : Table.inCommitOrder()) {
            Path file = written.remove(table);
            if (file == null) {
                continue;
            }
            try {
                commit(catalog, table, bases.get(table), sweepId, file);
            } catch (RuntimeException e) {
                written.put(table, file);
                delete(written.values(), catalog.hadoopConf());
                throw e;
            }
        }
        return new SweepRegistration(sweepId, rows, inCatalog, null);
    }

    /**
     * Writes the registered file of each table that has old files, into {@code written}, and counts
     * its rows; a table whose old files hold no rows gets no file, since an empty one would only be
     * one more to open.
     */
    private static void rewrite(TableLayout layout, Set<Table> tables, Configuration conf, Map<Table, Path> written,
                                Map<Table, Long> rows) throws IOException, BadInputException {
        for (Table table : Table.inCommitOrder()) {
            if (!tables.contains(table)) {
                continue;
            }
            OldLayoutFiles.Partition files = OldLayoutFiles.of(layout, table, conf);
            if (files.isEmpty()) {
                continue;
            }
            Path target = OldLayoutFiles.registeredFile(layout, table);
            written.put(table, target);
            RowCopy.Counts copied = OldPartitionRewrite.rewrite(files, table, target, conf);
            if (copied.dropped() > 0) {
                LOG.info("sweep {}, {}: {} row(s) of a compacted file left out: their runs' own files superseded them",
                        layout.sweepId(), table.directoryName(), copied.dropped());
            }
            rows.put(table, copied.kept());
            if (copied.kept() == 0) {
                delete(Set.of(written.remove(table)), conf);
                continue;
            }
            LOG.info("sweep {}, {}: {} file(s) rewritten into {} ({} rows)", layout.sweepId(), table.directoryName(),
                    files.perRun().size() + files.compacted().size(), target, copied.kept());
        }
    }

    private static void commit(TableCatalog catalog, Table table, Snapshot base, String sweepId, Path file) {
        org.apache.iceberg.Table iceberg = catalog.load(table);
        SweepConflicts.validated(iceberg.newOverwrite()
                .addFile(DataFileDescriber.describe(iceberg, file.toString(), sweepId)), sweepId, base).commit();
    }

    private static void delete(Collection<Path> files, Configuration conf) throws IOException {
        for (Path file : files) {
            file.getFileSystem(conf).delete(file, false);
        }
    }
}
