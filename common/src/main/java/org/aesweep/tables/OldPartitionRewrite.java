package org.aesweep.tables;

import java.io.IOException;
import java.util.Set;

import org.aesweep.BadInputException;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.io.InvalidRecordException;

/**
 * Streams the rows of a partition's old-layout files into one new file under today's schema, as
 * today's writer lays it out (3-level lists, microsecond timestamps). The rows are read as rows of
 * today's schema (see {@link ParquetFiles#reader}), so files of older schemas, with millisecond
 * timestamps or with 2-level lists come out alike.
 *
 * <p>A run's own file supersedes that run's rows in a compacted file, as the old layout's readers
 * took it: a run left partly written when a partition was compacted was trained again into a
 * per-run file, and its rows in the compacted file are the stale ones.
 */
final class OldPartitionRewrite {
    private static final String RUN_ID = "run_id";

    private OldPartitionRewrite() {
    }

    /** Rows written, and rows of compacted files that per-run files superseded. */
    record Rows(long written, long superseded) {
        Rows plus(Rows other) {
            return new Rows(written + other.written, superseded + other.superseded);
        }
    }

    /**
     * @throws BadInputException when a file cannot be read as rows of today's schema (it lacks a
     *                           column that has no default); the target may then be half written
     */
    static <T extends SpecificRecordBase> Rows rewrite(OldLayoutFiles.Partition files, Table table, Path target,
                                                       Configuration conf) throws IOException, BadInputException {
        @SuppressWarnings("unchecked")
        Class<T> rowType = (Class<T>) table.rowType();
        Rows rows = new Rows(0, 0);
        try (ParquetWriter<T> writer = ParquetFiles.writer(target, rowType, table.schema(), conf)) {
            for (Path perRun : files.perRun().values()) {
                rows = rows.plus(copy(perRun, rowType, writer, Set.of(), conf));
            }
            for (Path compacted : files.compacted()) {
                rows = rows.plus(copy(compacted, rowType, writer, files.perRun().keySet(), conf));
            }
        }
        return rows;
    }

    /** Copies a file's rows except those of {@code supersededRuns}. */
    private static <T extends SpecificRecordBase> Rows copy(Path source, Class<T> rowType, ParquetWriter<T> writer,
                                                            Set<String> supersededRuns, Configuration conf)
            throws IOException, BadInputException {
        long copied = 0;
        long skipped = 0;
        try (ParquetReader<T> reader = ParquetFiles.reader(source, rowType, conf)) {
            for (T row = reader.read(); row != null; row = reader.read()) {
                if (!supersededRuns.isEmpty() && supersededRuns.contains(row.get(RUN_ID).toString())) {
                    skipped++;
                } else {
                    writer.write(row);
                    copied++;
                }
            }
        } catch (InvalidRecordException e) {
            // parquet-avro's word for a file its reader schema cannot resolve, and TableReadSupport's
            // for a missing column without default: no retry or rerun changes the file.
            String message = e.getMessage() == null ? e.toString() : e.getMessage();
            throw new BadInputException(message.contains(source.toString()) ? message : source + ": " + message);
        }
        return new Rows(copied, skipped);
    }
}
