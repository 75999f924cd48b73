package org.aesweep.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real Trino reads an Iceberg v2 table that Spark wrote into a JDBC catalog on a SQLite file, by
 * name, through Trino's Iceberg connector and the same catalog file: the same tables, row counts
 * per partition and column types (each Spark type as Trino names it), and the values themselves.
 */
class TrinoReadsIcebergIT {
    private static final String TABLE = "sweeps.smoke";
    /** Spark's spelling of each column (the columns the tables use, and the rest of the type mapping). */
    private static final String COLUMNS = String.join(", ",
            "sweep_id STRING", "run INT", "loss DOUBLE", "code ARRAY<INT>", "finished_at TIMESTAMP",
            "epochs BIGINT", "rate FLOAT", "ok BOOLEAN", "day DATE", "local_time TIMESTAMP_NTZ",
            "price DECIMAL(10,3)", "blob BINARY", "tags MAP<STRING, DOUBLE>", "stats STRUCT<mean: DOUBLE, n: BIGINT>");
    private static final String ROWS = String.join(", ",
            row("'alpha'", 1, "0.5", "array(1, 2)", "TIMESTAMP '2025-01-02 03:04:05.123456'"),
            row("'alpha'", 2, "0.25", "array()", "TIMESTAMP '2025-01-02 03:04:06'"),
            row("'beta'", 1, "1.5", "array(7)", "NULL"));

    @TempDir
    Path work;

    @Test
    void trinoReadsTheSparkWrittenTableWithTheSameRowsAndTypes() throws Exception {
        TrinoInstall install = TrinoInstall.fromSystemProperties();
        Path catalogDb = work.resolve("catalog.db");
        Path warehouse = work.resolve("tables");

        StructType sparkSchema;
        long sparkCount;
        Map<Object, Long> sparkCounts = new LinkedHashMap<>();
        try (SparkSession spark = icebergSpark(catalogDb, warehouse)) {
            spark.sql("CREATE NAMESPACE IF NOT EXISTS aesweep.sweeps");
            spark.sql("CREATE TABLE aesweep." + TABLE + " (" + COLUMNS + ") USING iceberg PARTITIONED BY (sweep_id)"
                    + " TBLPROPERTIES ('format-version' = '2')");
            spark.sql("INSERT INTO aesweep." + TABLE + " VALUES " + ROWS);
            sparkSchema = spark.table("aesweep." + TABLE).schema();
            sparkCount = spark.table("aesweep." + TABLE).count();
            for (Row row : spark.sql("SELECT sweep_id, count(*) FROM aesweep." + TABLE + " GROUP BY 1 ORDER BY 1")
                    .collectAsList()) {
                sparkCounts.put(row.getString(0), row.getLong(1));
            }
        }

        try (TrinoServer trino = TrinoServer.start(install, catalogDb, warehouse, work.resolve("trino"))) {
            assertEquals(List.of("smoke"), trino.tables("sweeps"));
            Map<String, String> types = trino.columnTypes(TABLE);
            assertEquals(TrinoTypes.of(sparkSchema), types);
            // The mapping itself, spelled out for the columns aesweep's tables have.
            assertEquals("varchar", types.get("sweep_id"));
            assertEquals("integer", types.get("run"));
            assertEquals("double", types.get("loss"));
            assertEquals("array(integer)", types.get("code"));
            assertEquals("timestamp(6) with time zone", types.get("finished_at"));

            assertEquals(sparkCount, trino.count(TABLE));
            assertEquals(sparkCounts, trino.countsBy(TABLE, "sweep_id"));
            assertEquals(3, trino.rows(TABLE, 10).rows().size());

            TrinoResult alpha = trino.query("SELECT run, loss, code, finished_at FROM " + TABLE
                    + " WHERE sweep_id = 'alpha' ORDER BY run");
            assertEquals("timestamp(6) with time zone", alpha.types().get("finished_at"));
            assertEquals(List.of(
                    List.of(1, 0.5, List.of(1, 2), "2025-01-02 03:04:05.123456 UTC"),
                    List.of(2, 0.25, List.of(), "2025-01-02 03:04:06.000000 UTC")), alpha.rows());

            // Iceberg's own view of the table, not only its rows: v2, partitioned by identity(sweep_id).
            String ddl = (String) trino.query("SHOW CREATE TABLE " + TABLE).single();
            assertTrue(ddl.contains("format_version = 2"), ddl);
            assertTrue(ddl.contains("partitioning = ARRAY['sweep_id']"), ddl);
            assertEquals(2L, ((Number) trino.query("SELECT count(*) FROM sweeps.\"smoke$partitions\"").single())
                    .longValue());
        }
    }

    /** Local Spark with the Iceberg catalog {@code aesweep} as the project configures it. */
    private static SparkSession icebergSpark(Path catalogDb, Path warehouse) {
        return SparkSession.builder().master("local[1]").appName("trino-reads-iceberg")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "1")
                .config("spark.sql.session.timeZone", "UTC")
                .config("spark.sql.catalog.aesweep", "org.apache.iceberg.spark.SparkCatalog")
                .config("spark.sql.catalog.aesweep.type", "jdbc")
                .config("spark.sql.catalog.aesweep.uri", "jdbc:sqlite:" + catalogDb.toAbsolutePath())
                .config("spark.sql.catalog.aesweep.warehouse", warehouse.toAbsolutePath().toString())
                .config("spark.sql.catalog.aesweep.jdbc.schema-version", "V1")
                .getOrCreate();
    }

    /** One VALUES row: the given leading columns, then fixed values for the type-mapping columns. */
    private static String row(String sweepId, int run, String loss, String code, String finishedAt) {
        return "(" + String.join(", ", sweepId, Integer.toString(run), loss, code, finishedAt,
                "12345678901", "0.125", "true", "DATE '2025-01-02'", "TIMESTAMP_NTZ '2025-01-02 03:04:05'",
                "1234.567", "X'CAFE'", "map('a', 1.0D)", "named_struct('mean', 0.5D, 'n', 3L)") + ")";
    }
}
