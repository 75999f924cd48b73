package org.aesweep.spec;

import java.io.Serializable;

/**
 * The spec's stopping settings (training.divergence_factor, training.early_stopping_patience);
 * train.StoppingRules applies them.
 *
 * @param divergenceFactor a training loss above this times the lowest earlier one means divergence; 0 disables
 * @param patience         epochs without a new lowest test loss before stopping early; 0 disables
 */
public record StoppingSpec(double divergenceFactor, int patience) implements Serializable {
    public static final double DEFAULT_DIVERGENCE_FACTOR = 10.0;

    public static StoppingSpec defaults() {
        return new StoppingSpec(DEFAULT_DIVERGENCE_FACTOR, 0);
    }

    public boolean isDefault() {
        return equals(defaults());
    }
}
