package org.aesweep.tables;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.avro.generic.GenericRecord;
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

    /** Empty when the run has no rows in the table. */
    public static List<GenericRecord> rows(TableLayout layout, Table table, String runId, Configuration conf)
            throws IOException {
        Path own = layout.runFile(table, runId);
        if (own.getFileSystem(conf).exists(own)) {
            return ParquetFiles.readAll(own, conf);
        }
        List<GenericRecord> rows = new ArrayList<>();
        for (Path compacted : compactedFiles(layout, table, conf)) {
            rows.addAll(ParquetFiles.readMatching(compacted, "run_id", runId, conf));
        }
        return rows;
    }

    /** Every row of a table's partition, per-run and compacted files alike. */
    public static List<GenericRecord> allRows(TableLayout layout, Table table, Configuration conf)
            throws IOException {
        Path partition = layout.tablePartition(table);
        FileSystem fs = partition.getFileSystem(conf);
        List<GenericRecord> rows = new ArrayList<>();
        if (!fs.exists(partition)) {
            return rows;
        }
        for (FileStatus status : fs.listStatus(partition)) {
            String name = status.getPath().getName();
            if (TableLayout.runIdOf(name) != null || TableLayout.isCompactedFile(name)) {
                rows.addAll(ParquetFiles.readAll(status.getPath(), conf));
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
