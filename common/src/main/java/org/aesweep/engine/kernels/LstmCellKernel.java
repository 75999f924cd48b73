package org.aesweep.engine.kernels;

import static org.aesweep.engine.kernels.OffHeapVectors.WIDTH;
import static org.aesweep.engine.kernels.OffHeapVectors.load;
import static org.aesweep.engine.kernels.OffHeapVectors.store;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.function.IntConsumer;

import jdk.incubator.vector.FloatVector;
import org.aesweep.engine.WholeSequenceLstmImpl;

/**
 * One time step of the LSTM cell's element-wise work, forward and backward, for
 * {@link WholeSequenceLstmImpl}, with the JDK's Vector API over off-heap float rows. Through
 * libnd4j the same step is about fifteen ops on strided gate columns, each a pass over memory with
 * its own dispatch; here each row takes one pass over its gates and one over its units. Gate rows
 * are {@code [b, 4n]} (input, forget, cell, output), the others {@code [b, n]}, all row-major.
 * Only touch this class after {@link org.aesweep.engine.kernels.VectorApi#available()} said yes.
 */
public final class LstmCellKernel {
    private LstmCellKernel() {
    }

    /**
     * Activates the gates in place (sigmoid, sigmoid, tanh, sigmoid) and writes
     * {@code c = f c[t-1] + i g}, {@code tanh(c)} and {@code h = o tanh(c)}; {@code previousCell}
     * is null at the first step. Rows are split over the task's threads.
     */
    public static void forward(ByteBuffer gates, ByteBuffer previousCell, ByteBuffer cell, ByteBuffer cellTanh,
                        ByteBuffer output, int rows, int n) {
        float[] scales = gateScales(n);
        eachChunk(rows, n, gateRow -> activateGates(gates, gateRow, scales, 4 * n), (gateRow, stateRow, at, lanes) -> {
            FloatVector i = load(gates, gateRow + at, lanes);
            FloatVector g = load(gates, gateRow + 2 * n + at, lanes);
            FloatVector c = i.mul(g);
            if (previousCell != null) {
                c = load(gates, gateRow + n + at, lanes).fma(load(previousCell, stateRow + at, lanes), c);
            }
            FloatVector tanhC = VectorMath.tanh(c);
            store(c, cell, stateRow + at, lanes);
            store(tanhC, cellTanh, stateRow + at, lanes);
            store(load(gates, gateRow + 3 * n + at, lanes).mul(tanhC), output, stateRow + at, lanes);
        });
    }

    /**
     * The gate pre-activations' gradient {@code gateGradient} of one step, from the output
     * gradient {@code dh} (the loss's plus the next step's, summed here) and the cell gradient
     * {@code cellCarry} carried from the next step; writes the carry for the step before
     * ({@code dc * f}) to {@code nextCellCarry}. {@code previousCell} is null at the first step.
     * Rows are split over the task's threads.
     */
    public static void backward(ByteBuffer gates, ByteBuffer cellTanh, ByteBuffer previousCell, ByteBuffer lossGradient,
                         ByteBuffer outputCarry, ByteBuffer cellCarry, ByteBuffer nextCellCarry, ByteBuffer gateGradient,
                         int rows, int n) {
        eachChunk(rows, n, gateRow -> { }, (gateRow, stateRow, at, lanes) -> {
            FloatVector i = load(gates, gateRow + at, lanes);
            FloatVector f = load(gates, gateRow + n + at, lanes);
            FloatVector g = load(gates, gateRow + 2 * n + at, lanes);
            FloatVector o = load(gates, gateRow + 3 * n + at, lanes);
            FloatVector tanhC = load(cellTanh, stateRow + at, lanes);
            FloatVector dh = load(lossGradient, stateRow + at, lanes).add(load(outputCarry, stateRow + at, lanes));
            FloatVector dc = dh.mul(o).mul(tanhC.mul(tanhC).neg().add(1f)).add(load(cellCarry, stateRow + at, lanes));
            store(dh.mul(tanhC).mul(o).mul(o.neg().add(1f)), gateGradient, gateRow + 3 * n + at, lanes);
            store(dc.mul(g).mul(i).mul(i.neg().add(1f)), gateGradient, gateRow + at, lanes);
            store(dc.mul(i).mul(g.mul(g).neg().add(1f)), gateGradient, gateRow + 2 * n + at, lanes);
            FloatVector df = previousCell == null ? FloatVector.zero(i.species())
                    : dc.mul(load(previousCell, stateRow + at, lanes)).mul(f).mul(f.neg().add(1f));
            store(df, gateGradient, gateRow + n + at, lanes);
            store(dc.mul(f), nextCellCarry, stateRow + at, lanes);
        });
    }

    /** The work on the units {@code [at, at + lanes)} of one row. */
    private interface Chunk {
        void apply(int gateRow, int stateRow, int at, int lanes);
    }

    /**
     * For each row, {@code rowStart} with the row's first gate element, then {@code chunk} for each
     * chunk of its units (see {@link #chunkStart}); rows are split over the task's threads.
     */
    private static void eachChunk(int rows, int n, IntConsumer rowStart, Chunk chunk) {
        KernelThreads.split(rows * 4 * n, 4 * n, (from, to) -> {
            for (int r = from / (4 * n); r < to / (4 * n); r++) {
                rowStart.accept(r * 4 * n);
                for (int j = 0; j < n; j += WIDTH) {
                    int at = chunkStart(j, n);
                    chunk.apply(r * 4 * n, r * n, at, Math.min(WIDTH, n - at));
                }
            }
            return Boolean.TRUE;
        });
    }

    /**
     * Where the chunk of units from {@code j} starts: at {@code j}, but the last chunk of a row
     * at least a vector wide ends at the row's end, overlapping the chunk before it, so that every
     * chunk is a whole vector (partial vectors go through Java arrays, several times slower). The
     * overlapped units are computed twice from inputs neither pass writes, with the same result.
     */
    private static int chunkStart(int j, int n) {
        return j + WIDTH > n && n >= WIDTH ? n - WIDTH : j;
    }

    /**
     * The gate row's activations in place, in one pass over its 4n values: {@code s sigmoid(s x)
     * - (s - 1)} with s = 1 for the input, forget and output gates (a sigmoid) and s = 2 for the
     * cell gate (tanh, computed as VectorMath.tanh computes it: the same bits).
     */
    private static void activateGates(ByteBuffer gates, int gateRow, float[] scales, int width) {
        for (int p = 0; p < width; p += WIDTH) {
            int lanes = Math.min(WIDTH, width - p);
            FloatVector scale = FloatVector.fromArray(OffHeapVectors.SPECIES, scales, p);
            FloatVector x = load(gates, gateRow + p, lanes);
            store(VectorMath.sigmoid(x.mul(scale)).mul(scale).sub(scale.sub(1f)), gates, gateRow + p, lanes);
        }
    }

    /** The scale s of each of a gate row's 4n values, padded with 1s to whole vectors. */
    private static float[] gateScales(int n) {
        float[] scales = new float[(4 * n + WIDTH - 1) / WIDTH * WIDTH];
        Arrays.fill(scales, 1f);
        Arrays.fill(scales, 2 * n, 3 * n, 2f);
        return scales;
    }
}
