package org.aesweep.grid;

import java.util.List;

/**
 * One entry of the spec's architectures axis.
 *
 * @param label  the name the tables use; unique within a spec
 * @param hidden encoder hidden sizes between input and code (empty for shallow)
 */
public record ArchitectureSpec(String label, ArchitectureKind kind, List<Integer> hidden, String activation) {
    public ArchitectureSpec {
        hidden = List.copyOf(hidden);
    }
}
