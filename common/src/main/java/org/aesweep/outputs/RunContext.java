package org.aesweep.outputs;

import java.time.Instant;

import org.aesweep.plan.PlannedRun;
import org.aesweep.spark.TaskDevice;

/**
 * Where, how and when a run trained, for the runs table.
 *
 * @param workers   data-parallel workers; 1 for local runs
 * @param fusedRuns runs trained together in one fused network, this one included; 1 = alone
 * @param threads   threads the run's task trained with (each worker's, for data-parallel runs)
 */
public record RunContext(PlannedRun run, int workers, int fusedRuns, int threads, String executor, TaskDevice device, int imageRows, int imageCols,
                  int trainSamples, int testSamples, Instant startedAt, Instant finishedAt) {
}
