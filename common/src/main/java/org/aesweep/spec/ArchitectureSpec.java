package org.aesweep.spec;

import java.util.List;

/**
 * One entry of the spec's architectures axis.
 *
 * @param label            the name the tables use; unique within a spec
 * @param hidden           deep and sparse: encoder layer widths; conv: filters per convolution; lstm: the
 *                         encoder's recurrent layers' widths before the code; empty for linear and shallow
 * @param decoder          the decoder's widths (dense, lstm) or transposed convolutions' filters (conv with a
 *                         map code) between the code and the output; {@link Architecture#mirroredDecoder} unless
 *                         the spec gave them
 * @param outputActivation the output layer's activation
 * @param inputScaling     the range inputs (and so targets) are scaled to
 * @param codeLayout       dense, or map for a convolutional code
 * @param codeSizes        this architecture's own code-size axis; empty = the sweep's code_sizes
 * @param noise            this architecture's own noise settings; empty = the sweep's noise block
 * @param loss             the reconstruction loss this architecture trains with
 * @param trainingMode     local, parameter_averaging, or auto (the planner decides by cost)
 * @param recipe           what the entry's own training block changes in the sweep's recipe
 */
public record ArchitectureSpec(String label, ArchitectureKind kind, List<Integer> hidden, List<Integer> decoder,
                               String activation, OutputActivation outputActivation, InputScaling inputScaling,
                               CodeLayout codeLayout, List<Integer> codeSizes, List<Noise> noise, LossKind loss,
                               TrainingMode trainingMode,
                               RecipeOverrides recipe) {
    public ArchitectureSpec {
        hidden = List.copyOf(hidden);
        decoder = List.copyOf(decoder);
        codeSizes = List.copyOf(codeSizes);
        noise = List.copyOf(noise);
    }

    /** The network for one code size and sparsity weight. */
    public Architecture at(int codeSize, double sparsityWeight) {
        return new Architecture(label, kind, hidden, decoder, activation, outputActivation, inputScaling, codeLayout,
                codeSize, sparsityWeight);
    }
}
