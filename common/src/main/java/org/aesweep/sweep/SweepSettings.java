package org.aesweep.sweep;

import java.io.Serializable;

import org.aesweep.tables.TableLayout;

/** Where a sweep reads its data and writes its results; shipped to every task. */
public record SweepSettings(String dataRoot, TableLayout layout) implements Serializable {
}
