package org.aesweep.plan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.aesweep.spec.ParameterAveragingSpec;
import org.aesweep.spec.RunConfig;
import org.aesweep.spec.SweepSpec;
import org.aesweep.spec.TrainingMode;

/**
 * Decides how each run trains: runs the spec marks keep their mode; the others train with
 * parameter averaging when their estimated cost exceeds parameter_averaging.cost_threshold, and
 * locally otherwise. Orders the runs as {@link SweepPlan} describes.
 */
public final class SweepPlanner {
    private SweepPlanner() {
    }

    /**
     * @param sizes each data set's image size and sample counts, by the name runs give it; every
     *              data set of one sweep has the same image size (the preflight checks)
     */
    public static SweepPlan plan(SweepSpec spec, List<RunConfig> runs, Map<String, DatasetSizes> sizes) {
        ParameterAveragingSpec settings = spec.parameterAveraging();
        List<PlannedRun> averaged = new ArrayList<>();
        List<PlannedRun> local = new ArrayList<>();
        for (RunConfig run : runs) {
            DatasetSizes data = sizes.get(run.data().dataset());
            double cost = RunCostModel.trainingCost(run, data.rows(), data.cols(), data.trainSamples());
            TrainingMode mode = decide(spec.trainingModeOf(run.architecture().label()), cost, settings.costThreshold());
            PlannedRun planned = new PlannedRun(run, mode, cost);
            (mode == TrainingMode.PARAMETER_AVERAGING ? averaged : local).add(planned);
        }
        Comparator<PlannedRun> costliestFirst = Comparator.comparingDouble(PlannedRun::estimatedCost).reversed();
        averaged.sort(costliestFirst);
        local.sort(costliestFirst);
        DatasetSizes any = sizes.values().iterator().next();
        // The plan's sample counts feed wall-time estimates only: the largest data set's bound them.
        long trainSamples = sizes.values().stream().mapToLong(DatasetSizes::trainSamples).max().orElse(0);
        long testSamples = sizes.values().stream().mapToLong(DatasetSizes::testSamples).max().orElse(0);
        return new SweepPlan(averaged, local, settings, spec.fusion(), any.rows(), any.cols(), trainSamples,
                testSamples);
    }

    static TrainingMode decide(TrainingMode requested, double cost, double threshold) {
        if (requested != TrainingMode.AUTO) {
            return requested;
        }
        return cost > threshold ? TrainingMode.PARAMETER_AVERAGING : TrainingMode.LOCAL;
    }
}
