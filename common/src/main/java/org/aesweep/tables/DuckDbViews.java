package org.aesweep.tables;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

import org.apache.hadoop.fs.Path;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.expressions.Expressions;

/**
 * Writes {@code <out>/duckdb.sql}: a view per table over exactly the files of its current
 * snapshot, so DuckDB without its Iceberg extension reads the tables as Spark and Trino do
 * ({@code duckdb -init <out>/duckdb.sql}). Reading the directories instead would also see the
 * files that older snapshots keep for time travel, and those of attempts still running.
 * Written after each job's last commit; a job that is running is not in it yet.
 */
public final class DuckDbViews {
    public static final String FILE_NAME = "duckdb.sql";

    private DuckDbViews() {
    }

    public static Path write(TableCatalog catalog) throws IOException {
        StringBuilder sql = new StringBuilder("-- aesweep's tables as their current Iceberg snapshots hold them,"
                + " rewritten by every sweep and aggregate job.\n");
        for (Table table : Table.values()) {
            List<DataFile> files = DataFileDescriber.currentFiles(catalog.load(table), Expressions.alwaysTrue());
            if (files.isEmpty()) {
                sql.append("-- ").append(table.directoryName()).append(": no rows yet\n");
                continue;
            }
            String list = files.stream().map(file -> quoted(localOrUri(file.location())))
                    .collect(Collectors.joining(",\n    ", "[\n    ", "]"));
            // hive_types keeps sweep_id a string: Airflow's ids are digits.
            sql.append("CREATE OR REPLACE VIEW ").append(table.directoryName()).append(" AS SELECT * FROM read_parquet(")
                    .append(list).append(",\n  hive_partitioning = true, hive_types = {'sweep_id': VARCHAR},"
                            + " union_by_name = true);\n");
        }
        Path target = new Path(new Path(catalog.outRoot()), FILE_NAME);
        try (OutputStream out = target.getFileSystem(catalog.hadoopConf()).create(target, true)) {
            out.write(sql.toString().getBytes(StandardCharsets.UTF_8));
        }
        return target;
    }

    /** How to name the views file on DuckDB's command line: a plain path when it is local. */
    public static String forCommandLine(Path views) {
        return localOrUri(views.toString());
    }

    /** A local file as a plain path, which DuckDB opens without extensions; other URIs as they are. */
    private static String localOrUri(String location) {
        Path path = new Path(location);
        return "file".equals(path.toUri().getScheme()) ? path.toUri().getPath() : location;
    }

    private static String quoted(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
