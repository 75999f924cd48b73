package org.aesweep.engine.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class OffHeapVectorsTest {
    @Test
    void partialVectorsReadZerosPastTheirLanesAndWriteOnlyTheirLanes() {
        int width = OffHeapVectors.WIDTH;
        INDArray array = Nd4j.linspace(DataType.FLOAT, 1, 2 * width, 1);
        ByteBuffer bytes = FlatFloats.bytes(array);
        float[] loaded = OffHeapVectors.load(bytes, 1, 3).toArray();
        float[] expected = new float[width];
        expected[0] = 2;
        expected[1] = 3;
        expected[2] = 4;
        assertArrayEquals(expected, loaded);
        assertEquals(9f, OffHeapVectors.sum(OffHeapVectors.load(bytes, 1, width), 3));

        OffHeapVectors.store(OffHeapVectors.load(bytes, 0, width).neg(), bytes, width - 2, 3);
        float[] after = array.toFloatVector();
        assertEquals(width - 2f, after[width - 3], "the element before is untouched");
        assertEquals(-1f, after[width - 2]);
        assertEquals(-3f, after[width]);
        assertEquals(width + 2f, after[width + 1], "the element after the lanes is untouched");
    }
}
