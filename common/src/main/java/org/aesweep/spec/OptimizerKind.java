package org.aesweep.spec;

import java.util.Locale;

/** Updaters a run may train with; all take a learning rate. */
public enum OptimizerKind {
    ADAM, SGD, NESTEROVS;

    public String specName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
