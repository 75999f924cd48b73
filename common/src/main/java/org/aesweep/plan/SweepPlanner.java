package org.aesweep.plan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.aesweep.spec.Architecture;
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
        // Runs that differ only in noise, replicate or training settings share a network shape.
        Map<String, Double> forwardMacs = new HashMap<>();
        List<PlannedRun> averaged = new ArrayList<>();
        List<PlannedRun> local = new ArrayList<>();
        for (RunConfig run : runs) {
            Architecture architecture = run.architecture();
            String shapeKey = architecture.kind() + "|" + architecture.hiddenSizes() + "|" + architecture.codeSize() + "|"
                    + run.recipe().loss();
            double macs = forwardMacs.computeIfAbsent(shapeKey, key -> RunCostModel.forwardMacsPerSample(run, rows, cols));
            double cost = RunCostModel.trainingCost(macs, run, trainSamples);
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
