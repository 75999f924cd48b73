package org.aesweep.spec;

import java.io.Serializable;

/**
 * The spec's {@code parameter_averaging} section: which runs train data-parallel and how.
 *
 * @param costThreshold      runs whose estimated cost (multiply-accumulates, see RunCostModel)
 *                           exceeds this train with parameter averaging; infinity = only marked runs
 * @param workers            data-parallel workers; 0 = one per task slot of the cluster
 * @param batchSizePerWorker minibatch size each worker fits; 0 = the run's training.batch_size
 * @param averagingFrequency minibatches each worker fits between two parameter averagings
 * @param prefetch           minibatches each worker loads ahead asynchronously
 */
public record ParameterAveragingSpec(double costThreshold, int workers, int batchSizePerWorker,
                                     int averagingFrequency, int prefetch, RepartitionPolicy repartition)
        implements Serializable {

    public static final int DEFAULT_AVERAGING_FREQUENCY = 5;
    public static final int DEFAULT_PREFETCH = 2;

    /** No automatic data-parallel training; runs marked parameter_averaging still use these settings. */
    public static ParameterAveragingSpec defaults() {
        return new ParameterAveragingSpec(Double.POSITIVE_INFINITY, 0, 0, DEFAULT_AVERAGING_FREQUENCY,
                DEFAULT_PREFETCH, RepartitionPolicy.ALWAYS);
    }

    /** The workers of each data-parallel run on a cluster of {@code taskSlots} task slots. */
    public int workersOn(int taskSlots) {
        return workers > 0 ? workers : taskSlots;
    }

    public int batchSizeFor(RunConfig run) {
        return batchSizePerWorker > 0 ? batchSizePerWorker : run.recipe().batchSize();
    }
}
