package org.aesweep.model;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.aesweep.vector.VectorApi;

/**
 * The element-wise passes of a dense layer over c-order {@code [rows, cols]} float arrays, with the
 * JDK's Vector API: bias add, ReLU, and ReLU's backprop fused with the bias gradient (column sums).
 * libnd4j runs each as a separate op at about 0.8 ns an element; these run at memory speed, and
 * the backprop pass does two ops' work in one. Only touch this class after
 * {@link VectorApi#available()} said yes.
 */
final class DenseVectorKernel {
    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    private static final ByteOrder ORDER = ByteOrder.nativeOrder();

    private DenseVectorKernel() {
    }

    /** Adds {@code bias} (cols values) to every row of z, in place. */
    static void addBias(ByteBuffer z, ByteBuffer bias, int rows, int cols) {
        int width = SPECIES.length();
        for (int r = 0; r < rows; r++) {
            int row = r * cols;
            int c = 0;
            for (; c + width <= cols; c += width) {
                int at = (row + c) * Float.BYTES;
                FloatVector.fromByteBuffer(SPECIES, z, at, ORDER)
                        .add(FloatVector.fromByteBuffer(SPECIES, bias, c * Float.BYTES, ORDER))
                        .intoByteBuffer(z, at, ORDER);
            }
            for (; c < cols; c++) {
                int at = (row + c) * Float.BYTES;
                z.putFloat(at, z.getFloat(at) + bias.getFloat(c * Float.BYTES));
            }
        }
    }

    /** {@code a = max(z, 0)} over the first {@code length} elements. */
    static void relu(ByteBuffer z, ByteBuffer a, int length) {
        int width = SPECIES.length();
        int i = 0;
        for (; i + width <= length; i += width) {
            FloatVector.fromByteBuffer(SPECIES, z, i * Float.BYTES, ORDER).max(0f)
                    .intoByteBuffer(a, i * Float.BYTES, ORDER);
        }
        for (; i < length; i++) {
            a.putFloat(i * Float.BYTES, Math.max(0f, z.getFloat(i * Float.BYTES)));
        }
    }

    /**
     * Backprop through ReLU: writes the gradient with respect to z, {@code epsilon * (z > 0)}, over
     * z, and its column sums (the bias gradient) into {@code biasGradient}.
     */
    static void reluBackprop(ByteBuffer z, ByteBuffer epsilon, ByteBuffer biasGradient, int rows, int cols) {
        columnSums(epsilon, z, biasGradient, rows, cols);
    }

    /** Column sums of epsilon into {@code biasGradient}: the bias gradient behind an identity activation. */
    static void columnSums(ByteBuffer epsilon, ByteBuffer biasGradient, int rows, int cols) {
        columnSums(epsilon, null, biasGradient, rows, cols);
    }

    /** Column sums of epsilon, zeroed where z <= 0 and written over z when a ReLU's z is given. */
    private static void columnSums(ByteBuffer epsilon, ByteBuffer reluZ, ByteBuffer sums, int rows, int cols) {
        int width = SPECIES.length();
        FloatVector zero = FloatVector.zero(SPECIES);
        for (int c = 0; c < cols; c++) {
            sums.putFloat(c * Float.BYTES, 0f);
        }
        for (int r = 0; r < rows; r++) {
            int row = r * cols;
            int c = 0;
            for (; c + width <= cols; c += width) {
                int at = (row + c) * Float.BYTES;
                FloatVector delta = FloatVector.fromByteBuffer(SPECIES, epsilon, at, ORDER);
                if (reluZ != null) {
                    VectorMask<Float> off = FloatVector.fromByteBuffer(SPECIES, reluZ, at, ORDER)
                            .compare(VectorOperators.LE, 0f);
                    delta = delta.blend(zero, off);
                    delta.intoByteBuffer(reluZ, at, ORDER);
                }
                FloatVector.fromByteBuffer(SPECIES, sums, c * Float.BYTES, ORDER).add(delta)
                        .intoByteBuffer(sums, c * Float.BYTES, ORDER);
            }
            for (; c < cols; c++) {
                int at = (row + c) * Float.BYTES;
                float delta = epsilon.getFloat(at);
                if (reluZ != null) {
                    delta = reluZ.getFloat(at) <= 0f ? 0f : delta;
                    reluZ.putFloat(at, delta);
                }
                sums.putFloat(c * Float.BYTES, sums.getFloat(c * Float.BYTES) + delta);
            }
        }
    }
}
