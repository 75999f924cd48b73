package org.aesweep.outputs;

import java.io.Serializable;

import org.aesweep.spec.RunConfig;
import org.aesweep.train.RunStatus;

/**
 * The few numbers a task sends back to the driver about its run; the tables hold the rest.
 */
public record RunSummary(RunConfig config, RunStatus status, String message, double finalTrainLoss,
                         double finalTestLoss, double wallSeconds, String executor)
        implements Serializable {
}
