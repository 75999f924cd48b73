package org.aesweep.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.aesweep.spark.SparkSessions;
import org.aesweep.tables.TableCatalog;
import org.aesweep.tables.avro.BiasVarianceRow;
import org.aesweep.tables.avro.EpochMetricRow;
import org.aesweep.tables.avro.LatentCodeRow;
import org.aesweep.tables.avro.LatentProbeRow;
import org.aesweep.tables.avro.RunRow;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every table of a finished and aggregated sweep reads in DuckDB (JDBC, no extensions, through the
 * views the jobs write) and in Spark SQL (by name, through the catalog) with the column types its
 * Avro schema promises, plus sweep_id as a string, and both count the same rows; both read the
 * bias_variance decomposition's columns back as written.
 */
class BiToolsReadTablesTest {
    private static final Map<String, Schema> TABLES = new LinkedHashMap<>();

    static {
        TABLES.put("runs", RunRow.getClassSchema());
        TABLES.put("epoch_metrics", EpochMetricRow.getClassSchema());
        TABLES.put("latent_codes", LatentCodeRow.getClassSchema());
        TABLES.put("latent_probes", LatentProbeRow.getClassSchema());
        TABLES.put("bias_variance", BiasVarianceRow.getClassSchema());
    }

    @TempDir
    Path work;

