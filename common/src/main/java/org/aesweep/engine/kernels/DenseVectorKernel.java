package org.aesweep.engine.kernels;

import static org.aesweep.engine.kernels.OffHeapVectors.WIDTH;
import static org.aesweep.engine.kernels.OffHeapVectors.load;
import static org.aesweep.engine.kernels.OffHeapVectors.store;

import java.nio.ByteBuffer;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;

/**
 * The element-wise passes of a dense layer over c-order {@code [rows, cols]} float arrays, with the
 * JDK's Vector API: bias add, ReLU, and ReLU's backprop fused with the bias gradient (column sums).
 * libnd4j runs each as a separate op at about 0.8 ns an element; these run at memory speed, and
 * the backprop pass does two ops' work in one. Only touch this class after
 * {@link VectorApi#available()} said yes.
 */
public final class DenseVectorKernel {
    private DenseVectorKernel() {
    }

    /** Adds {@code bias} (cols values) to every row of z, in place. */
    public static void addBias(ByteBuffer z, ByteBuffer bias, int rows, int cols) {
        for (int r = 0; r < rows; r++) {
            int row = r * cols;
            int c = 0;
            for (; c + WIDTH <= cols; c += WIDTH) {
                addBiasAt(z, bias, row, c, WIDTH);
            }
            if (c < cols) {
                addBiasAt(z, bias, row, c, cols - c);
            }
        }
    }

    private static void addBiasAt(ByteBuffer z, ByteBuffer bias, int row, int column, int lanes) {
        store(load(z, row + column, lanes).add(load(bias, column, lanes)), z, row + column, lanes);
    }

    /** {@code a = max(z, 0)} over the first {@code length} elements. */
    public static void relu(ByteBuffer z, ByteBuffer a, int length) {
        int i = 0;
        for (; i + WIDTH <= length; i += WIDTH) {
            store(load(z, i, WIDTH).max(0f), a, i, WIDTH);
        }
        if (i < length) {
            store(load(z, i, length - i).max(0f), a, i, length - i);
        }
    }

    /**
     * Backprop through ReLU: writes the gradient with respect to z, {@code epsilon * (z > 0)}, over
     * z, and its column sums (the bias gradient) into {@code biasGradient}.
     */
    public static void reluBackprop(ByteBuffer z, ByteBuffer epsilon, ByteBuffer biasGradient, int rows, int cols) {
        columnSums(epsilon, z, biasGradient, rows, cols);
    }

    /** Column sums of epsilon into {@code biasGradient}: the bias gradient behind an identity activation. */
    public static void columnSums(ByteBuffer epsilon, ByteBuffer biasGradient, int rows, int cols) {
        columnSums(epsilon, null, biasGradient, rows, cols);
    }

    /** Column sums of epsilon, zeroed where z <= 0 and written over z when a ReLU's z is given. */
    private static void columnSums(ByteBuffer epsilon, ByteBuffer reluZ, ByteBuffer sums, int rows, int cols) {
        for (int c = 0; c < cols; c++) {
            sums.putFloat(c * Float.BYTES, 0f);
        }
        for (int r = 0; r < rows; r++) {
            int row = r * cols;
            int c = 0;
            for (; c + WIDTH <= cols; c += WIDTH) {
                addToColumnSums(epsilon, reluZ, sums, row, c, WIDTH);
            }
            if (c < cols) {
                addToColumnSums(epsilon, reluZ, sums, row, c, cols - c);
            }
        }
    }

    private static void addToColumnSums(ByteBuffer epsilon, ByteBuffer reluZ, ByteBuffer sums, int row, int column,
                                        int lanes) {
        FloatVector delta = load(epsilon, row + column, lanes);
        if (reluZ != null) {
            VectorMask<Float> off = load(reluZ, row + column, lanes).compare(VectorOperators.LE, 0f);
            delta = delta.blend(0f, off);
            store(delta, reluZ, row + column, lanes);
        }
        store(load(sums, column, lanes).add(delta), sums, column, lanes);
    }
}
