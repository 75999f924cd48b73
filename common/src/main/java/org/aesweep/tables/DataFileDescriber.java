package org.aesweep.tables;

import java.util.ArrayList;
import java.util.List;

import org.aesweep.data.DataFiles;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.FileFormat;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.MetricsConfig;
import org.apache.iceberg.TableProperties;
import org.apache.iceberg.expressions.Expression;
import org.apache.iceberg.expressions.Expressions;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.io.InputFile;
import org.apache.iceberg.mapping.NameMappingParser;
import org.apache.iceberg.parquet.ParquetUtil;

/**
 * What Iceberg needs to know of a Parquet file the project wrote before committing it: its size,
 * its column statistics (so scans skip files by run id) and its sweep's partition.
 */
final class DataFileDescriber {
    private DataFileDescriber() {
    }

    static DataFile describe(org.apache.iceberg.Table table, String location, String sweepId) {
        InputFile file = table.io().newInputFile(location);
        return org.apache.iceberg.DataFiles.builder(table.spec())
                .withPath(location)
                .withFormat(FileFormat.PARQUET)
                .withFileSizeInBytes(file.getLength())
                .withMetrics(ParquetUtil.fileMetrics(file, MetricsConfig.forTable(table),
                        NameMappingParser.fromJson(table.properties().get(TableProperties.DEFAULT_NAME_MAPPING))))
                .withPartitionPath(IcebergSchemas.SWEEP_ID + "=" + sweepId)
                .build();
    }

    /** Rows of one sweep. */
    static Expression inSweep(String sweepId) {
        return Expressions.equal(IcebergSchemas.SWEEP_ID, sweepId);
    }

    /** The files of the table's current snapshot that may hold rows matching {@code filter}. */
    static List<DataFile> currentFiles(org.apache.iceberg.Table table, Expression filter) {
        List<DataFile> files = new ArrayList<>();
        if (table.currentSnapshot() == null) {
            return files;
        }
        try (CloseableIterable<FileScanTask> tasks = table.newScan().filter(filter).planFiles()) {
            for (FileScanTask task : tasks) {
                files.add(task.file());
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return files;
    }
}
