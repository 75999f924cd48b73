package org.aesweep.plan;

/**
 * What the preflight learnt of one data set from its files' headers and the spec's limits.
 *
 * @param trainSamples images each run of the data set trains on (after data.train_limit and the validation split)
 * @param testSamples  test images each run is evaluated on (after data.test_limit)
 */
public record DatasetSizes(int rows, int cols, long trainSamples, long testSamples) {
}
