package org.aesweep.engine.kernels;

import static org.aesweep.engine.kernels.OffHeapVectors.WIDTH;
import static org.aesweep.engine.kernels.OffHeapVectors.load;
import static org.aesweep.engine.kernels.OffHeapVectors.store;

import java.nio.ByteBuffer;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;

/**
 * One Adam step straight on the off-heap gradient and moment arrays, with the JDK's Vector API: no
 * copies to the Java heap and back (three each way), which took longer than the arithmetic for the
 * deep net's 210k parameters. Only touch this class after {@link VectorApi#available()} said yes.
 */
public final class AdamVectorKernel {
    private AdamVectorKernel() {
    }

    /**
     * Advances m and v over the first {@code length} elements and overwrites the gradient with the
     * update, on the task's threads ({@link KernelThreads}).
     */
    public static void step(ByteBuffer gradient, ByteBuffer m, ByteBuffer v, int length, AdamCoefficients c) {
        KernelThreads.split(length, WIDTH, (from, to) -> {
            int i = from;
            for (; i + WIDTH <= to; i += WIDTH) {
                stepAt(gradient, m, v, i, WIDTH, c);
            }
            if (i < to) {
                stepAt(gradient, m, v, i, to - i, c);
            }
            return to;
        });
    }

    private static void stepAt(ByteBuffer gradient, ByteBuffer m, ByteBuffer v, int element, int lanes,
                               AdamCoefficients c) {
        FloatVector g = load(gradient, element, lanes);
        FloatVector mi = load(m, element, lanes).mul(c.beta1()).add(g.mul(1f - c.beta1()));
        FloatVector vi = load(v, element, lanes).mul(c.beta2()).add(g.mul(g).mul(1f - c.beta2()));
        store(mi, m, element, lanes);
        store(vi, v, element, lanes);
        store(mi.mul(c.stepSize()).div(vi.lanewise(VectorOperators.SQRT).add(c.epsilon())), gradient, element, lanes);
    }
}
