package org.aesweep.spec;

import java.util.Locale;

/** When a run's training noise is drawn (the spec's noise.draw). */
public enum NoiseDraw {
    /** Fresh noise for every minibatch, so every epoch sees other corruptions of the same images. */
    PER_BATCH,
    /**
     * One noisy copy of the training set, drawn once per run from the run seed, that the run trains
     * on every epoch, as studies that corrupted their data set before training did.
     */
    FIXED;

    public String specName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
