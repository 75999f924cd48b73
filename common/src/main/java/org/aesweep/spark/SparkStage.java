package org.aesweep.spark;

import org.apache.spark.SparkContext;

/**
 * Names the Spark jobs started inside a try-with-resources block after the aesweep job, the sweep
 * and the stage, so the Spark UI and history server show what each job is doing:
 * <pre>
 * try (SparkStage stage = SparkStage.begin(sc, "sweep", sweepId, "train 24 local runs")) { ... }
 * </pre>
 * The job group id is {@code aesweep-<job>-<sweep id>-<stage key>}; listeners use it to pick out
 * a stage's tasks.
 */
public final class SparkStage implements AutoCloseable {
    private final SparkContext sc;
    private final String groupId;

    private SparkStage(SparkContext sc, String groupId) {
        this.sc = sc;
        this.groupId = groupId;
    }

    /**
     * @param job         sweep or aggregate
     * @param stageKey    short, stable key of the stage (run id, "local-runs", "plots")
     * @param description what the UI shows next to the job
     */
    public static SparkStage begin(SparkContext sc, String job, String sweepId, String stageKey, String description) {
        String groupId = groupId(job, sweepId, stageKey);
        sc.setJobGroup(groupId, "aesweep " + job + " " + sweepId + ": " + description, false);
        return new SparkStage(sc, groupId);
    }

    public static String groupId(String job, String sweepId, String stageKey) {
        return "aesweep-" + job + "-" + sweepId + "-" + stageKey;
    }

    public String groupId() {
        return groupId;
    }

    @Override
    public void close() {
        sc.clearJobGroup();
    }
}
