package org.aesweep.tables;

import java.io.IOException;
import java.util.Set;
import java.util.TreeSet;

import org.aesweep.tables.avro.RunRow;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/** Finds the runs of a sweep that are already committed, so a rerun can skip them. */
public final class CommittedRuns {
    private CommittedRuns() {
    }

    /**
     * Run ids with a runs row, in their own file or in a compacted one; empty when the sweep has not
     * written anything yet.
     */
    public static Set<String> list(TableLayout layout, Configuration conf) throws IOException {
        Path partition = layout.tablePartition(Table.RUNS);
        FileSystem fs = partition.getFileSystem(conf);
        Set<String> runIds = new TreeSet<>();
        if (!fs.exists(partition)) {
            return runIds;
        }
        for (FileStatus status : fs.listStatus(partition)) {
            String runId = TableLayout.runIdOf(status.getPath().getName());
            if (runId != null) {
                runIds.add(runId);
            }
        }
        for (Path compacted : RunLookup.compactedFiles(layout, Table.RUNS, conf)) {
            for (RunRow row : ParquetFiles.read(compacted, RunRow.class, conf)) {
                runIds.add(row.getRunId());
            }
        }
        return runIds;
    }
}
