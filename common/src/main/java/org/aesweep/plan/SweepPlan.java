package org.aesweep.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.aesweep.spec.FusionSpec;
import org.aesweep.spec.ParameterAveragingSpec;
import org.aesweep.spec.RunConfig;

/**
 * What a sweep trains and in which order: first the data-parallel runs, one after another, each
 * on the whole cluster; then the local runs as one Spark job, most expensive first. Large runs go
 * first because each one fills every executor; the local runs then fan out and, started longest
 * first, leave only short runs for the end, so executors do not sit idle behind one straggler.
 *
 * @param fusion    whether and how many compatible local runs train together (see {@link RunBatches})
 * @param imageRows image height of the sweep's data set, which data-parallel runs build their networks for
 * @param trainSamples training images of the data set after data.train_limit (before a replicate
 *                     split); 0 when not known
 * @param testSamples  test images after data.test_limit; 0 when not known
 */
public record SweepPlan(List<PlannedRun> parameterAveraged, List<PlannedRun> local,
                        ParameterAveragingSpec parameterAveraging, FusionSpec fusion, int imageRows, int imageCols,
                        long trainSamples, long testSamples) {
    public SweepPlan {
        parameterAveraged = List.copyOf(parameterAveraged);
        local = List.copyOf(local);
    }

    /** Every run local, in grid order, without cost estimates (tests and small tools). */
    public static SweepPlan allLocal(List<RunConfig> runs) {
        List<PlannedRun> local = new ArrayList<>();
        for (RunConfig run : runs) {
            local.add(PlannedRun.local(run));
        }
        return new SweepPlan(List.of(), local, ParameterAveragingSpec.defaults(), FusionSpec.defaults(), 0, 0, 0, 0);
    }

    public List<PlannedRun> all() {
        List<PlannedRun> all = new ArrayList<>(parameterAveraged);
        all.addAll(local);
        return all;
    }

    /** The same plan without the runs whose ids are in {@code skip}. */
    public SweepPlan without(Set<String> skip) {
        return new SweepPlan(
                parameterAveraged.stream().filter(run -> !skip.contains(run.runId())).toList(),
                local.stream().filter(run -> !skip.contains(run.runId())).toList(),
                parameterAveraging, fusion, imageRows, imageCols, trainSamples, testSamples);
    }

    public int size() {
        return parameterAveraged.size() + local.size();
    }
}
