package org.aesweep.spec;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The network a run trains, resolved from one entry of the spec's architectures axis and one code size.
 *
 * @param label            the name the tables use (the kind's name unless the spec gave a label)
 * @param kind             the network family
 * @param hiddenSizes      the encoder's hidden layer sizes (conv: filters) between input and code
 * @param decoderSizes     the decoder's hidden sizes (conv with a map code: transposed convolutions' filters)
 *                         between code and output
 * @param activation       hidden-layer activation name (relu, selu, sigmoid, ...)
 * @param outputActivation the output layer's activation
 * @param inputScaling     the range inputs and targets are scaled to
 * @param codeLayout       dense, or the convolutional feature map (conv only)
 * @param codeSize         the bottleneck's width: how many values the code has
 * @param sparsityWeight   L1 weight on the code's activations; 0 except for sparse nets
 */
public record Architecture(String label, ArchitectureKind kind, List<Integer> hiddenSizes, List<Integer> decoderSizes,
                           String activation, OutputActivation outputActivation, InputScaling inputScaling,
                           CodeLayout codeLayout, int codeSize, double sparsityWeight) implements Serializable {
    public Architecture {
        hiddenSizes = List.copyOf(hiddenSizes);
        decoderSizes = List.copyOf(decoderSizes);
    }

    /**
     * The decoder every net had before it could be given: the encoder's sizes reversed for deep,
     * sparse and lstm nets and for a conv net's map code; none for linear and shallow nets; and
     * for a conv net with a dense code its fixed decoder, which is derived from the filters (empty here).
     */
    public static List<Integer> mirroredDecoder(ArchitectureKind kind, CodeLayout layout, List<Integer> hidden) {
        if (kind == ArchitectureKind.LINEAR || kind == ArchitectureKind.SHALLOW
                || kind == ArchitectureKind.CONV && layout == CodeLayout.DENSE) {
            return List.of();
        }
        List<Integer> reversed = new ArrayList<>(hidden);
        Collections.reverse(reversed);
        return List.copyOf(reversed);
    }

    /** Whether the decoder is the mirrored one ({@link #mirroredDecoder}). */
    public boolean hasMirroredDecoder() {
        return decoderSizes.equals(mirroredDecoder(kind, codeLayout, hiddenSizes));
    }
}
