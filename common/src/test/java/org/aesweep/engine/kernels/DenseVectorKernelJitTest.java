package org.aesweep.engine.kernels;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class DenseVectorKernelJitTest {
    /**
     * Guards against masked tails: JDK 17 compiled a kernel that had once run a masked partial
     * vector into code that boxed every vector, allocating about 14 bytes per element (and running
     * ten times slower) on whole-width layers for the rest of the JVM's life. Compiled, the bias add
     * allocates nothing; the loop gives the JIT time to compile it.
     */
    @Test
    void aKernelThatRanAPartialVectorStillRunsWholeOnesWithoutAllocating() {
        int width = OffHeapVectors.WIDTH;
        Bias narrow = new Bias(64, width / 2 + 1);
        Bias wide = new Bias(64, 4 * width);
        double bytesPerCall = Double.NaN;
        for (int round = 0; round < 200 && !(bytesPerCall < 64); round++) {
            for (int i = 0; i < 200; i++) {
                narrow.add();
                wide.add();
            }
            long before = allocatedBytes();
            for (int i = 0; i < 200; i++) {
                wide.add();
            }
            bytesPerCall = (allocatedBytes() - before) / 200.0;
        }
        // Boxed, each call would allocate 64 rows x 4 vectors x 3 (two loads and a sum) arrays.
        assertTrue(bytesPerCall < 64, "a whole-width bias add allocates " + bytesPerCall + " bytes per call");
    }

    private static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }

    /** A z and bias pair kept referenced while their buffers are in use. */
    private static final class Bias {
        private final INDArray z;
        private final INDArray bias;
        private final ByteBuffer zBytes;
        private final ByteBuffer biasBytes;

        Bias(int rows, int cols) {
            z = Nd4j.rand(DataType.FLOAT, rows, cols);
            bias = Nd4j.rand(DataType.FLOAT, 1, cols);
            zBytes = FlatFloats.bytes(z);
            biasBytes = FlatFloats.bytes(bias);
        }

        void add() {
            DenseVectorKernel.addBias(zBytes, biasBytes, (int) z.rows(), (int) z.columns());
        }
    }
}
