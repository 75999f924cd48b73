package org.aesweep.engine;

import static org.aesweep.vector.OffHeapVectors.WIDTH;
import static org.aesweep.vector.OffHeapVectors.load;
import static org.aesweep.vector.OffHeapVectors.store;

import java.nio.ByteBuffer;

import jdk.incubator.vector.FloatVector;
import org.aesweep.vector.VectorMath;

/**
 * One time step of the LSTM cell's element-wise work, forward and backward, for
 * {@link WholeSequenceLstmImpl}, with the JDK's Vector API over off-heap float rows. Through
 * libnd4j the same step is about fifteen ops on strided gate columns, each a pass over memory with
 * its own dispatch; here it is one pass. Gate rows are {@code [b, 4n]} (input, forget, cell,
 * output), the others {@code [b, n]}, all row-major. Only touch this class after
 * {@link org.aesweep.vector.VectorApi#available()} said yes.
 */
final class LstmCellKernel {
    private LstmCellKernel() {
    }

    /**
     * Activates the gates in place (sigmoid, sigmoid, tanh, sigmoid) and writes
     * {@code c = f c[t-1] + i g}, {@code tanh(c)} and {@code h = o tanh(c)}; {@code previousCell}
     * is null at the first step.
     */
    static void forward(ByteBuffer gates, ByteBuffer previousCell, ByteBuffer cell, ByteBuffer cellTanh,
                        ByteBuffer output, int rows, int n) {
        for (int r = 0; r < rows; r++) {
            int gateRow = r * 4 * n;
            int stateRow = r * n;
            for (int j = 0; j < n; j += WIDTH) {
                int lanes = Math.min(WIDTH, n - j);
                FloatVector i = VectorMath.sigmoid(load(gates, gateRow + j, lanes));
                FloatVector f = VectorMath.sigmoid(load(gates, gateRow + n + j, lanes));
                FloatVector g = VectorMath.tanh(load(gates, gateRow + 2 * n + j, lanes));
                FloatVector o = VectorMath.sigmoid(load(gates, gateRow + 3 * n + j, lanes));
                store(i, gates, gateRow + j, lanes);
                store(f, gates, gateRow + n + j, lanes);
                store(g, gates, gateRow + 2 * n + j, lanes);
                store(o, gates, gateRow + 3 * n + j, lanes);
                FloatVector c = i.mul(g);
                if (previousCell != null) {
                    c = f.fma(load(previousCell, stateRow + j, lanes), c);
                }
                FloatVector tanhC = VectorMath.tanh(c);
                store(c, cell, stateRow + j, lanes);
                store(tanhC, cellTanh, stateRow + j, lanes);
                store(o.mul(tanhC), output, stateRow + j, lanes);
            }
        }
    }

    /**
     * The gate pre-activations' gradient {@code gateGradient} of one step, from the output
     * gradient {@code dh} (the loss's plus the next step's, summed here) and the cell gradient
     * carried from the next step, which {@code cellCarry} holds on entry and receives for the step
     * before on return ({@code dc * f}). {@code previousCell} is null at the first step.
     */
    static void backward(ByteBuffer gates, ByteBuffer cellTanh, ByteBuffer previousCell, ByteBuffer lossGradient,
                         ByteBuffer outputCarry, ByteBuffer cellCarry, ByteBuffer gateGradient, int rows, int n) {
        for (int r = 0; r < rows; r++) {
            int gateRow = r * 4 * n;
            int stateRow = r * n;
            for (int j = 0; j < n; j += WIDTH) {
                int lanes = Math.min(WIDTH, n - j);
                FloatVector i = load(gates, gateRow + j, lanes);
                FloatVector f = load(gates, gateRow + n + j, lanes);
                FloatVector g = load(gates, gateRow + 2 * n + j, lanes);
                FloatVector o = load(gates, gateRow + 3 * n + j, lanes);
                FloatVector tanhC = load(cellTanh, stateRow + j, lanes);
                FloatVector dh = load(lossGradient, stateRow + j, lanes).add(load(outputCarry, stateRow + j, lanes));
                FloatVector dc = dh.mul(o).mul(tanhC.mul(tanhC).neg().add(1f)).add(load(cellCarry, stateRow + j, lanes));
                store(dh.mul(tanhC).mul(o).mul(o.neg().add(1f)), gateGradient, gateRow + 3 * n + j, lanes);
                store(dc.mul(g).mul(i).mul(i.neg().add(1f)), gateGradient, gateRow + j, lanes);
                store(dc.mul(i).mul(g.mul(g).neg().add(1f)), gateGradient, gateRow + 2 * n + j, lanes);
                FloatVector df = previousCell == null ? FloatVector.zero(i.species())
                        : dc.mul(load(previousCell, stateRow + j, lanes)).mul(f).mul(f.neg().add(1f));
                store(df, gateGradient, gateRow + n + j, lanes);
                store(dc.mul(f), cellCarry, stateRow + j, lanes);
            }
        }
    }
}
