package org.aesweep.train;

import java.util.List;

import org.aesweep.model.AutoencoderFactory;
import org.aesweep.spec.RunConfig;

/**
 * Trains the runs of one batch the way a sweep's task does: a dense network through fused dense
 * layers (with the batch's other runs, or alone, since those layers skip work DL4J's dense layers
 * repeat), any other network alone through DL4J's layers.
 */
public final class BatchTrainer {
    private BatchTrainer() {
    }

    /** @param configs one run, or runs that fuse (see plan.RunBatches) */
    public static List<TrainedRun> train(List<RunConfig> configs, TrainingArrays arrays,
                                         RunTrainer.EpochListener listener) {
        if (configs.size() == 1 && !AutoencoderFactory.hasFusedForm(configs.get(0))) {
            return List.of(new RunTrainer(listener).train(configs.get(0), arrays));
        }
        return new FusedRunTrainer(listener).train(configs, arrays);
    }
}
