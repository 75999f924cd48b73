package org.aesweep.train;

import org.aesweep.spec.RunConfig;

/** Told after every epoch of a run, whichever engine trains it; for progress logs. */
public interface EpochListener {
    void onEpoch(RunConfig config, EpochMetrics metrics);
}
