package org.aesweep.model;

import org.aesweep.engine.ReconstructionLoss;
import org.aesweep.spec.LossKind;

/** The engine's reconstruction loss for the loss a spec names. */
final class Losses {
    private Losses() {
    }

    static ReconstructionLoss of(LossKind kind) {
        return switch (kind) {
            case BCE -> ReconstructionLoss.BCE;
            case MSE -> ReconstructionLoss.MSE;
        };
    }
}
