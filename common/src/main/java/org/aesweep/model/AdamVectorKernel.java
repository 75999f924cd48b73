package org.aesweep.model;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.aesweep.vector.KernelThreads;
import org.aesweep.vector.VectorApi;

/**
 * One Adam step straight on the off-heap gradient and moment arrays, with the JDK's Vector API: no
 * copies to the Java heap and back (three each way), which took longer than the arithmetic for the
 * deep net's 210k parameters. Only touch this class after {@link VectorApi#available()} said yes.
 */
final class AdamVectorKernel {
    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    private static final ByteOrder ORDER = ByteOrder.nativeOrder();

    private AdamVectorKernel() {
    }

    /**
     * Advances m and v over the first {@code length} elements and overwrites the gradient with the
     * update, on the task's threads ({@link KernelThreads}).
     */
    static void step(ByteBuffer gradient, ByteBuffer m, ByteBuffer v, int length, AdamCoefficients c) {
        KernelThreads.split(length, SPECIES.length(), (from, to) -> {
            step(gradient, m, v, from, to, c);
            return to;
        });
    }

    private static void step(ByteBuffer gradient, ByteBuffer m, ByteBuffer v, int from, int to, AdamCoefficients c) {
        float keep1 = 1f - c.beta1();
        float keep2 = 1f - c.beta2();
        int width = SPECIES.length();
        int i = from;
        for (; i + width <= to; i += width) {
            int at = i * Float.BYTES;
            FloatVector g = FloatVector.fromByteBuffer(SPECIES, gradient, at, ORDER);
            FloatVector mi = FloatVector.fromByteBuffer(SPECIES, m, at, ORDER).mul(c.beta1()).add(g.mul(keep1));
            FloatVector vi = FloatVector.fromByteBuffer(SPECIES, v, at, ORDER).mul(c.beta2()).add(g.mul(g).mul(keep2));
            mi.intoByteBuffer(m, at, ORDER);
            vi.intoByteBuffer(v, at, ORDER);
            mi.mul(c.stepSize()).div(vi.lanewise(VectorOperators.SQRT).add(c.epsilon())).intoByteBuffer(gradient, at, ORDER);
        }
        for (; i < to; i++) {
            int at = i * Float.BYTES;
            float g = gradient.getFloat(at);
            float mi = c.beta1() * m.getFloat(at) + g * keep1;
            float vi = c.beta2() * v.getFloat(at) + g * g * keep2;
            m.putFloat(at, mi);
            v.putFloat(at, vi);
            gradient.putFloat(at, mi * c.stepSize() / ((float) Math.sqrt(vi) + c.epsilon()));
        }
    }
}
