package org.aesweep.spark;

import java.util.List;
import java.util.stream.IntStream;

import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function;

/**
 * Work that runs on executors as one Spark task per item: the task gets the item's index, and the
 * items themselves travel in the task's closure, so only results come back.
 */
public final class SparkTasks {
    private SparkTasks() {
    }

    /** The results of {@code task} for items 0 to count - 1, each in its own Spark task, in index order. */
    public static <R> List<R> onePerIndex(JavaSparkContext jsc, int count, Function<Integer, R> task) {
        List<Integer> indices = IntStream.range(0, count).boxed().toList();
        return jsc.parallelize(indices, count).map(task).collect();
    }
}
