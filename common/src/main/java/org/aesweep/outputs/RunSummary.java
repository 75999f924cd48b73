package org.aesweep.outputs;

import java.io.Serializable;

import org.aesweep.spec.RunConfig;
import org.aesweep.tables.RunFiles;
import org.aesweep.train.RunStatus;

/**
 * The few numbers a task sends back to the driver about its run, and the table files it wrote for
 * the driver to commit; the tables hold the rest.
 */
public record RunSummary(RunConfig config, RunStatus status, String message, double finalTrainLoss,
                         double finalTestLoss, double wallSeconds, String executor, RunFiles files)
        implements Serializable {
}
