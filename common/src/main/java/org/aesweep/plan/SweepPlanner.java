package org.aesweep.plan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

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
     * @param trainSamples training images each run sees (after data.train_limit)
     * @param testSamples  test images each run is evaluated on (after data.test_limit)
     */
    public static SweepPlan plan(SweepSpec spec, List<RunConfig> runs, int rows, int cols, long trainSamples,
                                 long testSamples) {
        ParameterAveragingSpec settings = spec.parameterAveraging();
        List<PlannedRun> averaged = new ArrayList<>();
        List<PlannedRun> local = new ArrayList<>();
        for (RunConfig run : runs) {
            double cost = RunCostModel.trainingCost(run, rows, cols, trainSamples);
            TrainingMode mode = decide(spec.trainingModeOf(run.architecture().label()), cost, settings.costThreshold());
            PlannedRun planned = new PlannedRun(run, mode, cost);
            (mode == TrainingMode.PARAMETER_AVERAGING ? averaged : local).add(planned);
        }
        Comparator<PlannedRun> costliestFirst = Comparator.comparingDouble(PlannedRun::estimatedCost).reversed();
        averaged.sort(costliestFirst);
        local.sort(costliestFirst);
        return new SweepPlan(averaged, local, settings, spec.fusion(), rows, cols, trainSamples, testSamples);
    }

    static TrainingMode decide(TrainingMode requested, double cost, double threshold) {
        if (requested != TrainingMode.AUTO) {
            return requested;
        }
        return cost > threshold ? TrainingMode.PARAMETER_AVERAGING : TrainingMode.LOCAL;
    }
}
