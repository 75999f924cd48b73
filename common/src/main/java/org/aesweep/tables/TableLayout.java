package org.aesweep.tables;

import java.io.Serializable;
import java.util.List;
import java.util.regex.Pattern;

import org.apache.hadoop.fs.Path;

/**
 * Where a sweep's files live under an output root (any Hadoop FileSystem URI):
 * <pre>
 *   catalog.db                                               the embedded Iceberg catalog (see TableCatalog)
 *   duckdb.sql                                               views over the current snapshots, for DuckDB
 *   tables/&lt;table&gt;/metadata/                                Iceberg's metadata of the table
 *   tables/&lt;table&gt;/sweep_id=&lt;id&gt;/run-&lt;run_id&gt;-&lt;attempt&gt;.parquet  one run attempt's rows
 *   tables/&lt;table&gt;/sweep_id=&lt;id&gt;/part-&lt;tag&gt;.parquet      many runs' rows (compaction, aggregation)
 *   tables/runs/sweep_id=&lt;id&gt;/_SUCCESS                      a finished sweep's summary, written last
 *   models/sweep_id=&lt;id&gt;/&lt;run_id&gt;.zip                      DL4J ModelSerializer
 *   reports/sweep_id=&lt;id&gt;/                                 plots
 *   _staging/sweep_id=&lt;id&gt;/&lt;run_id&gt;-&lt;attempt&gt;/             private to a run attempt: its model until it finishes
 *   .sweep_id=&lt;id&gt;.&lt;tag&gt;/ in place of models' and reports' sweep_id=&lt;id&gt;/   an --overwrite in progress
 * </pre>
 * Which table files hold the tables' rows is the catalog's to say: a partition directory also
 * keeps files of older snapshots (time travel) and of attempts not committed. Every file name is
 * used once, since query engines cache Parquet footers by path.
 */
public final class TableLayout implements Serializable {
    private static final Pattern SWEEP_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
    private static final String RUN_FILE_PREFIX = "run-";
    private static final String PARQUET = ".parquet";
    private static final String COMPACTED_PREFIX = "part-";
    private static final String TABLES = "tables";
    private static final String MODELS = "models";
    private static final String REPORTS = "reports";
    private static final String STAGING = "_staging";
    private static final String STAGED_MODEL = "model.zip";
    /** Spark's name for a finished job's marker. */
    static final String SUCCESS_MARKER = "_SUCCESS";

    private final String outRoot;
    private final String sweepId;
    /** The directory name of the sweep's models and reports: its partition's, or a hidden one while overwriting. */
    private final String partitionName;

    public TableLayout(String outRoot, String sweepId) {
        this(outRoot, sweepId, "sweep_id=" + checked(sweepId));
    }

    private TableLayout(String outRoot, String sweepId, String partitionName) {
        this.outRoot = outRoot;
        this.sweepId = sweepId;
        this.partitionName = partitionName;
    }

    private static String checked(String sweepId) {
        if (!isValidSweepId(sweepId)) {
            throw new IllegalArgumentException(describeSweepIdRule(sweepId));
        }
        return sweepId;
    }

    /**
     * The same sweep with its models and reports in hidden directories ({@code .sweep_id=<id>.<tag>}),
     * which {@link PartitionSwap} later puts in place. Its table files go where the sweep's always
     * do: they are invisible until committed.
     */
    public TableLayout shadow(String tag) {
        return new TableLayout(outRoot, sweepId, "." + tablePartitionName() + "." + tag);
    }

    /** The directories of this sweep's files that are not in a table: models and reports. */
    public List<Path> partitionDirectories() {
        return List.of(modelFile("x").getParent(), reportDir());
    }

    /** Where every attempt of this sweep stages its runs. */
    public Path stagingRoot() {
        return new Path(new Path(root(), STAGING), partitionName);
    }

    /** Sweep ids become directory names, so only a safe alphabet is allowed. */
    public static boolean isValidSweepId(String sweepId) {
        return sweepId != null && SWEEP_ID.matcher(sweepId).matches();
    }

    public static String describeSweepIdRule(String sweepId) {
        return "sweep id '" + sweepId + "' must be 1-128 characters of letters, digits, '.', '_' or '-', "
                + "starting with a letter or digit";
    }

    public String sweepId() {
        return sweepId;
    }

    public Path root() {
        return new Path(outRoot);
    }

    /** Where every table of every sweep under {@code outRoot} lives. */
    public static Path tablesRoot(String outRoot) {
        return new Path(new Path(outRoot), TABLES);
    }

    /** Where the table lives under {@code outRoot}: its metadata and its partitions' files. */
    public static Path tableRoot(String outRoot, Table table) {
        return new Path(tablesRoot(outRoot), table.directoryName());
    }

    public Path tableRoot(Table table) {
        return tableRoot(outRoot, table);
    }

    /** The directory of this sweep's files of {@code table}. */
    public Path tablePartition(Table table) {
        return new Path(tableRoot(table), tablePartitionName());
    }

    /** One run attempt's file of {@code table}. */
    public Path attemptFile(Table table, String runId, String attempt) {
        return new Path(tablePartition(table), RUN_FILE_PREFIX + runId + "-" + attempt + PARQUET);
    }

    /** A file holding many runs' rows of one table (compaction, the aggregation's tables). */
    public Path compactedFile(Table table, String tag) {
        return new Path(tablePartition(table), COMPACTED_PREFIX + tag + PARQUET);
    }

    /** Where a finished sweep leaves its summary: in the runs partition, which says what is committed. */
    public Path successMarker() {
        return new Path(tablePartition(Table.RUNS), SUCCESS_MARKER);
    }

    public Path modelFile(String runId) {
        return new Path(new Path(new Path(root(), MODELS), partitionName()), runId + ".zip");
    }

    public Path reportDir() {
        return new Path(new Path(root(), REPORTS), partitionName());
    }

    public Path stagingDir(String runId, String attempt) {
        return new Path(stagingRoot(), runId + "-" + attempt);
    }

    /** The model in a staging directory, before it moves to {@link #modelFile}. */
    public static Path stagedModelFile(Path stagingDir) {
        return new Path(stagingDir, STAGED_MODEL);
    }

    String partitionName() {
        return partitionName;
    }

    private String tablePartitionName() {
        return "sweep_id=" + sweepId;
    }
}
