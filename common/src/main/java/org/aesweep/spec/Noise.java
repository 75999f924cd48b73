package org.aesweep.spec;

import java.io.Serializable;

/**
 * How a run corrupts its training inputs: a kind, a level whose meaning the kind gives, and when
 * the noise is drawn. Clean noise (kind none, or level 0) has nothing to draw, so its draw is
 * always per_batch: a clean run is the same run, with the same id, whatever noise.draw says.
 */
public record Noise(NoiseKind kind, double level, NoiseDraw draw) implements Serializable {
    public Noise {
        if (kind == NoiseKind.NONE || level == 0.0) {
            draw = NoiseDraw.PER_BATCH;
        }
    }

    /** Drawn per minibatch, as every run was before noise.draw existed. */
    public Noise(NoiseKind kind, double level) {
        this(kind, level, NoiseDraw.PER_BATCH);
    }

    /** True when training inputs stay clean. */
    public boolean isClean() {
        return kind == NoiseKind.NONE || level == 0.0;
    }
}
