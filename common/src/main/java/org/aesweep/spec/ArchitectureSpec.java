package org.aesweep.spec;

import java.util.List;

/**
 * One entry of the spec's architectures axis.
 *
 * @param label  the name the tables use; unique within a spec
 * @param hidden deep: encoder layer widths (the decoder mirrors them); conv: filters per
 *               convolution; lstm: the recurrent layers' width; empty for linear and shallow
 * @param loss   the reconstruction loss this architecture trains with
 * @param trainingMode local, parameter_averaging, or auto (the planner decides by cost)
 */
public record ArchitectureSpec(String label, ArchitectureKind kind, List<Integer> hidden, String activation,
                               LossKind loss, TrainingMode trainingMode) {
    public ArchitectureSpec {
        hidden = List.copyOf(hidden);
    }
}
