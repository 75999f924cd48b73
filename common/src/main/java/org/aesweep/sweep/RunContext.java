package org.aesweep.sweep;

import java.time.Instant;

import org.aesweep.plan.PlannedRun;

/**
 * Where, how and when a run trained, for the runs table.
 *
 * @param workers data-parallel workers; 1 for local runs
 */
public record RunContext(PlannedRun run, int workers, String executor, TaskDevice device, int imageRows, int imageCols,
                  int trainSamples, int testSamples, Instant startedAt, Instant finishedAt) {
}
