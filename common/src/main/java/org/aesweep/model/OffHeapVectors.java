package org.aesweep.model;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

/**
 * Loads and stores of float vectors at an element index of an off-heap array (a native-order
 * ByteBuffer from {@link org.aesweep.vector.FlatFloats#bytes}), for the Vector API kernels. Their
 * loops run whole vectors unmasked and finish with one vector masked to the elements left
 * ({@link #tail}), so one formula serves every element; a mask on every iteration is much slower
 * in JDK 17. Only touch this class after {@link org.aesweep.vector.VectorApi#available()} said yes.
 */
final class OffHeapVectors {
    static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    static final int WIDTH = SPECIES.length();
    private static final ByteOrder ORDER = ByteOrder.nativeOrder();

    private OffHeapVectors() {
    }

    /** The lanes of a vector starting at {@code element} that lie before {@code end}. */
    static VectorMask<Float> tail(int element, int end) {
        return SPECIES.indexInRange(element, end);
    }

    /** The vector at {@code element}; with a mask, only its lanes (the others read as 0). */
    static FloatVector load(ByteBuffer buffer, int element, VectorMask<Float> lanes) {
        return lanes == null ? FloatVector.fromByteBuffer(SPECIES, buffer, element * Float.BYTES, ORDER)
                : FloatVector.fromByteBuffer(SPECIES, buffer, element * Float.BYTES, ORDER, lanes);
    }

    /** Stores the vector at {@code element}; with a mask, only its lanes. */
    static void store(FloatVector vector, ByteBuffer buffer, int element, VectorMask<Float> lanes) {
        if (lanes == null) {
            vector.intoByteBuffer(buffer, element * Float.BYTES, ORDER);
        } else {
            vector.intoByteBuffer(buffer, element * Float.BYTES, ORDER, lanes);
        }
    }
}
