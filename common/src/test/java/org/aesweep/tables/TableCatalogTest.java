package org.aesweep.tables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Closeable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.aesweep.BadInputException;
import org.apache.hadoop.fs.Path;
import org.apache.iceberg.CatalogUtil;
import org.apache.iceberg.HasTableOperations;
import org.apache.iceberg.PartitionField;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.TableProperties;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.SupportsNamespaces;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.mapping.MappedField;
import org.apache.iceberg.mapping.NameMapping;
import org.apache.iceberg.mapping.NameMappingParser;
import org.apache.iceberg.types.Types;
import org.apache.spark.SparkConf;
import org.junit.jupiter.api.Test;

/** Opening the catalog: the tables it creates, and what it does with tables that already exist. */
class TableCatalogTest extends TableTestBase {
    /** Columns of today's schemas that their older versions lacked (see OlderSchemaReadTest). */
    private static final Map<Table, List<String>> NEWER_COLUMNS = Map.of(
            Table.RUNS, List.of("fused_runs", "threads", "noise_draw"),
            Table.BIAS_VARIANCE, List.of("decomposition", "noise", "bias"));

    @Test
    void everyTableIsAFormatVersion2TablePartitionedBySweepId() {
        for (Table table : Table.values()) {
            org.apache.iceberg.Table iceberg = load(table);
            assertEquals(2, ((HasTableOperations) iceberg).operations().current().formatVersion(), table.name());
            List<PartitionField> fields = iceberg.spec().fields();
            assertEquals(1, fields.size(), table.name());
            assertEquals("identity", fields.get(0).transform().toString(), table.name());
            assertEquals("sweep_id", iceberg.schema().findColumnName(fields.get(0).sourceId()), table.name());
            assertEquals(Types.StringType.get(), iceberg.schema().findType("sweep_id"), table.name());
            assertNull(iceberg.currentSnapshot(), table.name());
        }
    }

    @Test
    void runsTimestampsAreTimestampsWithTimeZone() {
        Schema schema = load(Table.RUNS).schema();
        assertEquals(Types.TimestampType.withZone(), schema.findType("started_at"));
        assertEquals(Types.TimestampType.withZone(), schema.findType("finished_at"));
    }

    @Test
    void everyTableLivesUnderTheOutputRoot() {
        for (Table table : Table.values()) {
            assertEquals(new Path(catalog.outRoot(), "tables/" + table.directoryName()),
                    new Path(load(table).location()), table.name());
        }
    }

    @Test
    void everyColumnIsInTheNameMappingUnderItsFieldId() {
        for (Table table : Table.values()) {
            org.apache.iceberg.Table iceberg = load(table);
            String json = iceberg.properties().get(TableProperties.DEFAULT_NAME_MAPPING);
            assertNotNull(json, table.name());
            NameMapping mapping = NameMappingParser.fromJson(json);
            for (Types.NestedField column : iceberg.schema().columns()) {
                MappedField mapped = mapping.find(column.name());
                assertNotNull(mapped, table + "." + column.name());
                assertEquals(column.fieldId(), mapped.id(), table + "." + column.name());
            }
        }
    }

    @Test
    void reopeningCommitsNothing() throws Exception {
        Map<Table, String> before = metadataLocations();
        catalog.close();
        catalog = TableCatalog.open(new SparkConf(false), work.resolve("out").toString(), conf);

        assertEquals(before, metadataLocations());
    }

    @Test
    void reopeningKeepsTheRows() throws Exception {
        AppendRuns.commit(catalog, SWEEP, List.of(writeRun(SWEEP, run(0))));
        catalog.close();
        catalog = TableCatalog.open(new SparkConf(false), work.resolve("out").toString(), conf);

        assertEquals(1, rows(Table.RUNS).size());
    }

    @Test
    void aTableRegisteredAtAnotherLocationIsRefused() throws Exception {
        // Two output roots that share one catalog: the second finds the tables of the first.
        SparkConf shared = new SparkConf(false);
        TableCatalog.embeddedSettings(catalog.outRoot(), conf).forEach(shared::set);
        String runsLocation = load(Table.RUNS).location();
        String otherRoot = work.resolve("other-out").toUri().toString();
        // Two connection pools on one SQLite file lock each other out.
        catalog.close();
        catalog = null;

        BadInputException refused = assertThrows(BadInputException.class,
                () -> TableCatalog.open(shared, otherRoot, conf).close());

        String message = refused.getMessage();
        assertTrue(message.contains(runsLocation), message);
        assertTrue(message.contains(new Path(otherRoot).toUri().getPath()), message);
    }

    @Test
    void anOutputRootOffTheLocalFileSystemNeedsACatalogConfigured() {
        BadInputException refused = assertThrows(BadInputException.class,
                () -> TableCatalog.open(new SparkConf(false), "hdfs://localhost:1/aesweep-out", conf).close());

        assertTrue(refused.getMessage().contains("spark.sql.catalog.aesweep"), refused.getMessage());
    }

