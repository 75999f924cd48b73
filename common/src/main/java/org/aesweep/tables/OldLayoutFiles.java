package org.aesweep.tables;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The table files of the layout aesweep wrote before its tables had a catalog: in a sweep's
 * partition, {@code run-<run_id>.parquet} per run and {@code part-<tag>.parquet} for many runs
 * (compaction; the aggregation's {@code part-00000.parquet}). Today's layout writes into the same
 * directories, so its names are told apart: a run attempt's file ends in the attempt's UUID, and a
 * registration's own file carries {@value #REGISTERED_TAG} in its tag.
 */
final class OldLayoutFiles {
    private static final String PARTITION_PREFIX = "sweep_id=";
    private static final String UUID_TEXT = "\\p{XDigit}{8}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{12}";
    private static final Pattern ATTEMPT_FILE = Pattern.compile("run-.+-" + UUID_TEXT + "\\.parquet");
    private static final Pattern PER_RUN_FILE = Pattern.compile("run-(.+)\\.parquet");
    private static final Pattern COMPACTED_FILE = Pattern.compile("part-.+\\.parquet");
    private static final String REGISTERED_TAG = "registered-";

    private OldLayoutFiles() {
    }

    /** A partition's files of the old layout: per-run files by run id, and files of many runs. */
    record Partition(Map<String, Path> perRun, List<Path> compacted) {
        Partition {
            perRun = Map.copyOf(perRun);
            compacted = List.copyOf(compacted);
        }

        boolean isEmpty() {
            return perRun.isEmpty() && compacted.isEmpty();
        }
    }

    /**
     * The ids of the sweeps with a {@code sweep_id=<id>} directory in any table under
     * {@code outRoot}. Hidden directories ({@code .sweep_id=<id>.<tag>}) are skipped: they held
     * unfinished overwrites and compactions, which readers of the old layout never saw either.
     */
    static SortedSet<String> sweepIds(String outRoot, Configuration conf) throws IOException {
        SortedSet<String> ids = new TreeSet<>();
        for (Table table : Table.values()) {
            Path root = TableLayout.tableRoot(outRoot, table);
            FileSystem fs = root.getFileSystem(conf);
            if (!fs.exists(root)) {
                continue;
            }
            for (FileStatus dir : fs.listStatus(root)) {
                String name = dir.getPath().getName();
                if (dir.isDirectory() && name.startsWith(PARTITION_PREFIX)) {
                    String id = name.substring(PARTITION_PREFIX.length());
                    if (TableLayout.isValidSweepId(id)) {
                        ids.add(id);
                    }
                }
            }
        }
        return ids;
    }

    /** The old layout's files in the sweep's partition of {@code table}; empty when it has none. */
    static Partition of(TableLayout layout, Table table, Configuration conf) throws IOException {
        Path partition = layout.tablePartition(table);
        FileSystem fs = partition.getFileSystem(conf);
        Map<String, Path> perRun = new TreeMap<>();
        List<Path> compacted = new ArrayList<>();
        if (fs.exists(partition)) {
            for (FileStatus file : fs.listStatus(partition)) {
                String name = file.getPath().getName();
                if (!file.isFile() || ATTEMPT_FILE.matcher(name).matches()) {
                    continue;
                }
                Matcher run = PER_RUN_FILE.matcher(name);
                if (run.matches()) {
                    perRun.put(run.group(1), file.getPath());
                } else if (COMPACTED_FILE.matcher(name).matches() && !name.startsWith("part-" + REGISTERED_TAG)) {
                    compacted.add(file.getPath());
                }
            }
        }
        compacted.sort(null);
        return new Partition(perRun, compacted);
    }

    /** A new file for a registration to write the sweep's rows of {@code table} into. */
    static Path registeredFile(TableLayout layout, Table table) {
        return layout.compactedFile(table, REGISTERED_TAG + UUID.randomUUID());
    }
}
