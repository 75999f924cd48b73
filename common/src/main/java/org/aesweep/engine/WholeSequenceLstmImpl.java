package org.aesweep.engine;

import java.nio.ByteBuffer;

import org.aesweep.engine.kernels.FlatFloats;
import org.aesweep.engine.kernels.LstmCellKernel;
import org.aesweep.engine.kernels.VectorApi;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.BaseLayer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * A {@link WholeSequenceLstm} at work. The input projections of all time steps are one matrix
 * product ({@code X W + b} over the time-major rows of the whole sequence); each step then adds
 * {@code h[t-1] RW} and applies the gates. Backprop runs the steps in reverse for the gate
 * gradients only, and gets every parameter gradient and the input gradient from whole-sequence
 * products again. libnd4j's lstmLayer_bp op, which computes the same, took most of a training
 * step here. A step's element-wise work runs in {@link LstmCellKernel} for float arrays on the
 * CPU, else through libnd4j's ops (double precision: gradient checks).
 *
 * <p>Shapes: x {@code [b, nIn, T]}; rows {@code [T*b, ...]} are time-major (step t is rows
 * {@code [t*b, (t+1)*b)}); gate columns are input, forget, cell, output, {@code n} each.
 *
 * <p>While training, the output it hands on and the input gradient it hands back are its
 * time-major rows seen as {@code [b, n, T]}, not copies: a following WholeSequenceLstm (or a
 * preceding one, for the gradient) reads them as rows again without copying, and every other
 * layer reads the view as any NCW array. libnd4j's permuted copies between the two layouts took
 * about a fifth of an LSTM autoencoder's training step.
 */
public class WholeSequenceLstmImpl extends BaseLayer<WholeSequenceLstm> {
    /** What the forward pass keeps for backprop: activated gates, cell states, their tanh, outputs. */
    private record Sequence(INDArray input, INDArray inputRows, INDArray gates, INDArray cells, INDArray cellTanh,
                            INDArray outputs) {
    }

    private Sequence forward;

