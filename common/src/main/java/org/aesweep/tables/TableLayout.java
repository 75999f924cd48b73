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
 *   models/sweep_id=&lt;id&gt;/&lt;run_id&gt;.zip                      DL4J ModelSerializer
 *   reports/sweep_id=&lt;id&gt;/                                 plots
 *   _staging/sweep_id=&lt;id&gt;/&lt;run_id&gt;-&lt;attempt&gt;/             private to a run attempt until it commits
 *   .sweep_id=&lt;id&gt;.&lt;tag&gt;/ in place of sweep_id=&lt;id&gt;/         an --overwrite in progress (hidden)
 * </pre>
 * Hive-style {@code sweep_id=} directories let Spark, Trino and DuckDB prune by sweep.
 */
public final class TableLayout implements Serializable {
    private static final Pattern SWEEP_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
    private static final String RUN_FILE_PREFIX = "run-";
    private static final String PARQUET = ".parquet";
    private static final String COMPACTED_PREFIX = "part-";

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
        return new Path(new Path(root(), "_staging"), partitionName);
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

    public Path tableRoot(Table table) {
        return new Path(new Path(root(), "tables"), table.directoryName());
    }

    public Path tablePartition(Table table) {
        return new Path(tableRoot(table), partitionName());
    }

    public Path runFile(Table table, String runId) {
        return new Path(tablePartition(table), RUN_FILE_PREFIX + runId + PARQUET);
    }

    /** A file holding many runs' rows of one table, written by compaction. */
    public Path compactedFile(Table table, String tag) {
        return new Path(tablePartition(table), COMPACTED_PREFIX + tag + PARQUET);
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

    public Path modelFile(String runId) {
        return new Path(new Path(new Path(root(), "models"), partitionName()), runId + ".zip");
    }

    public Path reportDir() {
        return new Path(new Path(root(), "reports"), partitionName());
    }

    public Path stagingDir(String runId, String attempt) {
        return new Path(stagingRoot(), runId + "-" + attempt);
    }

    String partitionName() {
        return partitionName;
    }
}
