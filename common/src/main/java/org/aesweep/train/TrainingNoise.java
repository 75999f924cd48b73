package org.aesweep.train;

import java.util.Optional;

import org.aesweep.spec.Noise;
import org.aesweep.spec.NoiseDraw;
import org.aesweep.spec.RunConfig;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * How a run's training inputs get their noise, as its noise.draw says, whichever way it trains
 * (alone or fused in a task, through {@link TrainingRun}; data-parallel, through the sweep's
 * training batches and worker hook). per_batch corrupts every minibatch afresh. fixed corrupts the
 * whole training set once, from the run seed, and the run trains on that noisy copy every epoch:
 * one more training-set-sized array per run, held while it trains.
 */
public final class TrainingNoise {
    /**
     * Rows corrupted at a time while drawing the fixed copy, so that a noise model's temporary
     * arrays stay small; part of what the copy is, so changing it changes every fixed draw.
     */
    static final int ROWS_PER_DRAW = 1024;

    private TrainingNoise() {
    }

    /**
     * The noise a minibatch gets on top of its rows: the run's noise, drawn from {@code seed}; none
     * when the run's draw is fixed, whose rows come noisy from {@link #fixedCopy}.
     */
    public static NoiseModel perMinibatch(RunConfig config, long seed) {
        Noise noise = config.noise();
        return noise.draw() == NoiseDraw.FIXED ? NoiseModels.none() : ScaledNoise.ofRun(config, seed);
    }

    /**
     * For a run whose draw is fixed, the noisy copy of its training rows {@code train} that it trains
     * on every epoch, drawn from the run seed alone: the same on every call, so every worker of a
     * data-parallel run and every rerun sees the same copy as the run trained in a task. Empty for
     * runs that draw per minibatch (clean runs do).
     */
    public static Optional<INDArray> fixedCopy(RunConfig config, INDArray train) {
        Noise noise = config.noise();
        if (noise.draw() != NoiseDraw.FIXED) {
            return Optional.empty();
        }
        NoiseModel model = ScaledNoise.ofRun(config, config.runSeed());
        INDArray copy = Nd4j.createUninitialized(train.dataType(), train.rows(), train.columns());
        for (long start = 0; start < train.rows(); start += ROWS_PER_DRAW) {
            long end = Math.min(train.rows(), start + ROWS_PER_DRAW);
            Chunks.rows(copy, start, end).assign(model.corrupt(Chunks.rows(train, start, end)));
        }
        return Optional.of(copy);
    }
}
