package org.aesweep.spark;

import java.util.concurrent.atomic.AtomicBoolean;

import org.aesweep.engine.FencedOpExecutioner;
import org.apache.spark.TaskContext;
import org.nd4j.linalg.factory.Nd4j;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sizes ND4J's OpenMP and BLAS thread pools to the cores Spark gave the task. ND4J would otherwise
 * use every core for each op, and concurrent tasks in one executor would oversubscribe the CPU.
 *
 * <p>OpenMP threads spin between ops unless {@code OMP_WAIT_POLICY=PASSIVE} is in the environment
 * when the JVM starts (libgomp reads it once, so it cannot be set from here). Spinning threads on
 * shared cores slowed training 7 to 10 times in our measurements; the launch scripts and
 * conf/spark-defaults.conf set it, and a task warns where it is missing.
 */
public final class ExecutorThreads {
    private static final Logger LOG = LoggerFactory.getLogger(ExecutorThreads.class);
    private static final String WAIT_POLICY = "OMP_WAIT_POLICY";
    private static final AtomicBoolean WARNED = new AtomicBoolean();
    private static final AtomicBoolean WARNED_UNFENCED = new AtomicBoolean();

    private ExecutorThreads() {
    }

    /** Sizes the pools to the current task's cores (all of the machine's outside a task); returns the threads. */
    public static int configureForCurrentTask() {
        return configureForCurrentTask(0);
    }

    /**
     * @param cores the cores the driver reserved for this task (see org.aesweep.plan.RunBatch#cores),
     *              which in local mode Spark's own record of the task does not show; 0 for the task's cpus
     * @return the threads ND4J and the JVM-side kernels now use
     */
    public static int configureForCurrentTask(int cores) {
        TaskContext task = TaskContext.get();
        int threads = cores > 0 ? cores
                : task != null ? Math.max(1, task.cpus()) : Runtime.getRuntime().availableProcessors();
        Nd4j.getEnvironment().setMaxThreads(threads);
        Nd4j.getEnvironment().setMaxMasterThreads(threads);
        Nd4j.factory().blas().setMaxThreads(threads);
        if (threads > 1 && System.getenv(WAIT_POLICY) == null && WARNED.compareAndSet(false, true)) {
            LOG.warn("{} is not set: ND4J's {} OpenMP threads will spin between ops and slow down when cores are"
                    + " shared; start the JVM with {}=PASSIVE (spark.executorEnv.{} for executors)", WAIT_POLICY,
                    threads, WAIT_POLICY, WAIT_POLICY);
        }
        if (Nd4j.getEnvironment().isCPU() && !FencedOpExecutioner.isInstalled()
                && WARNED_UNFENCED.compareAndSet(false, true)) {
            LOG.warn("ND4J runs its ops through {}, which lets the garbage collector free an op's buffers while"
                    + " libnd4j reads them (an occasional SIGSEGV); start the JVM with -Dopexec={} as"
                    + " conf/spark-defaults.conf does", Nd4j.getExecutioner().getClass().getName(),
                    FencedOpExecutioner.class.getName());
        }
        return threads;
    }
}
