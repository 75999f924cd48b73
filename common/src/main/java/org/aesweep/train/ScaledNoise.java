package org.aesweep.train;

import org.aesweep.spec.InputScaling;
import org.aesweep.spec.RunConfig;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A run's noise model for images in its input scaling: it corrupts the [0, 1] image a scaled one
 * stands for and scales the result back, so a noise level keeps its meaning in pixel intensities
 * (Gaussian sigma 0.1 moves a [-1, 1] pixel by 0.2, masking sets it to -1, salt and pepper to the
 * range's ends), and a scaled run sees the scaled corruption of what a unit run with its seed sees.
 */
public final class ScaledNoise implements NoiseModel {
    private final InputScaling scaling;
    private final NoiseModel intensityNoise;

    private ScaledNoise(InputScaling scaling, NoiseModel intensityNoise) {
        this.scaling = scaling;
        this.intensityNoise = intensityNoise;
    }

    /**
     * {@code intensityNoise}, which corrupts [0, 1] images, for images in {@code scaling}'s range:
     * the model itself for unit scaling or when it adds no noise.
     */
    public static NoiseModel of(InputScaling scaling, NoiseModel intensityNoise) {
        return scaling == InputScaling.UNIT || intensityNoise.isIdentity() ? intensityNoise
                : new ScaledNoise(scaling, intensityNoise);
    }

    /** The noise of {@code config}'s run, drawn from {@code seed}, for images in the run's input scaling. */
    public static NoiseModel ofRun(RunConfig config, long seed) {
        return of(config.architecture().inputScaling(),
                NoiseModels.create(config.noise().kind(), config.noise().level(), seed));
    }

    @Override
    public INDArray corrupt(INDArray clean) {
        return PixelScaling.scale(intensityNoise.corrupt(PixelScaling.unscale(clean, scaling)), scaling);
    }

    @Override
    public boolean isIdentity() {
        return false;
    }
}