    @Test
    void aHadoopCatalogIsRefused() {
        SparkConf hadoop = new SparkConf(false)
                .set("spark.sql.catalog.aesweep", "org.apache.iceberg.spark.SparkCatalog")
                .set("spark.sql.catalog.aesweep.type", "hadoop")
                .set("spark.sql.catalog.aesweep.warehouse", work.resolve("hadoop-warehouse").toUri().toString());

        BadInputException refused = assertThrows(BadInputException.class,
                () -> TableCatalog.open(hadoop, work.resolve("hadoop-out").toString(), conf).close());

        assertTrue(refused.getMessage().contains("type=hadoop"), refused.getMessage());
    }

    @Test
    void aTableCreatedWithAnOlderSchemaGainsTheNewColumns() throws Exception {
        catalog.close();
        catalog = null;
        String outRoot = work.resolve("older-out").toUri().toString();
        createOlderTables(outRoot);

        catalog = TableCatalog.open(new SparkConf(false), outRoot, conf);

        for (Map.Entry<Table, List<String>> newer : NEWER_COLUMNS.entrySet()) {
            org.apache.iceberg.Table table = load(newer.getKey());
            NameMapping mapping = NameMappingParser.fromJson(table.properties().get(TableProperties.DEFAULT_NAME_MAPPING));
            for (String column : newer.getValue()) {
                Types.NestedField field = table.schema().findField(column);
                assertNotNull(field, column);
                assertNotNull(mapping.find(column), column);
                assertEquals(field.fieldId(), mapping.find(column).id(), column);
            }
            assertEquals(IcebergSchemas.of(newer.getKey()).columns().size(), table.schema().columns().size(),
                    newer.getKey().name());
        }
    }

    @Test
    void aColumnAddedToAnOlderTableIsReadThroughTheUpdatedMapping() throws Exception {
        catalog.close();
        catalog = null;
        String outRoot = work.resolve("older-out").toUri().toString();
        createOlderTables(outRoot);
        catalog = TableCatalog.open(new SparkConf(false), outRoot, conf);

        AppendRuns.commit(catalog, SWEEP, List.of(writeRun(SWEEP, run(0))));

        // parquet-avro's files carry no field ids: only the name mapping ties the file's threads
        // column to the field the evolution added, so without it threads would read as null.
        org.apache.iceberg.data.Record row = rows(Table.RUNS).get(0);
        assertEquals(2, row.getField("threads"));
        assertEquals(1, row.getField("fused_runs"));
        // The columns after the added ones in the file but before them in the table still read as themselves.
        assertEquals("cpu", row.getField("backend"));
        assertEquals("driver localhost", row.getField("executor"));
    }

    /**
     * Creates the tables of {@link #NEWER_COLUMNS} as a release that lacked those columns would
     * have, each with a name mapping of its own columns, in the catalog that opening {@code outRoot} uses.
     */
    private void createOlderTables(String outRoot) throws Exception {
        Map<String, String> settings = TableCatalog.embeddedSettings(outRoot, conf);
        Map<String, String> properties = new LinkedHashMap<>();
        String prefix = "spark.sql.catalog.aesweep.";
        settings.forEach((key, value) -> {
            if (key.startsWith(prefix)) {
                properties.put(key.substring(prefix.length()), value);
            }
        });
        Catalog raw = CatalogUtil.buildIcebergCatalog("aesweep", properties, conf);
        try {
            ((SupportsNamespaces) raw).createNamespace(Namespace.of(TableCatalog.DEFAULT_NAMESPACE));
            for (Map.Entry<Table, List<String>> newer : NEWER_COLUMNS.entrySet()) {
                Schema today = IcebergSchemas.of(newer.getKey());
                List<String> older = new ArrayList<>();
                today.columns().stream().map(Types.NestedField::name).filter(name -> !newer.getValue().contains(name))
                        .forEach(older::add);
                Schema olderSchema = today.select(older);
                org.apache.iceberg.Table table = raw.buildTable(TableIdentifier.of(TableCatalog.DEFAULT_NAMESPACE,
                                newer.getKey().directoryName()), olderSchema)
                        .withPartitionSpec(PartitionSpec.builderFor(olderSchema).identity("sweep_id").build())
                        .withLocation(TableLayout.tableRoot(outRoot, newer.getKey()).toString())
                        .withProperty(TableProperties.FORMAT_VERSION, "2")
                        .create();
                table.updateProperties().set(TableProperties.DEFAULT_NAME_MAPPING,
                        NameMappingParser.toJson(org.apache.iceberg.mapping.MappingUtil.create(table.schema())))
                        .commit();
                assertNull(table.schema().findField(newer.getValue().get(0)));
            }
        } finally {
            // Two connection pools on one SQLite file lock each other out.
            ((Closeable) raw).close();
        }
    }
}
