package org.aesweep.engine.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

class FlatFloatsTest {
    @Test
    void readsAndWritesAViewThatStartsInsideItsBuffer() {
        INDArray whole = Nd4j.arange(20).castTo(DataType.FLOAT).reshape(1, 20);
        INDArray tail = whole.get(NDArrayIndex.point(0), NDArrayIndex.interval(10, 20));
        float[] read = FlatFloats.read(tail, null);
        assertArrayEquals(new float[] {10, 11, 12, 13, 14, 15, 16, 17, 18, 19}, read);

        FlatFloats.write(new float[] {-1, -2, -3, -4, -5, -6, -7, -8, -9, -10}, tail);
        assertEquals(9f, whole.getFloat(9), "the element before the view is untouched");
        assertEquals(-1f, whole.getFloat(10));
        assertEquals(-10f, whole.getFloat(19));
        assertEquals(-1f, FlatFloats.bytes(tail).getFloat(0));
        assertEquals(40, FlatFloats.bytes(tail).capacity());
    }

    @Test
    void onlyContiguousFloatArraysAreFlatAndPairOnlyInOneLayout() {
        INDArray matrix = Nd4j.rand(DataType.FLOAT, 4, 6);
        assertTrue(FlatFloats.isFlat(matrix));
        assertFalse(FlatFloats.isFlat(matrix.get(NDArrayIndex.all(), NDArrayIndex.interval(1, 3))));
        assertFalse(FlatFloats.isFlat(matrix.castTo(DataType.DOUBLE)));
        assertTrue(FlatFloats.pairUp(matrix, matrix.dup('c')));
        assertFalse(FlatFloats.pairUp(matrix, matrix.dup('f')));
        assertThrows(IllegalArgumentException.class,
                () -> FlatFloats.read(matrix.get(NDArrayIndex.all(), NDArrayIndex.interval(1, 3)), null));
    }

    @Test
    void gathersRowsAsPullRowsDoesAndRefusesArraysItCannotAddress() {
        INDArray source = Nd4j.rand(DataType.FLOAT, 50, 7);
        int[] order = {4, 49, 0, 17, 17, 33, 2};
        INDArray gathered = Nd4j.create(DataType.FLOAT, 4, 7);
        FlatFloats.gatherRows(source, order, 2, 6, gathered);
        assertEquals(Nd4j.pullRows(source, 1, new int[] {0, 17, 17, 33}), gathered);

        INDArray columnMajor = source.dup('f');
        assertFalse(FlatFloats.canGatherRows(columnMajor, gathered));
        assertFalse(FlatFloats.canGatherRows(source, Nd4j.create(DataType.FLOAT, 4, 6)));
        assertThrows(IllegalArgumentException.class, () -> FlatFloats.gatherRows(columnMajor, order, 2, 6, gathered));
        assertThrows(IllegalArgumentException.class, () -> FlatFloats.gatherRows(source, order, 0, 6, gathered));
    }
}
