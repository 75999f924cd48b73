package org.aesweep.tables;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.avro.specific.SpecificRecordBase;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Finds a table's rows of one run, or of the whole sweep, in per-run files and, after compaction,
 * in the compacted files.
 */
public final class RunLookup {
    private RunLookup() {
    }

    /** The rows of one run in the table of {@code rowType}; empty when the run has none. */
    public static <T extends SpecificRecordBase> List<T> rows(TableLayout layout, Class<T> rowType, String runId,
                                                              Configuration conf) throws IOException {
        Table table = Table.of(rowType);
        Path own = layout.runFile(table, runId);
        if (own.getFileSystem(conf).exists(own)) {
            return ParquetFiles.read(own, rowType, conf);
        }
        List<T> rows = new ArrayList<>();
        for (Path compacted : compactedFiles(layout, table, conf)) {
            rows.addAll(ParquetFiles.readMatching(compacted, rowType, "run_id", runId, conf));
        }
        return rows;
    }

    /** Every row of the partition of {@code rowType}'s table, per-run and compacted files alike. */
    public static <T extends SpecificRecordBase> List<T> allRows(TableLayout layout, Class<T> rowType,
                                                                 Configuration conf) throws IOException {
        Path partition = layout.tablePartition(Table.of(rowType));
        FileSystem fs = partition.getFileSystem(conf);
        List<T> rows = new ArrayList<>();
        if (!fs.exists(partition)) {
            return rows;
        }
        for (FileStatus status : fs.listStatus(partition)) {
            String name = status.getPath().getName();
            if (TableLayout.runIdOf(name) != null || TableLayout.isCompactedFile(name)) {
                rows.addAll(ParquetFiles.read(status.getPath(), rowType, conf));
            }
        }
        return rows;
    }

    static List<Path> compactedFiles(TableLayout layout, Table table, Configuration conf) throws IOException {
        Path partition = layout.tablePartition(table);
        FileSystem fs = partition.getFileSystem(conf);
        List<Path> files = new ArrayList<>();
        if (fs.exists(partition)) {
            for (FileStatus status : fs.listStatus(partition, path -> TableLayout.isCompactedFile(path.getName()))) {
                files.add(status.getPath());
            }
        }
        return files;
    }
}
