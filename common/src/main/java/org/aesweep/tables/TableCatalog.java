package org.aesweep.tables;

import java.io.Closeable;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.aesweep.BadInputException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.iceberg.CatalogProperties;
import org.apache.iceberg.CatalogUtil;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.TableProperties;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.SupportsNamespaces;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.exceptions.AlreadyExistsException;
import org.apache.iceberg.mapping.MappingUtil;
import org.apache.iceberg.mapping.NameMappingParser;
import org.apache.iceberg.spark.SparkCatalog;
import org.apache.iceberg.types.TypeUtil;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.RuntimeConfig;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.connector.catalog.CatalogPlugin;

/**
 * The Iceberg catalog that holds aesweep's tables: Spark's catalog named {@code aesweep}, set up
 * with Iceberg's own Spark catalog properties ({@code spark.sql.catalog.aesweep.*}). Unless the
 * session configures it, it is the embedded default: Iceberg's JDBC catalog on a SQLite file in the
 * output root, which needs no server. Commits go through the session's catalog so one process
 * holds one connection pool to it (two pools on one SQLite file lock each other out).
 *
 * <p>Each table lives at {@code <out>/tables/<table>}, partitioned by {@code sweep_id}; its data
 * files are parquet-avro's, read through a name mapping since they carry no Iceberg field ids.
 */
public final class TableCatalog implements Closeable {
    /** The catalog's name in Spark SQL and in Trino's catalog file. */
    public static final String NAME = "aesweep";
    /** The Spark setting that names the namespace of the tables; {@value #DEFAULT_NAMESPACE} if unset. */
    public static final String NAMESPACE_SETTING = "spark.aesweep.namespace";
    public static final String DEFAULT_NAMESPACE = "sweeps";
    static final String CATALOG_SETTING = "spark.sql.catalog." + NAME;
    /** The embedded catalog's file in the output root. */
    public static final String EMBEDDED_FILE = "catalog.db";

    private final Catalog catalog;
    private final Namespace namespace;
    private final String outRoot;
    private final Configuration conf;

    private TableCatalog(Catalog catalog, Namespace namespace, String outRoot, Configuration conf) {
        this.catalog = catalog;
        this.namespace = namespace;
        this.outRoot = outRoot;
        this.conf = conf;
    }

    /**
     * The session's catalog, with every table created or brought up to today's schema. Configures
     * the embedded default first when the session names no catalog {@code aesweep}.
     *
     * @param outRoot the output root the tables live under
     */
    public static TableCatalog open(SparkSession spark, String outRoot) throws BadInputException, IOException {
        outRoot = QualifiedPaths.of(outRoot, spark.sparkContext().hadoopConfiguration());
        RuntimeConfig settings = spark.conf();
        if (!settings.contains(CATALOG_SETTING)) {
            embeddedSettings(outRoot, spark.sparkContext().hadoopConfiguration()).forEach(settings::set);
        }
        refuseRenamingCatalog(settings.get(CATALOG_SETTING + ".type", ""));
        CatalogPlugin plugin = spark.sessionState().catalogManager().catalog(NAME);
        if (!(plugin instanceof SparkCatalog sparkCatalog)) {
            throw new BadInputException(CATALOG_SETTING + " must be Iceberg's " + SparkCatalog.class.getName()
                    + ", not " + plugin.getClass().getName());
        }
        String namespace = settings.get(NAMESPACE_SETTING, DEFAULT_NAMESPACE);
        TableCatalog tables = new TableCatalog(sparkCatalog.icebergCatalog(), Namespace.of(namespace), outRoot,
                spark.sparkContext().hadoopConfiguration());
        tables.ensureTables();
        return tables;
    }

    /**
     * The same catalog for a tool that runs without Spark: configured by the {@code spark.*}
     * settings given (spark-submit passes them to the driver as system properties, which a
     * {@code new SparkConf()} reads), or the embedded default. Close it when done.
     */
    public static TableCatalog open(SparkConf sparkSettings, String outRoot, Configuration conf)
            throws BadInputException, IOException {
        outRoot = QualifiedPaths.of(outRoot, conf);
        Map<String, String> settings = new LinkedHashMap<>();
        if (sparkSettings.contains(CATALOG_SETTING)) {
            for (scala.Tuple2<String, String> setting : sparkSettings.getAllWithPrefix(CATALOG_SETTING + ".")) {
                settings.put(setting._1(), setting._2());
            }
            refuseRenamingCatalog(settings.getOrDefault("type", ""));
        } else {
            embeddedSettings(outRoot, conf).forEach((key, value) -> {
                if (key.startsWith(CATALOG_SETTING + ".")) {
                    settings.put(key.substring(CATALOG_SETTING.length() + 1), value);
                }
            });
        }
        Catalog catalog = CatalogUtil.buildIcebergCatalog(NAME, settings, conf);
        TableCatalog tables = new TableCatalog(catalog, Namespace.of(sparkSettings.get(NAMESPACE_SETTING,
                DEFAULT_NAMESPACE)), outRoot, conf);
        tables.ensureTables();
        return tables;
    }

    /**
     * Closes the catalog's connections. A job closes it before its Spark session ends: Spark never
     * closes a catalog plugin, and an embedded catalog's pool left open would hold the SQLite file
     * against the next job in the same JVM.
     */
    @Override
    public void close() throws IOException {
        if (catalog instanceof Closeable closeable) {
            closeable.close();
        }
    }

