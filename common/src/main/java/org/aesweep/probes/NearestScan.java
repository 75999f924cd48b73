package org.aesweep.probes;

import static org.aesweep.engine.kernels.OffHeapVectors.WIDTH;
import static org.aesweep.engine.kernels.OffHeapVectors.load;

import java.nio.ByteBuffer;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import org.aesweep.engine.kernels.VectorApi;

/**
 * The vector half of {@link KnnClassifier}'s scan: a query's distances a vector at a time, offered to
 * the top k (in reference order, so the result equals the scalar scan's) only where some lane beats
 * the current k-th best, which after the first few hundred references almost no vector does. Only
 * touch this class after {@link org.aesweep.engine.kernels.VectorApi#available()} said yes.
 */
final class NearestScan {
    private NearestScan() {
    }

    /**
     * Offers the whole vectors among {@code count} distances at {@code offset}, which belong to
     * references {@code first} onward; returns how many distances that covered.
     */
    static int offerBeaten(ByteBuffer distances, int offset, int count, int first, NearestK best) {
        int covered = count - count % WIDTH;
        for (int j = 0; j < covered; j += WIDTH) {
            FloatVector distance = load(distances, offset + j, WIDTH);
            if (distance.compare(VectorOperators.LT, best.threshold()).anyTrue()) {
                for (int lane = 0; lane < WIDTH; lane++) {
                    best.offer(distance.lane(lane), first + j + lane);
                }
            }
        }
        return covered;
    }
}
