package org.aesweep.spec;

import java.io.Serializable;
import java.util.List;

/**
 * The network a run trains, resolved from one entry of the spec's architectures axis and one code size.
 *
 * @param label          the name the tables use (the kind's name unless the spec gave a label)
 * @param kind           the network family
 * @param hiddenSizes    encoder hidden layer sizes between input and code (mirrored in the decoder)
 * @param activation     hidden-layer activation name (relu, selu, sigmoid, ...)
 * @param codeSize       the bottleneck's width
 * @param sparsityWeight L1 weight on the code's activations; 0 except for sparse nets
 */
public record Architecture(String label, ArchitectureKind kind, List<Integer> hiddenSizes, String activation,
                           int codeSize, double sparsityWeight) implements Serializable {
    public Architecture {
        hiddenSizes = List.copyOf(hiddenSizes);
    }
}
