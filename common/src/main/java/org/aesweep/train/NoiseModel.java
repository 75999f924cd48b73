package org.aesweep.train;

import org.nd4j.linalg.api.ndarray.INDArray;

/** Corrupts a minibatch of clean inputs; training targets stay the clean inputs. */
public interface NoiseModel {
    /** A corrupted copy of {@code clean}; never modifies its argument. Noise is fresh on every call. */
    INDArray corrupt(INDArray clean);

    /** True when {@link #corrupt} returns its input unchanged, so callers can skip denoising metrics. */
    boolean isIdentity();
}
