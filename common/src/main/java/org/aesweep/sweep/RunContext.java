package org.aesweep.sweep;

import java.time.Instant;

/** Where and when a run trained, for the runs table. */
record RunContext(String executor, String backend, String device, int imageRows, int imageCols, int trainSamples,
                  int testSamples, Instant startedAt, Instant finishedAt) {
}
