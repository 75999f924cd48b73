package org.aesweep.vector;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether this JVM resolved the incubating {@code jdk.incubator.vector} module (started with
 * {@code --add-modules jdk.incubator.vector}, as {@code conf/java17-opens.options} and
 * {@code conf/spark-defaults.conf} do). Code that has a Vector API fast path asks here and
 * otherwise takes its libnd4j path, which gives the same results more slowly.
 */
public final class VectorApi {
    private static final Logger LOG = LoggerFactory.getLogger(VectorApi.class);
    private static final boolean AVAILABLE = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();

    static {
        if (!AVAILABLE) {
            LOG.warn("The JVM runs without --add-modules jdk.incubator.vector: the loss, Adam and dense-layer kernels fall back to"
                    + " libnd4j, which makes dense training steps up to twice as slow (see conf/java17-opens.options)");
        }
    }

    private VectorApi() {
    }

    public static boolean available() {
        return AVAILABLE;
    }
}
