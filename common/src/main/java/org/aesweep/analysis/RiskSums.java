package org.aesweep.analysis;

import java.util.List;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One decomposition's parts summed over the test set, a chunk of images at a time, so memory
 * stays at one chunk per replicate whatever the test set's size.
 */
interface RiskSums {
    /**
     * Adds a chunk: the clean targets and each replicate's reconstructions of them, same shape,
     * double precision.
     */
    void add(INDArray targets, List<INDArray> reconstructions);

    /** The parts as per-element means over every element added. */
    RiskDecomposition result();
}
