package org.aesweep.tables;

import java.io.IOException;
import java.util.HashSet;
import java.util.Set;

import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.ManifestFile;
import org.apache.iceberg.ManifestFiles;
import org.apache.iceberg.ManifestReader;
import org.apache.iceberg.Snapshot;

/**
 * Deletes the Parquet files in a sweep's partition of each table that no snapshot references:
 * what attempts that died before the driver committed their runs left. Call only while no attempt
 * at the sweep is running, since its files are not committed yet. Iceberg's own orphan-file action
 * reads every snapshot of the whole table in Spark jobs; here only the sweep's directory is
 * listed, against the data manifests of the table's snapshots.
 */
public final class RemoveOrphans {
    private RemoveOrphans() {
    }

    /** Returns how many files it deleted. */
    public static int remove(TableCatalog catalog, TableLayout layout) throws IOException {
        int deleted = 0;
        for (Table table : Table.values()) {
            Path partition = layout.tablePartition(table);
            FileSystem fs = partition.getFileSystem(catalog.hadoopConf());
            if (!fs.exists(partition)) {
                continue;
            }
            Set<Path> referenced = referencedFiles(catalog.load(table), fs);
            for (FileStatus file : fs.listStatus(partition, path -> path.getName().endsWith(".parquet"))) {
                if (!referenced.contains(fs.makeQualified(file.getPath())) && fs.delete(file.getPath(), false)) {
                    deleted++;
                }
            }
        }
        return deleted;
    }

    private static Set<Path> referencedFiles(org.apache.iceberg.Table table, FileSystem fs) throws IOException {
        Set<String> manifests = new HashSet<>();
        Set<Path> files = new HashSet<>();
        for (Snapshot snapshot : table.snapshots()) {
            for (ManifestFile manifest : snapshot.dataManifests(table.io())) {
                if (!manifests.add(manifest.path())) {
                    continue;
                }
                try (ManifestReader<DataFile> reader = ManifestFiles.read(manifest, table.io(), table.specs())) {
                    for (DataFile file : reader) {
                        files.add(fs.makeQualified(new Path(file.location())));
                    }
                }
            }
        }
        return files;
    }
}
