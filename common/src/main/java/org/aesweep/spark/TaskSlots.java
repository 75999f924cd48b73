package org.aesweep.spark;

import org.apache.spark.api.java.JavaSparkContext;

/** How many tasks the cluster runs at once: its cores over {@code spark.task.cpus}. */
public final class TaskSlots {
    private TaskSlots() {
    }

    public static int of(JavaSparkContext jsc) {
        int taskCpus = jsc.getConf().getInt("spark.task.cpus", 1);
        return Math.max(1, jsc.defaultParallelism() / taskCpus);
    }
}
