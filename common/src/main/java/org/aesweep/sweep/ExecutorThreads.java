package org.aesweep.sweep;

import org.apache.spark.TaskContext;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Sizes ND4J's OpenMP and BLAS thread pools to the cores Spark gave the task. ND4J would otherwise
 * use every core for each op, and concurrent tasks in one executor would oversubscribe the CPU.
 */
public final class ExecutorThreads {
    private ExecutorThreads() {
    }

    public static int configureForCurrentTask() {
        TaskContext task = TaskContext.get();
        int threads = task != null ? Math.max(1, task.cpus()) : Runtime.getRuntime().availableProcessors();
        Nd4j.getEnvironment().setMaxThreads(threads);
        Nd4j.getEnvironment().setMaxMasterThreads(threads);
        Nd4j.factory().blas().setMaxThreads(threads);
        return threads;
    }
}