    /**
     * Iceberg's Spark catalog properties for the embedded default: a JDBC catalog on
     * {@code <out>/catalog.db}. SQLite needs a local file, so another file system needs a catalog
     * configured for it.
     */
    static Map<String, String> embeddedSettings(String outRoot, Configuration conf)
            throws BadInputException, IOException {
        Path root = new Path(outRoot);
        if (!"file".equals(root.toUri().getScheme())) {
            throw new BadInputException("output root " + outRoot + " is not on the local file system, so it cannot hold"
                    + " the embedded catalog: configure one with " + CATALOG_SETTING + ".* (see docs/tables.md)");
        }
        root.getFileSystem(conf).mkdirs(root);
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put(CATALOG_SETTING, SparkCatalog.class.getName());
        settings.put(CATALOG_SETTING + ".type", "jdbc");
        // Write-ahead logging lets readers (a BI tool, Trino) go on while a commit writes, and a
        // commit waits for another instead of failing at once with SQLITE_BUSY.
        settings.put(CATALOG_SETTING + ".uri", "jdbc:sqlite:" + new Path(root, EMBEDDED_FILE).toUri().getPath()
                + "?journal_mode=WAL&busy_timeout=60000");
        settings.put(CATALOG_SETTING + ".warehouse", TableLayout.tablesRoot(outRoot).toString());
        // Version 1 of Iceberg's catalog tables, which Trino's JDBC catalog reads as well.
        settings.put(CATALOG_SETTING + ".jdbc.schema-version", "V1");
        // Every load sees the latest commit, made by this process or another.
        settings.put(CATALOG_SETTING + ".cache-enabled", "false");
        // One SQLite connection per process: SQLite takes one writer at a time, so a second
        // connection would only wait for the first; one serialises this process's reads and commits.
        settings.put(CATALOG_SETTING + "." + CatalogProperties.CLIENT_POOL_SIZE, "1");
        return settings;
    }

    /**
     * Iceberg's Hadoop catalog commits by renaming a metadata file, which is not atomic on object
     * stores: two writers could both win. Every other catalog type commits atomically.
     */
    private static void refuseRenamingCatalog(String type) throws BadInputException {
        if ("hadoop".equalsIgnoreCase(type)) {
            throw new BadInputException(CATALOG_SETTING + ".type=hadoop is refused: the Hadoop catalog commits by"
                    + " renaming files, which is not atomic on object stores; use jdbc, rest, hive, glue or nessie");
        }
    }

    /** The table's name in Spark SQL and Trino: {@code aesweep.<namespace>.<table>}. */
    public String qualifiedName(Table table) {
        return NAME + "." + namespace + "." + table.directoryName();
    }

    /** The table as its latest commit left it. */
    public org.apache.iceberg.Table load(Table table) {
        return catalog.loadTable(identifier(table));
    }

    public String outRoot() {
        return outRoot;
    }

    public Configuration hadoopConf() {
        return conf;
    }

    private TableIdentifier identifier(Table table) {
        return TableIdentifier.of(namespace, table.directoryName());
    }

    private void ensureTables() throws BadInputException {
        if (catalog instanceof SupportsNamespaces namespaces && !namespaces.namespaceExists(namespace)) {
            try {
                namespaces.createNamespace(namespace);
            } catch (AlreadyExistsException e) {
                // Another job created it first.
            }
        }
        for (Table table : Table.values()) {
            ensureTable(table);
        }
    }

    private void ensureTable(Table table) throws BadInputException {
        String location = TableLayout.tableRoot(outRoot, table).toString();
        org.apache.iceberg.Schema wanted = IcebergSchemas.of(table);
        org.apache.iceberg.Table existing;
        if (!catalog.tableExists(identifier(table))) {
            try {
                existing = catalog.buildTable(identifier(table), wanted)
                        .withPartitionSpec(PartitionSpec.builderFor(wanted)
                                .identity(IcebergSchemas.SWEEP_ID).build())
                        .withLocation(location)
                        .withProperty(TableProperties.FORMAT_VERSION, "2")
                        // A sweep commits once per batch of finished runs: without these, every
                        // commit's metadata file would stay on disk for good.
                        .withProperty(TableProperties.METADATA_DELETE_AFTER_COMMIT_ENABLED, "true")
                        .withProperty(TableProperties.METADATA_PREVIOUS_VERSIONS_MAX, "20")
                        .create();
            } catch (AlreadyExistsException e) {
                existing = load(table);
            }
        } else {
            existing = load(table);
        }
        if (!sameLocation(existing.location(), location)) {
            throw new BadInputException("table " + qualifiedName(table) + " lives at " + existing.location()
                    + ", not under the output root " + outRoot + ": use that output root, or another namespace ("
                    + NAMESPACE_SETTING + ")");
        }
        evolve(existing, wanted);
    }

    /**
     * Adds the columns today's schema has and the table lacks, and keeps the name mapping (made
     * from the table's own field ids, which creation assigns) in step with the columns.
     */
    private static void evolve(org.apache.iceberg.Table existing, org.apache.iceberg.Schema wanted) {
        if (!TypeUtil.indexByName(existing.schema().asStruct()).keySet()
                .containsAll(TypeUtil.indexByName(wanted.asStruct()).keySet())) {
            existing.updateSchema().unionByNameWith(wanted).commit();
        }
        String mapping = NameMappingParser.toJson(MappingUtil.create(existing.schema()));
        if (!mapping.equals(existing.properties().get(TableProperties.DEFAULT_NAME_MAPPING))) {
            existing.updateProperties().set(TableProperties.DEFAULT_NAME_MAPPING, mapping).commit();
        }
    }

    private boolean sameLocation(String actual, String expected) {
        try {
            Path a = new Path(actual);
            Path e = new Path(expected);
            return a.getFileSystem(conf).makeQualified(a).equals(e.getFileSystem(conf).makeQualified(e));
        } catch (IOException e) {
            return actual.equals(expected);
        }
    }
}
