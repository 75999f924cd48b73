package org.aesweep.engine.kernels;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.function.BiFunction;

import org.nd4j.linalg.factory.Nd4j;

/**
 * Splits the JVM-side kernels (Adam, cross-entropy) over as many threads as ND4J may use for this
 * task (its max master threads, which aesweep sets to the Spark task's cores; libnd4j in M2.1
 * ignores lowering max threads below the core count),
 * the way libnd4j splits its own ops. The caller computes the first part itself; the others run
 * in a shared pool of daemon threads. Small inputs stay on the calling thread, where a hand-off
 * would cost more than it saves.
 */
public final class KernelThreads {
    /** Below this many elements per part, a thread hand-off (tens of microseconds) does not pay. */
    public static final int MIN_PER_PART = 32_768;
    private static final ForkJoinPool POOL = new ForkJoinPool(Runtime.getRuntime().availableProcessors());

    private KernelThreads() {
    }

    /**
     * Applies {@code part} to contiguous ranges {@code [from, to)} that cover {@code [0, count)},
     * each of a multiple of {@code unit} elements but the last, and returns the results in range order.
     */
    public static <T> List<T> split(int count, int unit, BiFunction<Integer, Integer, T> part) {
        int threads = Math.min(Nd4j.getEnvironment().maxThreads(), Nd4j.getEnvironment().maxMasterThreads());
        int parts = Math.max(1, Math.min(threads, count / MIN_PER_PART));
        if (parts == 1) {
            return List.of(part.apply(0, count));
        }
        int units = (count + unit - 1) / unit;
        int unitsPerPart = (units + parts - 1) / parts;
        List<ForkJoinTask<T>> forked = new ArrayList<>();
        for (int p = 1; p < parts; p++) {
            int from = Math.min(count, p * unitsPerPart * unit);
            int to = Math.min(count, (p + 1) * unitsPerPart * unit);
            forked.add(POOL.submit(() -> part.apply(from, to)));
        }
        List<T> results = new ArrayList<>();
        results.add(part.apply(0, Math.min(count, unitsPerPart * unit)));
        for (ForkJoinTask<T> task : forked) {
            results.add(task.join());
        }
        return results;
    }
}
