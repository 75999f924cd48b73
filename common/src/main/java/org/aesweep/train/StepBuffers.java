package org.aesweep.train;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Off-heap matrices reused from training step to training step, one per shape (an epoch's
 * minibatches come in two sizes: the full one and the last). Allocating a fresh off-heap array
 * per step cost as much as filling it, and left garbage that only a collection frees. What
 * {@link #get} returns is overwritten by the caller's next step.
 */
final class StepBuffers {
    private final Map<List<Long>, INDArray> arrays = new HashMap<>();

    /** The c-order [rows, cols] array of this type for this step, contents undefined. */
    INDArray get(DataType type, long rows, long cols) {
        return arrays.computeIfAbsent(List.of(rows, cols), shape -> Nd4j.createUninitialized(type, rows, cols));
    }
}
