package org.aesweep.analysis;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The vector half of {@link KnnClassifier}'s scan: distances {@code |r|^2 - 2 q.r} a vector at a
 * time, offered to the top k (in reference order, so the result equals the scalar scan's) only
 * where some lane beats the current k-th best. Only touch this class after
 * {@link org.aesweep.vector.VectorApi#available()} said yes.
 */
final class NearestScan {
    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;

    private NearestScan() {
    }

    /** Offers the references of all whole vectors; returns how many references that covered. */
    static int offerBeaten(float[] dots, int offset, float[] norms, NearestK best) {
        int width = SPECIES.length();
        int covered = SPECIES.loopBound(norms.length);
        float[] lanes = new float[width];
        for (int j = 0; j < covered; j += width) {
            FloatVector distance = FloatVector.fromArray(SPECIES, norms, j)
                    .sub(FloatVector.fromArray(SPECIES, dots, offset + j).mul(2f));
            if (distance.compare(VectorOperators.LT, best.threshold()).anyTrue()) {
                distance.intoArray(lanes, 0);
                for (int lane = 0; lane < width; lane++) {
                    best.offer(lanes[lane], j + lane);
                }
            }
        }
        return covered;
    }
}
