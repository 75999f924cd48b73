package org.aesweep.engine.kernels;

import org.nd4j.linalg.factory.Nd4j;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether aesweep's JVM-side kernels may run: the JVM resolved the incubating
 * {@code jdk.incubator.vector} module (started with {@code --add-modules jdk.incubator.vector}, as
 * {@code conf/java17-opens.options} and {@code conf/spark-defaults.conf} do), and ND4J computes on
 * the CPU backend. On the CUDA backend arrays live on the GPU and the kernels, which work on host
 * memory, must not touch them. Code with a kernel asks here and otherwise takes its ND4J path,
 * which gives the same results more slowly.
 */
public final class VectorApi {
    private static final Logger LOG = LoggerFactory.getLogger(VectorApi.class);
    private static final boolean MODULE = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
    private static final boolean CPU = Nd4j.getEnvironment().isCPU();

    static {
        if (CPU && !MODULE) {
            LOG.warn("The JVM runs without --add-modules jdk.incubator.vector: the loss, Adam and dense-layer kernels"
                    + " fall back to libnd4j, which makes dense training two to three times slower"
                    + " (see conf/java17-opens.options)");
        }
    }

    private VectorApi() {
    }

    public static boolean available() {
        return MODULE && CPU;
    }

    /**
     * Whether kernels on Java arrays (not ND4J's buffers) may run: only the module is needed, so
     * they run on the CUDA backend too.
     */
    public static boolean moduleAvailable() {
        return MODULE;
    }
}