    public WholeSequenceLstmImpl(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(false);
        refuseMasks();
        Sequence sequence = run(training ? ArrayType.ACTIVATIONS : ArrayType.FF_WORKING_MEM, workspaceMgr);
        forward = training ? sequence : null;
        long b = input.size(0);
        long n = layerConf().getNOut();
        long steps = input.size(2);
        // Either way each step's [b, n] slice is contiguous, which LastTimeStep's view of the last
        // step relies on downstream.
        INDArray asSequence = TimeMajorRows.asSequence(sequence.outputs(), b);
        if (training) {
            return asSequence;
        }
        // Inference keeps the rows in working memory, which closes with this call.
        INDArray h = workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, dataType, new long[] {b, n, steps}, 'f');
        h.assign(asSequence);
        return h;
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(true);
        refuseMasks();
        Sequence s = takeForward();
        if (s == null) {
            s = run(ArrayType.BP_WORKING_MEM, workspaceMgr);
        }
        long b = input.size(0);
        long n = layerConf().getNOut();
        long steps = input.size(2);
        INDArray recurrent = getParam(WholeSequenceLstmParams.RECURRENT_WEIGHTS);
        // dL/dh per step, time-major like the stored rows.
        INDArray outputGradient = TimeMajorRows.of(epsilon, dataType, ArrayType.BP_WORKING_MEM, workspaceMgr);
        INDArray gateGradient = workspaceMgr.createUninitialized(ArrayType.BP_WORKING_MEM, dataType,
                new long[] {steps * b, 4 * n}, 'c');
        INDArray hNext = Nd4j.zeros(dataType, b, n);
        INDArray cNext = Nd4j.zeros(dataType, b, n);
        // The kernel writes each step's cell carry beside the one it reads; the two swap every step.
        INDArray cCarry = Nd4j.createUninitialized(dataType, new long[] {b, n}, 'c');
        boolean kernel = usesKernel(s.gates());
        for (long t = steps - 1; t >= 0; t--) {
            INDArray dz = rows(gateGradient, t, b);
            if (kernel) {
                LstmCellKernel.backward(bytes(rows(s.gates(), t, b)), bytes(rows(s.cellTanh(), t, b)),
                        t > 0 ? bytes(rows(s.cells(), t - 1, b)) : null, bytes(rows(outputGradient, t, b)),
                        bytes(hNext), bytes(cNext), bytes(cCarry), bytes(dz), (int) b, (int) n);
                INDArray carried = cCarry;
                cCarry = cNext;
                cNext = carried;
            } else {
                cNext = stepBackward(s, outputGradient, hNext, cNext, dz, t, b, n);
            }
            if (t > 0) {
                Nd4j.gemm(dz, recurrent, hNext, false, true, 1.0, 0.0);
            }
        }
        INDArray weights = getParam(WholeSequenceLstmParams.INPUT_WEIGHTS);
        INDArray weightGradient = gradientViews.get(WholeSequenceLstmParams.INPUT_WEIGHTS);
        INDArray recurrentGradient = gradientViews.get(WholeSequenceLstmParams.RECURRENT_WEIGHTS);
        INDArray biasGradient = gradientViews.get(WholeSequenceLstmParams.BIAS);
        Nd4j.gemm(s.inputRows(), gateGradient, weightGradient, true, false, 1.0, 0.0);
        if (steps > 1) {
            // h[t-1] pairs with the gate gradient of step t; step 0 starts from h = 0.
            Nd4j.gemm(s.outputs().get(NDArrayIndex.interval(0, (steps - 1) * b), NDArrayIndex.all()),
                    gateGradient.get(NDArrayIndex.interval(b, steps * b), NDArrayIndex.all()),
                    recurrentGradient, true, false, 1.0, 0.0);
        } else {
            recurrentGradient.assign(0);
        }
        // The column sums as a product with a row of ones: libnd4j's reduce_sum over the rows of this
        // tall matrix took about ten times as long.
        Nd4j.gemm(Nd4j.ones(dataType, 1, steps * b), gateGradient, biasGradient.reshape('c', 1, 4 * n), false, false,
                1.0, 0.0);
        // Nd4j.gemm into a c-order result: INDArray.mmul goes through libnd4j's matmul op, several
        // times slower for this tall, narrow product.
        INDArray inputRowGradient = workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD, dataType,
                new long[] {steps * b, layerConf().getNIn()}, 'c');
        Nd4j.gemm(gateGradient, weights, inputRowGradient, false, true, 1.0, 0.0);
        INDArray inputGradient = TimeMajorRows.asSequence(inputRowGradient, b);

        Gradient gradient = new DefaultGradient(gradientsFlattened);
        gradient.gradientForVariable().put(WholeSequenceLstmParams.INPUT_WEIGHTS, weightGradient);
        gradient.gradientForVariable().put(WholeSequenceLstmParams.RECURRENT_WEIGHTS, recurrentGradient);
        gradient.gradientForVariable().put(WholeSequenceLstmParams.BIAS, biasGradient);
        weightNoiseParams.clear();
        return new Pair<>(gradient, inputGradient);
    }

    /** One step of backprop through libnd4j's ops (double precision, or no Vector API); returns the cell carry. */
    private static INDArray stepBackward(Sequence s, INDArray outputGradient, INDArray hNext, INDArray cNext,
                                         INDArray dz, long t, long b, long n) {
        INDArray gates = rows(s.gates(), t, b);
        INDArray i = columns(gates, 0, n);
        INDArray f = columns(gates, 1, n);
        INDArray g = columns(gates, 2, n);
        INDArray o = columns(gates, 3, n);
        INDArray dh = rows(outputGradient, t, b).add(hNext);
        INDArray tanhC = rows(s.cellTanh(), t, b);
        // dc = dh * o * (1 - tanh(c)^2) + dc from step t+1
        INDArray dc = tanhC.mul(tanhC).rsubi(1).muli(o).muli(dh).addi(cNext);
        // d(o) = dh * tanh(c), through the sigmoid: * o * (1 - o)
        columns(dz, 3, n).assign(dh.mul(tanhC).muli(o).muli(o.rsub(1)));
        // d(i) = dc * g, through the sigmoid
        columns(dz, 0, n).assign(dc.mul(g).muli(i).muli(i.rsub(1)));
        // d(g) = dc * i, through the tanh: * (1 - g^2)
        columns(dz, 2, n).assign(dc.mul(i).muli(g.mul(g).rsubi(1)));
        if (t > 0) {
            // d(f) = dc * c[t-1], through the sigmoid
            columns(dz, 1, n).assign(dc.mul(rows(s.cells(), t - 1, b)).muli(f).muli(f.rsub(1)));
        } else {
            columns(dz, 1, n).assign(0);
        }
        return dc.muli(f);
    }

    /** The forward recurrence over the current input, its arrays of the given kind. */
    private Sequence run(ArrayType arrayType, LayerWorkspaceMgr workspaceMgr) {
        INDArray x = input.castTo(dataType);
        if (x.rank() != 3 || x.size(1) != layerConf().getNIn()) {
            throw new IllegalStateException("WholeSequenceLstm " + layerConf().getLayerName() + " expects input [batch, "
                    + layerConf().getNIn() + ", time], got " + java.util.Arrays.toString(x.shape()));
        }
        long b = x.size(0);
        long steps = x.size(2);
        long n = layerConf().getNOut();
        INDArray inputRows = TimeMajorRows.of(x, dataType, arrayType, workspaceMgr);
        INDArray gates = workspaceMgr.createUninitialized(arrayType, dataType, new long[] {steps * b, 4 * n}, 'c');
        Nd4j.gemm(inputRows, getParam(WholeSequenceLstmParams.INPUT_WEIGHTS), gates, false, false, 1.0, 0.0);
        gates.addiRowVector(getParam(WholeSequenceLstmParams.BIAS));
        INDArray cells = workspaceMgr.createUninitialized(arrayType, dataType, new long[] {steps * b, n}, 'c');
        INDArray cellTanh = workspaceMgr.createUninitialized(arrayType, dataType, new long[] {steps * b, n}, 'c');
        INDArray outputs = workspaceMgr.createUninitialized(arrayType, dataType, new long[] {steps * b, n}, 'c');
        INDArray recurrent = getParam(WholeSequenceLstmParams.RECURRENT_WEIGHTS);
        boolean kernel = usesKernel(gates);
        for (long t = 0; t < steps; t++) {
            INDArray z = rows(gates, t, b);
            if (t > 0) {
                Nd4j.gemm(rows(outputs, t - 1, b), recurrent, z, false, false, 1.0, 1.0);
            }
            if (kernel) {
                LstmCellKernel.forward(bytes(z), t > 0 ? bytes(rows(cells, t - 1, b)) : null, bytes(rows(cells, t, b)),
                        bytes(rows(cellTanh, t, b)), bytes(rows(outputs, t, b)), (int) b, (int) n);
            } else {
                stepForward(z, cells, cellTanh, outputs, t, b, n);
            }
        }
        return new Sequence(input, inputRows, gates, cells, cellTanh, outputs);
    }

    /** One step of the recurrence through libnd4j's ops (double precision, or no Vector API). */
    private static void stepForward(INDArray z, INDArray cells, INDArray cellTanh, INDArray outputs, long t, long b,
                                    long n) {
        Transforms.sigmoid(z.get(NDArrayIndex.all(), NDArrayIndex.interval(0, 2 * n)), false);
        INDArray g = Transforms.tanh(columns(z, 2, n), false);
        INDArray o = Transforms.sigmoid(columns(z, 3, n), false);
        INDArray c = rows(cells, t, b);
        // c = i * g (+ f * c[t-1])
        c.assign(columns(z, 0, n).mul(g));
        if (t > 0) {
            c.addi(columns(z, 1, n).mul(rows(cells, t - 1, b)));
        }
        INDArray tanhC = rows(cellTanh, t, b);
        tanhC.assign(Transforms.tanh(c, true));
        rows(outputs, t, b).assign(tanhC.mul(o));
    }

    /** Whether the steps run through {@link LstmCellKernel}: float arrays on the CPU with the Vector API. */
    private static boolean usesKernel(INDArray gates) {
        return VectorApi.available() && FlatFloats.isRowMajorMatrix(gates);
    }

    private static ByteBuffer bytes(INDArray rows) {
        return FlatFloats.bytes(rows);
    }

    /** The forward pass's arrays when they belong to the current input and are still valid; used once. */
    private Sequence takeForward() {
        Sequence s = forward;
        forward = null;
        if (s == null || s.input() != input) {
            return null;
        }
        for (INDArray array : new INDArray[] {s.inputRows(), s.gates(), s.cells(), s.cellTanh(), s.outputs()}) {
            if (array.isAttached() && !array.isInScope()) {
                return null;
            }
        }
        return s;
    }

    /** Rows {@code [t*b, (t+1)*b)} of a time-major matrix: step t, a contiguous view. */
    private static INDArray rows(INDArray matrix, long t, long b) {
        return matrix.get(NDArrayIndex.interval(t * b, (t + 1) * b), NDArrayIndex.all());
    }

    /** Gate block k (columns {@code [k*n, (k+1)*n)}). */
    private static INDArray columns(INDArray matrix, int k, long n) {
        return matrix.get(NDArrayIndex.all(), NDArrayIndex.interval(k * n, (k + 1) * n));
    }

    private void refuseMasks() {
        if (maskArray != null) {
            throw new UnsupportedOperationException("WholeSequenceLstm does not support masked sequences");
        }
    }

    @Override
    public void clear() {
        super.clear();
        forward = null;
    }

    @Override
    public Type type() {
        return Type.RECURRENT;
    }

    @Override
    public boolean hasBias() {
        return true;
    }

    @Override
    public boolean hasLayerNorm() {
        return false;
    }

    @Override
    public boolean isPretrainLayer() {
        return false;
    }
}
