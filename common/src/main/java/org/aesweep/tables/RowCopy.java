package org.aesweep.tables;

import java.io.Closeable;
import java.io.IOException;
import java.util.Set;
import java.util.function.Predicate;

import org.apache.avro.specific.SpecificRecordBase;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.ParquetWriter;

/**
 * Streams a table's rows from files into one new file under today's schema, keeping the rows a
 * filter accepts: what compaction, removing runs and registering old files all do. Rows are read
 * as rows of today's schema (see {@link ParquetFiles#reader}), so files of older schemas come out
 * alike, and one at a time, so a file of any size passes through.
 */
final class RowCopy<T extends SpecificRecordBase> implements Closeable {
    /** Rows written to the new file, and rows the filter left out. */
    record Counts(long kept, long dropped) {
        Counts plus(Counts other) {
            return new Counts(kept + other.kept, dropped + other.dropped);
        }
    }

    private final Class<T> rowType;
    private final ParquetWriter<T> writer;
    private final Configuration conf;

    private RowCopy(Class<T> rowType, ParquetWriter<T> writer, Configuration conf) {
        this.rowType = rowType;
        this.writer = writer;
        this.conf = conf;
    }

    /** Opens {@code target} for rows of {@code table}. */
    static RowCopy<?> into(Path target, Table table, Configuration conf) throws IOException {
        return into(target, table.rowType(), table, conf);
    }

    private static <T extends SpecificRecordBase> RowCopy<T> into(Path target, Class<T> rowType, Table table,
                                                                  Configuration conf) throws IOException {
        return new RowCopy<>(rowType, ParquetFiles.writer(target, rowType, table.schema(), conf), conf);
    }

    /**
     * Every row of a run not in {@code runIds}; every row at all when there are none, which also
     * serves tables without a run_id column (bias_variance).
     */
    static Predicate<SpecificRecordBase> runNotIn(Set<String> runIds) {
        if (runIds.isEmpty()) {
            return row -> true;
        }
        return row -> !runIds.contains(row.get("run_id").toString());
    }

    /** Copies the rows of {@code source} that {@code keep} accepts. */
    Counts from(Path source, Predicate<SpecificRecordBase> keep) throws IOException {
        long kept = 0;
        long dropped = 0;
        try (ParquetReader<T> reader = ParquetFiles.reader(source, rowType, conf)) {
            for (T row = reader.read(); row != null; row = reader.read()) {
                if (keep.test(row)) {
                    writer.write(row);
                    kept++;
                } else {
                    dropped++;
                }
            }
        }
        return new Counts(kept, dropped);
    }

    @Override
    public void close() throws IOException {
        writer.close();
    }
}
