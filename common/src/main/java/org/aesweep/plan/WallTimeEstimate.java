package org.aesweep.plan;

import java.util.List;
import java.util.PriorityQueue;

/**
 * How long a sweep's attempt should take, from each task's estimated seconds and the order the
 * sweep runs them in: the data-parallel runs one after another, then the batches widened to a whole
 * executor, then the ordinary batches over the task slots. Within a stage, tasks start costliest
 * first on whichever slot frees first, as Spark hands out partitions in order.
 *
 * @param parameterAveragedSeconds the data-parallel runs, one after another
 * @param wideSeconds              the widened batches, one per executor at a time
 * @param localSeconds             the ordinary batches over the task slots
 */
public record WallTimeEstimate(double parameterAveragedSeconds, double wideSeconds, double localSeconds) {
    public double totalSeconds() {
        return parameterAveragedSeconds + wideSeconds + localSeconds;
    }

    /** When tasks of these seconds, in this order, each take the next free one of {@code slots}: the last end. */
    public static double makespan(List<Double> taskSeconds, int slots) {
        PriorityQueue<Double> slotEnds = new PriorityQueue<>();
        for (int i = 0; i < Math.max(1, slots); i++) {
            slotEnds.add(0.0);
        }
        double end = 0;
        for (double seconds : taskSeconds) {
            double finish = slotEnds.poll() + seconds;
            slotEnds.add(finish);
            end = Math.max(end, finish);
        }
        return end;
    }
}
