package org.aesweep.tables;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.apache.hadoop.fs.Path;

/**
 * Where a sweep's files live under an output root (any Hadoop FileSystem URI):
 * <pre>
 *   tables/&lt;table&gt;/sweep_id=&lt;id&gt;/run-&lt;run_id&gt;.parquet   one file per run and table
 *   tables/&lt;table&gt;/sweep_id=&lt;id&gt;/part-&lt;tag&gt;.parquet      many runs' rows, after compaction
 *   tables/bias_variance/sweep_id=&lt;id&gt;/part-00000.parquet   the aggregation's whole table
 *   tables/runs/sweep_id=&lt;id&gt;/_SUCCESS                      a finished sweep's summary, written last
 *   models/sweep_id=&lt;id&gt;/&lt;run_id&gt;.zip                      DL4J ModelSerializer
 *   reports/sweep_id=&lt;id&gt;/                                 plots
 *   _staging/sweep_id=&lt;id&gt;/&lt;run_id&gt;-&lt;attempt&gt;/             private to a run attempt until it commits:
 *       &lt;table&gt;.parquet, model.zip                          its files, under the names above once committed
 *   .sweep_id=&lt;id&gt;.&lt;tag&gt;/ in place of sweep_id=&lt;id&gt;/         an --overwrite in progress (hidden)
 * </pre>
 * Hive-style {@code sweep_id=} directories let Spark and DuckDB, reading by path, prune by sweep.
 */
public final class TableLayout implements Serializable {
    private static final Pattern SWEEP_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
    private static final String RUN_FILE_PREFIX = "run-";
    private static final String PARQUET = ".parquet";
    private static final String COMPACTED_PREFIX = "part-";
    /** The tag of a table the aggregation writes whole: one file, so a rerun replaces it. */
    private static final String WHOLE_TABLE_TAG = "00000";
    private static final String TABLES = "tables";
    private static final String MODELS = "models";
    private static final String REPORTS = "reports";
    private static final String STAGING = "_staging";
    private static final String STAGED_MODEL = "model.zip";
    /** Spark's name for a finished job's marker; compaction keeps it in whichever partition has one. */
    static final String SUCCESS_MARKER = "_SUCCESS";

    private final String outRoot;
    private final String sweepId;
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
     * The same sweep written into hidden partitions ({@code .sweep_id=<id>.<tag>}), which Spark,
     * Hive-style readers and DuckDB skip; {@link PartitionSwap} later puts them in place.
     */
    public TableLayout shadow(String tag) {
        return new TableLayout(outRoot, sweepId, "." + partitionName + "." + tag);
    }

    /** Every directory that holds this sweep's files: each table's partition, models, reports. */
    public List<Path> partitionDirectories() {
        List<Path> dirs = new ArrayList<>();
        for (Table table : Table.values()) {
            dirs.add(tablePartition(table));
        }
        dirs.add(modelFile("x").getParent());
        dirs.add(reportDir());
        return dirs;
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

    public Path tableRoot(Table table) {
        return new Path(tablesRoot(outRoot), table.directoryName());
    }

    public Path tablePartition(Table table) {
        return new Path(tableRoot(table), partitionName());
    }

    public Path runFile(Table table, String runId) {
        return new Path(tablePartition(table), RUN_FILE_PREFIX + runId + PARQUET);
    }

    /** The name of a file holding many runs' rows of one table, written by compaction. */
    public static String compactedFileName(String tag) {
        return COMPACTED_PREFIX + tag + PARQUET;
    }

    /**
     * The one file of a table the aggregation writes whole for the sweep (bias_variance), under a
     * fixed name so a rerun replaces it; readers take it for a compacted file.
     */
    public Path wholeTableFile(Table table) {
        return new Path(tablePartition(table), compactedFileName(WHOLE_TABLE_TAG));
    }

    public static boolean isCompactedFile(String fileName) {
        return fileName.startsWith(COMPACTED_PREFIX) && fileName.endsWith(PARQUET);
    }

    /** The run id of a per-run table file name, or null for any other file. */
    public static String runIdOf(String fileName) {
        if (fileName.startsWith(RUN_FILE_PREFIX) && fileName.endsWith(PARQUET)) {
            return fileName.substring(RUN_FILE_PREFIX.length(), fileName.length() - PARQUET.length());
        }
        return null;
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

    /** A table's file in a staging directory, before it moves to its place in the table. */
    public static Path stagedTableFile(Path stagingDir, Table table) {
        return new Path(stagingDir, table.directoryName() + PARQUET);
    }

    /** The model in a staging directory, before it moves to {@link #modelFile}. */
    public static Path stagedModelFile(Path stagingDir) {
        return new Path(stagingDir, STAGED_MODEL);
    }

    String partitionName() {
        return partitionName;
    }
}
