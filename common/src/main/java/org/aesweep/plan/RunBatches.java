package org.aesweep.plan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.aesweep.model.AutoencoderFactory;
import org.aesweep.spec.FusionSpec;
import org.aesweep.spec.RunConfig;

/**
 * Cuts the local runs into the batches Spark tasks train. Runs fuse when one network shape and one
 * training recipe serve them all and only the replicate (its initialisation, minibatch order and
 * noise draws) or the input noise differs; each branch of the fused network still trains exactly as
 * its run would alone. Dense architectures only, on shared training data (replicate_split seed).
 * Batches come costliest first, like single runs (see {@link SweepPlan}).
 */
public final class RunBatches {
    private RunBatches() {
    }

    public static List<RunBatch> of(List<PlannedRun> local, FusionSpec fusion) {
        List<RunBatch> batches = new ArrayList<>();
        Map<String, List<PlannedRun>> groups = new LinkedHashMap<>();
        for (PlannedRun run : local) {
            if (fusion.enabled() && fusible(run.config())) {
                groups.computeIfAbsent(recipe(run.config()), key -> new ArrayList<>()).add(run);
            } else {
                batches.add(new RunBatch(List.of(run)));
            }
        }
        for (List<PlannedRun> group : groups.values()) {
            for (int start = 0; start < group.size(); start += fusion.maxRuns()) {
                batches.add(new RunBatch(group.subList(start, Math.min(group.size(), start + fusion.maxRuns()))));
            }
        }
        batches.sort(Comparator.comparingDouble(RunBatches::sortCost).reversed());
        return batches;
    }

    static boolean fusible(RunConfig run) {
        return AutoencoderFactory.hasFusedForm(run) && run.data().sampling().sharesTrainingData();
    }

    /** Everything that shapes the network, its training and its data, but the replicate and the noise. */
    static String recipe(RunConfig run) {
        return String.join("|", run.data().toString(), run.architecture().toString(), run.recipe().toString(),
                String.valueOf(run.seed()));
    }

    private static double sortCost(RunBatch batch) {
        double cost = batch.estimatedCost();
        return Double.isNaN(cost) ? 0 : cost;
    }
}
