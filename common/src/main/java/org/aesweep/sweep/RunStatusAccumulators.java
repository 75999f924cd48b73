package org.aesweep.sweep;

import java.io.Serializable;
import java.util.EnumMap;
import java.util.Map;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.aesweep.outputs.RunSummary;
import org.aesweep.train.RunStatus;
import org.apache.spark.SparkContext;
import org.apache.spark.scheduler.AccumulableInfo;
import org.apache.spark.scheduler.TaskInfo;
import org.apache.spark.util.LongAccumulator;
import scala.collection.JavaConverters;

/**
 * One named Spark accumulator per run status, which a task adds 1 to for each of its runs. A task's
 * accumulator updates travel with its completion event, so a listener on the driver learns how
 * its runs ended while the job is still running, long before the results are collected.
 */
public final class RunStatusAccumulators implements Serializable {
    private static final String PREFIX = "aesweep runs ";

    private final Map<RunStatus, LongAccumulator> accumulators;

    private RunStatusAccumulators(Map<RunStatus, LongAccumulator> accumulators) {
        this.accumulators = accumulators;
    }

    public static RunStatusAccumulators register(SparkContext sc) {
        Map<RunStatus, LongAccumulator> accumulators = new EnumMap<>(RunStatus.class);
        for (RunStatus status : RunStatus.values()) {
            accumulators.put(status, sc.longAccumulator(PREFIX + status.tableValue()));
        }
        return new RunStatusAccumulators(accumulators);
    }

    /**
     * Counts the runs in their statuses' accumulators; runs inside the task. Returns them in an
     * ArrayList, which Kryo can rebuild on the driver (it cannot rebuild immutable lists).
     */
    public List<RunSummary> record(List<RunSummary> runs) {
        for (RunSummary run : runs) {
            accumulators.get(run.status()).add(1);
        }
        return new ArrayList<>(runs);
    }

    /** How the runs of a finished task ended, read from the task's accumulator updates, in status order. */
    public static List<RunStatus> statusesOf(TaskInfo task) {
        Map<RunStatus, Long> counts = new EnumMap<>(RunStatus.class);
        for (AccumulableInfo info : JavaConverters.seqAsJavaList(task.accumulables())) {
            if (info.name().isEmpty() || info.update().isEmpty()) {
                continue;
            }
            String name = info.name().get();
            Object update = info.update().get();
            for (RunStatus status : RunStatus.values()) {
                if (name.equals(PREFIX + status.tableValue()) && update instanceof Long count && count > 0) {
                    counts.put(status, count);
                }
            }
        }
        List<RunStatus> statuses = new ArrayList<>();
        counts.forEach((status, count) -> statuses.addAll(Collections.nCopies(count.intValue(), status)));
        return statuses;
    }
}
