package org.aesweep.bench;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Measures what the BLAS behind ND4J sustains on large single-precision matrix products: the
 * machine's practical FLOP ceiling, against which a training epoch's FLOPs give its floor.
 */
public final class GemmPeak {
    private static final int SIZE = 1024;
    private static final int WARM_UP = 3;
    private static final int TIMED = 12;

    private GemmPeak() {
    }

    /** Floating-point operations per second of a 1024 x 1024 x 1024 float product, best of the timed ones. */
    public static double flopsPerSecond() {
        INDArray a = Nd4j.rand(DataType.FLOAT, SIZE, SIZE);
        INDArray b = Nd4j.rand(DataType.FLOAT, SIZE, SIZE);
        INDArray c = Nd4j.create(DataType.FLOAT, SIZE, SIZE);
        for (int i = 0; i < WARM_UP; i++) {
            a.mmuli(b, c);
        }
        double best = Double.MAX_VALUE;
        for (int i = 0; i < TIMED; i++) {
            long start = System.nanoTime();
            a.mmuli(b, c);
            best = Math.min(best, (System.nanoTime() - start) / 1e9);
        }
        return 2.0 * SIZE * SIZE * SIZE / best;
    }
}
