package org.aesweep.io;

import java.io.Serializable;
import java.util.regex.Pattern;

import org.apache.hadoop.fs.Path;

/**
 * Where a sweep's files live under an output root (any Hadoop FileSystem URI):
 * <pre>
 *   tables/&lt;table&gt;/sweep_id=&lt;id&gt;/run-&lt;run_id&gt;.parquet   one file per run and table
 *   models/sweep_id=&lt;id&gt;/&lt;run_id&gt;.zip                      DL4J ModelSerializer
 *   reports/sweep_id=&lt;id&gt;/                                 plots
 *   _staging/sweep_id=&lt;id&gt;/&lt;run_id&gt;-&lt;attempt&gt;/             private to a run attempt until it commits
 * </pre>
 * Hive-style {@code sweep_id=} directories let Spark, Trino and DuckDB prune by sweep.
 */
public final class TableLayout implements Serializable {
    private static final Pattern SWEEP_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
    private static final String RUN_FILE_PREFIX = "run-";
    private static final String PARQUET = ".parquet";

    private final String outRoot;
    private final String sweepId;

    public TableLayout(String outRoot, String sweepId) {
        if (!isValidSweepId(sweepId)) {
            throw new IllegalArgumentException(describeSweepIdRule(sweepId));
        }
        this.outRoot = outRoot;
        this.sweepId = sweepId;
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
        return new Path(new Path(new Path(root(), "_staging"), partitionName()), runId + "-" + attempt);
    }

    private String partitionName() {
        return "sweep_id=" + sweepId;
    }
}
