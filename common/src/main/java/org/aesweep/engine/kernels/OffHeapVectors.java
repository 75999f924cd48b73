package org.aesweep.engine.kernels;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Loads and stores of float vectors at an element index of an off-heap array (a native-order
 * ByteBuffer from {@link FlatFloats#bytes}), for the Vector API kernels. Their
 * loops run whole vectors and finish with one partial vector of the elements left, so one formula
 * serves every element. The partial vector goes through a small Java array, not a mask: JDK 17
 * compiles masked loads and stores from buffers as plain Java, and once a kernel had run one
 * (a 10-unit code layer, say) its compiled form boxed every vector, whole ones included: the bias
 * add then took 2.1 instead of 0.19 ns an element and allocated 14 bytes an element, for the rest
 * of the JVM's life. Only touch this class after {@link VectorApi#available()} said yes.
 */
public final class OffHeapVectors {
    public static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    public static final int WIDTH = SPECIES.length();
    private static final ByteOrder ORDER = ByteOrder.nativeOrder();

    private OffHeapVectors() {
    }

    /**
     * The {@code lanes} values from {@code element} on: a whole vector when {@code lanes} is
     * {@link #WIDTH}, else the first lanes with the others 0.
     */
    public static FloatVector load(ByteBuffer buffer, int element, int lanes) {
        if (lanes == WIDTH) {
            return FloatVector.fromByteBuffer(SPECIES, buffer, element * Float.BYTES, ORDER);
        }
        float[] values = new float[WIDTH];
        for (int lane = 0; lane < lanes; lane++) {
            values[lane] = buffer.getFloat((element + lane) * Float.BYTES);
        }
        return FloatVector.fromArray(SPECIES, values, 0);
    }

    /** Stores the vector's first {@code lanes} values from {@code element} on. */
    public static void store(FloatVector vector, ByteBuffer buffer, int element, int lanes) {
        if (lanes == WIDTH) {
            vector.intoByteBuffer(buffer, element * Float.BYTES, ORDER);
            return;
        }
        float[] values = vector.toArray();
        for (int lane = 0; lane < lanes; lane++) {
            buffer.putFloat((element + lane) * Float.BYTES, values[lane]);
        }
    }

    /** The sum of the vector's first {@code lanes} values. */
    public static float sum(FloatVector vector, int lanes) {
        if (lanes == WIDTH) {
            return vector.reduceLanes(VectorOperators.ADD);
        }
        float[] values = vector.toArray();
        float total = 0;
        for (int lane = 0; lane < lanes; lane++) {
            total += values[lane];
        }
        return total;
    }
}
