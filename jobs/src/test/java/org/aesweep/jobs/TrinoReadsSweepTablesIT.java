package org.aesweep.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.aesweep.spark.SparkSessions;
import org.aesweep.tables.Table;
import org.aesweep.tables.TableCatalog;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real Trino reads every table a sweep and its aggregation wrote, by name through its Iceberg
 * connector and the embedded catalog file the jobs created: the same tables, the same row counts
 * per sweep, the same column types as Spark SQL sees, and the runs' timestamps as the same
 * instants. The sweep id is all digits, as Airflow's are, and must stay a string.
 */
class TrinoReadsSweepTablesIT {
    private static final String SWEEP = "20261204";

    @TempDir
    Path work;

    @Test
    void trinoReadsEveryTableAsSparkDoes() throws Exception {
        TrinoInstall install = TrinoInstall.fromSystemProperties();
        Path data = IdxFixtures.dataset(work.resolve("data"), 120, 30, 28);
        Path grid = Files.writeString(work.resolve("spec.yaml"), "dataset: " + data + "\ncode_sizes: [2, 4]\n"
                + "replicates: 2\ntraining:\n  epochs: 1\n  batch_size: 32\n");
        Path out = work.resolve("out");
        assertEquals(0, SweepJob.run(new String[] {"--grid", grid.toString(), "--out", out.toString(),
                "--sweep-id", SWEEP, "--master", "local[2]"}));
        assertEquals(0, AggregateJob.run(new String[] {"--out", out.toString(), "--sweep-id", SWEEP,
                "--data", work.toString(), "--master", "local[2]"}));

        Map<Table, StructType> sparkSchemas = new LinkedHashMap<>();
        Map<Table, Map<Object, Long>> sparkCounts = new LinkedHashMap<>();
        String sparkFirstStart;
        try (SparkSession spark = SparkSessions.create("trino-it", "local[1]");
             TableCatalog catalog = TableCatalog.open(spark, out.toString())) {
            spark.conf().set("spark.sql.session.timeZone", "UTC");
            for (Table table : Table.values()) {
                sparkSchemas.put(table, spark.table(catalog.qualifiedName(table)).schema());
                Map<Object, Long> counts = new LinkedHashMap<>();
                for (Row row : spark.sql("SELECT sweep_id, count(*) FROM " + catalog.qualifiedName(table)
                        + " GROUP BY 1 ORDER BY 1").collectAsList()) {
                    counts.put(row.getString(0), row.getLong(1));
                }
                sparkCounts.put(table, counts);
            }
            sparkFirstStart = spark.sql("SELECT date_format(min(started_at), 'yyyy-MM-dd HH:mm:ss.SSSSSS')"
                    + " FROM aesweep.sweeps.runs").first().getString(0);
        }

        try (TrinoServer trino = TrinoServer.start(install, out.resolve("catalog.db"), out.resolve("tables"),
                work.resolve("trino"))) {
            assertEquals(List.of("bias_variance", "epoch_metrics", "latent_codes", "latent_probes", "runs"),
                    trino.tables("sweeps").stream().sorted().toList());
            for (Table table : Table.values()) {
                String name = "sweeps." + table.directoryName();
                Map<String, String> types = trino.columnTypes(name);
                assertEquals(TrinoTypes.of(sparkSchemas.get(table)), types, name);
                assertEquals("varchar", types.get("sweep_id"), name);
                assertEquals(sparkCounts.get(table), trino.countsBy(name, "sweep_id"), name);
                assertTrue(sparkCounts.get(table).get(SWEEP) > 0, name);
            }
            assertEquals("timestamp(6) with time zone", trino.columnTypes("sweeps.runs").get("started_at"));
            assertEquals(List.of(List.of(sparkFirstStart + " UTC")),
                    trino.query("SELECT min(started_at) FROM sweeps.runs").rows());
        }
    }
}
