package org.aesweep.spec;

import java.io.Serializable;

/** How a run corrupts its training inputs: a kind and a level whose meaning the kind gives. */
public record Noise(NoiseKind kind, double level) implements Serializable {
}
