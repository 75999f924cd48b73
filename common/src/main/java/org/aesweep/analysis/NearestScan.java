package org.aesweep.analysis;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The vector half of {@link KnnClassifier}'s scan: a query's distances a vector at a time, offered to
 * the top k (in reference order, so the result equals the scalar scan's) only where some lane beats
 * the current k-th best, which after the first few hundred references almost no vector does. Only
 * touch this class after {@link org.aesweep.vector.VectorApi#available()} said yes.
 */
final class NearestScan {
    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    private static final ByteOrder ORDER = ByteOrder.nativeOrder();

    private NearestScan() {
    }

    /**
     * Offers the whole vectors among {@code count} distances at {@code offset}, which belong to
     * references {@code first} onward; returns how many distances that covered.
     */
    static int offerBeaten(ByteBuffer distances, int offset, int count, int first, NearestK best) {
        int width = SPECIES.length();
        int covered = SPECIES.loopBound(count);
        for (int j = 0; j < covered; j += width) {
            FloatVector distance = FloatVector.fromByteBuffer(SPECIES, distances, (offset + j) * Float.BYTES, ORDER);
            if (distance.compare(VectorOperators.LT, best.threshold()).anyTrue()) {
                for (int lane = 0; lane < width; lane++) {
                    best.offer(distance.lane(lane), first + j + lane);
                }
            }
        }
        return covered;
    }
}