    @Test
    void duckDbAndSparkSqlReadEveryTableWithTheSchemaTypes() throws Exception {
        Path data = IdxFixtures.dataset(work.resolve("data"), 120, 30, 28);
        Path grid = Files.writeString(work.resolve("spec.yaml"), "dataset: " + data + "\ncode_sizes: [2, 4]\n"
                + "replicates: 3\ntraining:\n  epochs: 1\n  batch_size: 32\n");
        Path out = work.resolve("out");
        // An id of digits, as Airflow's ds_nodash gives: every reader must keep it a string.
        String sweepId = "20261204";
        assertEquals(0, SweepJob.run(new String[] {"--grid", grid.toString(), "--out", out.toString(),
                "--sweep-id", sweepId, "--master", "local[2]"}));
        assertEquals(0, AggregateJob.run(new String[] {"--out", out.toString(), "--sweep-id", sweepId,
                "--data", work.toString(), "--master", "local[2]"}));

        try (SparkSession spark = SparkSessions.create("bi-tools", "local[1]");
             TableCatalog catalog = TableCatalog.open(spark, out.toString());
             Connection duck = DriverManager.getConnection("jdbc:duckdb:");
             Statement sql = duck.createStatement()) {
            // What `duckdb -init <out>/duckdb.sql` runs: a view per table over its current files.
            for (String statement : Files.readString(out.resolve("duckdb.sql")).split(";\n")) {
                if (!statement.isBlank()) {
                    sql.execute(statement);
                }
            }
            for (Map.Entry<String, Schema> table : TABLES.entrySet()) {
                String source = table.getKey();
                Map<String, String> duckTypes = new LinkedHashMap<>();
                try (ResultSet columns = sql.executeQuery("DESCRIBE SELECT * FROM " + source)) {
                    while (columns.next()) {
                        duckTypes.put(columns.getString("column_name"), columns.getString("column_type"));
                    }
                }
                Dataset<Row> frame = spark.table("aesweep.sweeps." + table.getKey());
                Map<String, String> sparkTypes = new LinkedHashMap<>();
                for (StructField field : frame.schema().fields()) {
                    sparkTypes.put(field.name(), field.dataType().simpleString());
                }
                for (Schema.Field field : table.getValue().getFields()) {
                    String[] expected = expectedTypes(field.schema());
                    assertEquals(expected[0], duckTypes.get(field.name()), table.getKey() + "." + field.name());
                    assertEquals(expected[1], sparkTypes.get(field.name()), table.getKey() + "." + field.name());
                }
                assertEquals("VARCHAR", duckTypes.get("sweep_id"), table.getKey() + ".sweep_id");
                assertEquals("string", sparkTypes.get("sweep_id"), table.getKey() + ".sweep_id");
                try (ResultSet count = sql.executeQuery("SELECT count(*) FROM " + source + " WHERE sweep_id = '"
                        + sweepId + "'")) {
                    count.next();
                    long rows = frame.where("sweep_id = '" + sweepId + "'").count();
                    assertTrue(rows > 0, table.getKey());
                    assertEquals(rows, count.getLong(1), table.getKey() + " rows");
                }
            }
            // The runs trained with BCE (the default) in three replicates: both readers see the Bernoulli
            // decomposition of every code size, its parts summing to the risk.
            String parts = "SELECT decomposition, risk - (noise + bias + variance) FROM %s WHERE sweep_id = '"
                    + sweepId + "'";
            int duckRows = 0;
            try (ResultSet rows = sql.executeQuery(String.format(parts, "bias_variance"))) {
                while (rows.next()) {
                    assertEquals("bernoulli_kl", rows.getString(1));
                    assertEquals(0.0, rows.getDouble(2), 1e-12);
                    duckRows++;
                }
            }
            assertEquals(2, duckRows);
            List<Row> sparkRows = spark.sql(String.format(parts, "aesweep.sweeps.bias_variance")).collectAsList();
            assertEquals(2, sparkRows.size());
            for (Row row : sparkRows) {
                assertEquals("bernoulli_kl", row.getString(0));
                assertEquals(0.0, row.getDouble(1), 1e-12);
            }
            // And its bootstrap intervals (three seed replicates: no variance split), in the columns' types.
            String intervals = "SELECT interval_method, interval_level, bootstrap_draws, bootstrap_seed,"
                    + " risk_low <= risk AND risk <= risk_high AND variance_low <= variance_high"
                    + " AND bias_low <= bias_high, variance_data IS NULL AND variance_init_low IS NULL, interval_note"
                    + " FROM %s WHERE sweep_id = '" + sweepId + "'";
            int duckIntervals = 0;
            try (ResultSet rows = sql.executeQuery(String.format(intervals, "bias_variance"))) {
                while (rows.next()) {
                    assertEquals("percentile_bootstrap", rows.getString(1));
                    assertEquals(0.95, rows.getObject(2, Double.class));
                    assertEquals(1000, rows.getObject(3, Integer.class));
                    assertEquals(1L, rows.getObject(4, Long.class));
                    assertTrue(rows.getBoolean(5));
                    assertTrue(rows.getBoolean(6));
                    assertEquals("1000 draws over 30 test images and 3 replicates", rows.getString(7));
                    duckIntervals++;
                }
            }
            assertEquals(2, duckIntervals);
            for (Row row : spark.sql(String.format(intervals, "aesweep.sweeps.bias_variance")).collectAsList()) {
                assertEquals("percentile_bootstrap", row.getString(0));
                assertEquals(0.95, row.getDouble(1));
                assertEquals(1000, row.getInt(2));
                assertEquals(1L, row.getLong(3));
                assertTrue(row.getBoolean(4));
                assertTrue(row.getBoolean(5));
                assertEquals("1000 draws over 30 test images and 3 replicates", row.getString(6));
            }
        }
    }

    /** {DuckDB type, Spark SQL type} of an Avro field type; nullable unions map like their value type. */
    private static String[] expectedTypes(Schema schema) {
        if (schema.getType() == Schema.Type.UNION) {
            return expectedTypes(schema.getTypes().stream().filter(s -> s.getType() != Schema.Type.NULL)
                    .findFirst().orElseThrow());
        }
        if (schema.getLogicalType() instanceof LogicalTypes.TimestampMicros) {
            return new String[] {"TIMESTAMP WITH TIME ZONE", "timestamp"};
        }
        return switch (schema.getType()) {
            case STRING -> new String[] {"VARCHAR", "string"};
            case INT -> new String[] {"INTEGER", "int"};
            case LONG -> new String[] {"BIGINT", "bigint"};
            case DOUBLE -> new String[] {"DOUBLE", "double"};
            case FLOAT -> new String[] {"FLOAT", "float"};
            case ARRAY -> {
                String[] item = expectedTypes(schema.getElementType());
                yield new String[] {item[0] + "[]", "array<" + item[1] + ">"};
            }
            default -> throw new IllegalArgumentException("no expectation for " + schema);
        };
    }
}
