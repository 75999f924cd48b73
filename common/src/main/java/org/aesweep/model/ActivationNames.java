package org.aesweep.model;

import java.util.Locale;

import org.aesweep.spec.OutputActivation;
import org.nd4j.linalg.activations.Activation;

/** Maps the activation names a spec may use onto DL4J's activations. */
public final class ActivationNames {
    private ActivationNames() {
    }

    public static Activation parse(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "relu" -> Activation.RELU;
            case "selu" -> Activation.SELU;
            case "sigmoid" -> Activation.SIGMOID;
            case "tanh" -> Activation.TANH;
            case "identity", "linear" -> Activation.IDENTITY;
            default -> throw new IllegalArgumentException("unknown activation '" + name + "'");
        };
    }

    /** The activation of an output layer, as the spec chose it. */
    public static Activation of(OutputActivation output) {
        return parse(output.specName());
    }
}
