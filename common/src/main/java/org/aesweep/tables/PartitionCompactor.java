package org.aesweep.tables;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.avro.specific.SpecificRecordBase;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.FileUtil;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.ParquetWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Merges a finished sweep's per-run files into one compacted file per table partition, so BI tools
 * open a handful of files instead of thousands. Rows are streamed into a new partition directory
 * that is hidden until complete; the old directory is then moved aside and the new one moved in, so
 * readers see the old files or the new one, never both (no duplicates). Resume and the run lookups
 * read compacted files too; runs trained later arrive as per-run files and the next compaction
 * merges them. Call only when no run of the sweep is training.
 */
public final class PartitionCompactor {
    private static final Logger LOG = LoggerFactory.getLogger(PartitionCompactor.class);

    private PartitionCompactor() {
    }

    /** Compacts every per-run table that has per-run files; returns how many partitions it rewrote. */
    public static int compact(TableLayout layout, Configuration conf) throws IOException {
        int rewritten = 0;
        // runs goes last: its files say which runs are committed.
        for (Table table : List.of(Table.EPOCH_METRICS, Table.LATENT_CODES, Table.LATENT_PROBES, Table.RUNS)) {
            if (compactTable(layout, table, conf)) {
                rewritten++;
            }
        }
        return rewritten;
    }

    private static boolean compactTable(TableLayout layout, Table table, Configuration conf) throws IOException {
        Path partition = layout.tablePartition(table);
        FileSystem fs = partition.getFileSystem(conf);
        if (!fs.exists(partition)) {
            return false;
        }
        List<Path> sources = new ArrayList<>();
        boolean perRunFiles = false;
        for (FileStatus status : fs.listStatus(partition)) {
            String name = status.getPath().getName();
            if (TableLayout.runIdOf(name) != null) {
                perRunFiles = true;
                sources.add(status.getPath());
            } else if (TableLayout.isCompactedFile(name)) {
                sources.add(status.getPath());
            }
        }
        if (!perRunFiles) {
            return false;
        }
        String tag = UUID.randomUUID().toString();
        Path fresh = new Path(partition.getParent(), "." + partition.getName() + ".compact-" + tag);
        long rows = copyRows(sources, new Path(fresh, TableLayout.compactedFileName(tag)), table.rowType(), conf);
        Path marker = new Path(partition, TableLayout.SUCCESS_MARKER);
        if (fs.exists(marker)) {
            FileUtil.copy(fs, marker, fs, new Path(fresh, TableLayout.SUCCESS_MARKER), false, conf);
        }
        Path aside = new Path(partition.getParent(), "." + partition.getName() + ".replaced-" + tag);
        if (!fs.rename(partition, aside) || !fs.rename(fresh, partition)) {
            throw new IOException("cannot swap the compacted " + partition);
        }
        fs.delete(aside, true);
        LOG.info("compacted {} file(s) of {} into one ({} rows)", sources.size(), partition, rows);
        return true;
    }

    /**
     * Streams every row into one file under the current schema. Each source is read with the
     * current schema as Avro reader schema, so rows of files written under an older one arrive
     * already resolved (columns the file lacks hold their .avsc defaults).
     */
    private static <T extends SpecificRecordBase> long copyRows(List<Path> sources, Path target, Class<T> rowType,
                                                                Configuration conf) throws IOException {
        long rows = 0;
        try (ParquetWriter<T> writer = ParquetFiles.writer(target, rowType, Table.of(rowType).schema(), conf)) {
            for (Path source : sources) {
                try (ParquetReader<T> reader = ParquetFiles.reader(source, rowType, conf)) {
                    for (T row = reader.read(); row != null; row = reader.read()) {
                        writer.write(row);
                        rows++;
                    }
                }
            }
        }
        return rows;
    }
}
