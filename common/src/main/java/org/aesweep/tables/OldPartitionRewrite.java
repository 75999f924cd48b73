package org.aesweep.tables;

import java.io.IOException;
import java.util.function.Predicate;

import org.aesweep.BadInputException;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
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
    private OldPartitionRewrite() {
    }

    /**
     * Rows written, and rows of compacted files that per-run files superseded (dropped).
     *
     * @throws BadInputException when a file cannot be read as rows of today's schema (it lacks a
     *                           column that has no default); the target may then be half written
     */
    static RowCopy.Counts rewrite(OldLayoutFiles.Partition files, Table table, Path target, Configuration conf)
            throws IOException, BadInputException {
        RowCopy.Counts rows = new RowCopy.Counts(0, 0);
        try (RowCopy<?> copy = RowCopy.into(target, table, conf)) {
            for (Path perRun : files.perRun().values()) {
                rows = rows.plus(copy(copy, perRun, row -> true));
            }
            for (Path compacted : files.compacted()) {
                rows = rows.plus(copy(copy, compacted, RowCopy.runNotIn(files.perRun().keySet())));
            }
        }
        return rows;
    }

    private static RowCopy.Counts copy(RowCopy<?> copy, Path source, Predicate<SpecificRecordBase> keep)
            throws IOException, BadInputException {
        try {
            return copy.from(source, keep);
        } catch (InvalidRecordException e) {
            // parquet-avro's word for a file its reader schema cannot resolve, and TableReadSupport's
            // for a missing column without default: no retry or rerun changes the file.
            String message = e.getMessage() == null ? e.toString() : e.getMessage();
            throw new BadInputException(message.contains(source.toString()) ? message : source + ": " + message);
        }
    }
}
