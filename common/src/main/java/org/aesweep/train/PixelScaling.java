package org.aesweep.train;

import org.aesweep.spec.InputScaling;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Maps image matrices between pixel intensities in [0, 1] and a run's {@link InputScaling}, as
 * {@link InputScaling#scale} maps single pixels. Unit scaling is the identity and hands back its
 * argument, so runs on [0, 1] images see the very arrays they always did.
 */
public final class PixelScaling {
    private PixelScaling() {
    }

    /** {@code intensities} in {@code scaling}'s range; a new array unless the scaling is unit. */
    public static INDArray scale(INDArray intensities, InputScaling scaling) {
        if (scaling == InputScaling.UNIT) {
            return intensities;
        }
        return intensities.mul(scaling.high() - scaling.low()).addi(scaling.low());
    }

    /** {@code scaled}, values in {@code scaling}'s range, as [0, 1] intensities; a new array unless unit. */
    public static INDArray unscale(INDArray scaled, InputScaling scaling) {
        if (scaling == InputScaling.UNIT) {
            return scaled;
        }
        return scaled.sub(scaling.low()).divi(scaling.high() - scaling.low());
    }
}
