package org.aesweep.analysis;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Per-pixel Bernoulli distributions held as their log-probabilities, log q(1) and log q(0), in
 * double arrays of the images' shape; what the binary cross-entropy of targets against them needs.
 */
record BernoulliLogs(INDArray ofOne, INDArray ofZero) {
    /**
     * Outputs are kept this far from 0 and 1, as Keras clips them: a single-precision sigmoid
     * rounds to exactly 0 or 1, and a projection leaves [0, 1], where the logs are undefined.
     */
    static final double CLIP = 1e-7;

    /** The Bernoulli distributions of {@code probabilities} clipped into [CLIP, 1 - CLIP]; the input is left as it is. */
    static BernoulliLogs clipped(INDArray probabilities) {
        INDArray p = Transforms.min(Transforms.max(probabilities, CLIP, true), 1 - CLIP, false);
        INDArray ofOne = Transforms.log(p, true);
        return new BernoulliLogs(ofOne, Transforms.log(p.rsubi(1.0), false));
    }

    /** The sum over elements of -y log q(1) - (1 - y) log q(0), for targets y in [0, 1]. */
    double crossEntropySum(INDArray targets) {
        return -(targets.mul(ofOne).sumNumber().doubleValue()
                + targets.rsub(1.0).muli(ofZero).sumNumber().doubleValue());
    }
}
