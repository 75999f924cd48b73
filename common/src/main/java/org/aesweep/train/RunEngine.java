package org.aesweep.train;

import java.util.List;

import org.aesweep.model.Autoencoder;
import org.aesweep.model.AutoencoderFactory;
import org.aesweep.spec.RunConfig;

/**
 * The numerical engine a run trains and is scored through, chosen here for every caller: the
 * sweep's tasks, the speed probe and parameter averaging's evaluation all ask {@link #of}. A run
 * with a fused form (see {@link AutoencoderFactory#hasFusedForm}) takes it even alone, since fused
 * dense layers skip work DL4J's dense layers repeat; the planner asks the same question to know
 * which runs may share a fused network.
 */
public enum RunEngine {
    /** DL4J's own layers, one run per network: every architecture without a fused form. */
    OWN_LAYERS {
        @Override
        public List<TrainedRun> train(List<RunConfig> configs, TrainingArrays data,
                                      EpochListener listener) {
            if (configs.size() != 1) {
                throw new IllegalArgumentException("runs without a fused form train one at a time, not "
                        + configs.size() + " together");
            }
            return List.of(new OwnLayersTrainer(listener).train(configs.get(0), data));
        }

        @Override
        public LossEvaluator evaluator(RunConfig config, Autoencoder model) {
            return new OwnLayersEvaluator(model);
        }
    },

    /** Fused dense layers, the runs of a batch as branches of one network (one branch for a lone run). */
    FUSED {
        @Override
        public List<TrainedRun> train(List<RunConfig> configs, TrainingArrays data,
                                      EpochListener listener) {
            return new FusedTrainer(listener).train(configs, data);
        }

        @Override
        public LossEvaluator evaluator(RunConfig config, Autoencoder model) {
            return FusedEvaluator.holding(config, model);
        }
    };

    public static RunEngine of(RunConfig config) {
        return AutoencoderFactory.hasFusedForm(config) ? FUSED : OWN_LAYERS;
    }

    /** Trains a batch's runs (one run, or runs that fuse: see plan.RunBatches), in the batch's order. */
    public abstract List<TrainedRun> train(List<RunConfig> configs, TrainingArrays data,
                                           EpochListener listener);

    /** Scores {@code model}, {@code config}'s network as it is now, trained elsewhere or done training. */
    public abstract LossEvaluator evaluator(RunConfig config, Autoencoder model);
}
