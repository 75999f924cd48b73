package org.aesweep.engine.kernels;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import org.bytedeco.javacpp.FloatPointer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Bulk copies between single-precision INDArrays whose elements lie contiguously off-heap and Java
 * float arrays, so loops that libnd4j runs slowly can run as plain JVM loops (which the JIT
 * vectorises) at the price of one memcpy each way.
 */
public final class FlatFloats {
    /** On the CUDA backend arrays live on the GPU: their host buffers are not the arrays. */
    private static final boolean HOST_ARRAYS = Nd4j.getEnvironment().isCPU();

    private FlatFloats() {
    }

    /**
     * True when the array is FLOAT and its elements are one unbroken run of host memory, in the
     * array's own order ('c' or 'f'), small enough for one ByteBuffer ({@link #bytes}, int byte
     * offsets); two such arrays pair element by element when they are vectors or share their shape
     * and order. Always false on the CUDA backend.
     */
    public static boolean isFlat(INDArray array) {
        return HOST_ARRAYS && array.dataType() == DataType.FLOAT && array.length() <= Integer.MAX_VALUE / Float.BYTES
                && (array.length() == 1 || array.elementWiseStride() == 1);
    }

    /** The elements, in memory order, copied into {@code into} (grown when too short). */
    public static float[] read(INDArray flat, float[] into) {
        int length = (int) flat.length();
        float[] target = into != null && into.length >= length ? into : new float[length];
        start(flat).get(target, 0, length);
        return target;
    }

    /** Overwrites the elements with the first {@code flat.length()} values of {@code values}. */
    public static void write(float[] values, INDArray flat) {
        start(flat).put(values, 0, (int) flat.length());
    }

    /** The elements as a direct ByteBuffer in native order (position 0, 4 bytes each), sharing the memory. */
    public static ByteBuffer bytes(INDArray flat) {
        FloatPointer start = start(flat);
        return start.limit(start.position() + flat.length()).asByteBuffer().order(ByteOrder.nativeOrder());
    }

    /**
     * Copies rows {@code rows[from..to)} of a c-order matrix into the rows of {@code target}, one
     * memcpy per row; both must be flat c-order FLOAT matrices of equal width. Cheaper than libnd4j's
     * pullRows, which goes through its generic op machinery for every call.
     */
    public static void gatherRows(INDArray source, int[] rows, int from, int to, INDArray target) {
        if (!canGatherRows(source, target) || target.rows() != to - from) {
            throw new IllegalArgumentException("cannot gather " + source.shapeInfoToString() + " into "
                    + target.shapeInfoToString());
        }
        int rowBytes = (int) source.columns() * Float.BYTES;
        ByteBuffer in = bytes(source);
        ByteBuffer out = bytes(target);
        for (int i = from; i < to; i++) {
            out.put((i - from) * rowBytes, in, rows[i] * rowBytes, rowBytes);
        }
    }

    /** Whether {@link #gatherRows} takes these arrays (each addressable as one ByteBuffer). */
    public static boolean canGatherRows(INDArray source, INDArray target) {
        return isRowMajorMatrix(source) && isRowMajorMatrix(target) && source.columns() == target.columns();
    }

    /** True for a flat matrix in c order, whose rows lie one after another. */
    public static boolean isRowMajorMatrix(INDArray array) {
        return array.rank() == 2 && array.ordering() == 'c' && isFlat(array);
    }

    /** True when {@code a} and {@code b} are flat and pair element by element in memory order. */
    public static boolean pairUp(INDArray a, INDArray b) {
        return isFlat(a) && isFlat(b) && a.equalShapes(b) && (a.isVector() || a.ordering() == b.ordering());
    }

    private static FloatPointer start(INDArray flat) {
        if (!isFlat(flat)) {
            throw new IllegalArgumentException("not a contiguous FLOAT array: " + flat.shapeInfoToString());
        }
        // A view's buffer may already start at the view's first element (then the offsets agree).
        long elementsIn = flat.offset() - flat.data().offset();
        return new FloatPointer(flat.data().addressPointer()).position(elementsIn);
    }
}
