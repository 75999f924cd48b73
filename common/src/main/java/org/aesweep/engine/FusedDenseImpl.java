package org.aesweep.engine;

import java.util.Arrays;

import org.deeplearning4j.exception.DL4JInvalidInputException;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.BaseLayer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.blas.params.MMulTranspose;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.reduce.Mmul;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Implementation of {@link FusedDenseLayer}: K independent dense layers computed with batched
 * work per op. Per forward pass: K matmul ops, each writing straight into its column block of one
 * {@code [batch, K*nOut]} output (libnd4j's matmul takes strided views for inputs and output, so
 * nothing is copied), then one bias add and one activation over the whole output. Per backward
 * pass, the activation is backpropagated and the bias gradient summed over the whole output, and
 * the weight gradients and the epsilon for the previous layer are K matmuls each, written into
 * column blocks of the gradient view (f-order, contiguous blocks) and of the epsilon array. The
 * element-wise work goes through {@link DenseElementwise}.
 *
 * <p>Unlike DL4J's dense layer, backprop does not recompute the pre-activations (K matmuls and a
 * bias add per layer and step): the training forward pass keeps them (the activation goes into an
 * array of its own), in the activations workspace, which MultiLayerNetwork keeps open until
 * backprop ends, and backprop takes them when its input is the very array that forward pass saw
 * and their workspace is still in scope; otherwise it recomputes. A first layer built with
 * {@code inputGradient(false)} skips the epsilon for its input.
 *
 * <p>Activations and epsilons are c-order, like DL4J's: labels, inputs and DL4J's loss functions
 * are c-order, and element-wise ops mixing c- and f-order arrays take a slow path in ND4J, which
 * made f-order activations (contiguous column blocks, which {@code Nd4j.gemm} also accepts) the
 * slower choice. libnd4j's {@code batched_gemm} op is not used: without MKL it falls back to plain
 * loops, slower on CPU than K matmuls (docs/performance.md has both measurements).
 *
 * <p>Workspaces follow DL4J's dense layer: the output is created as an ACTIVATIONS array, the
 * epsilon as an ACTIVATION_GRAD array, and the parameter gradients are written into the views DL4J
 * handed over ({@code gradientViews}).
 */
public class FusedDenseImpl extends BaseLayer<FusedDenseLayer> {
    private static final long serialVersionUID = 1L;
    /** Order of the activations and epsilons this layer creates: c, like the loss ops downstream. */
    private static final char ORDER = 'c';

    /** The input of the last training forward pass, and its pre-activations (see the class comment). */
    private transient INDArray forwardInput;
    private transient INDArray forwardPreActivation;

    public FusedDenseImpl(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    private int branches() {
        return layerConf().getBranches();
    }

    /** Branch k's weights, a live f-order {@code [nIn, nOut]} view of the layer's parameters. */
    public INDArray branchWeights(int k) {
        return columnBlock(getParam(FusedDenseParamInitializer.WEIGHT_KEY), k, layerConf().branchOut());
    }

    /** Branch k's bias, a live view of length nOut of the layer's parameters. */
    public INDArray branchBias(int k) {
        long nOut = layerConf().branchOut();
        return getParam(FusedDenseParamInitializer.BIAS_KEY).get(NDArrayIndex.interval(k * nOut, (k + 1) * nOut));
    }

    /** Copies a solo dense layer's {@code W} ([nIn, nOut]) and {@code b} (nOut values, any shape) into branch k. */
    public void setBranchParams(int k, INDArray weights, INDArray bias) {
        INDArray w = branchWeights(k);
        INDArray b = branchBias(k);
        if (!Arrays.equals(w.shape(), weights.shape()) || b.length() != bias.length()) {
            throw new IllegalArgumentException("Branch " + k + " takes W " + Arrays.toString(w.shape()) + " and b of "
                    + b.length() + ", got W " + Arrays.toString(weights.shape()) + " and b of " + bias.length());
        }
        w.assign(weights);
        b.assign(bias.dup().reshape(b.shape()));
    }

    @Override
    protected INDArray preOutput(boolean training, LayerWorkspaceMgr workspaceMgr) {
        return preActivation(training, false, workspaceMgr);
    }

    @Override
    protected Pair<INDArray, INDArray> preOutputWithPreNorm(boolean training, boolean forBackprop,
            LayerWorkspaceMgr workspaceMgr) {
        INDArray z = preActivation(training, forBackprop, workspaceMgr);
        return new Pair<>(z, z);
    }

    /** X W + b for all branches, as one c-order ACTIVATIONS array. */
    private INDArray preActivation(boolean training, boolean forBackprop, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(forBackprop);
        applyDropOutIfNecessary(training, workspaceMgr);
        INDArray w = getParamWithNoise(FusedDenseParamInitializer.WEIGHT_KEY, training, workspaceMgr);
        INDArray b = getParamWithNoise(FusedDenseParamInitializer.BIAS_KEY, training, workspaceMgr);
        INDArray x = checkedInput();

        INDArray z = workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, w.dataType(),
                new long[] {x.size(0), layerConf().getNOut()}, ORDER);
        long nIn = layerConf().branchIn();
        long nOut = layerConf().branchOut();
        for (int k = 0; k < branches(); k++) {
            gemm(columnBlock(x, k, nIn), columnBlock(w, k, nOut), columnBlock(z, k, nOut), false, false, 1.0, 0.0);
        }
        DenseElementwise.addBias(z, b);
        if (maskArray != null) {
            applyMask(z);
        }
        return z;
    }

    private INDArray checkedInput() {
        INDArray x = input.castTo(dataType);
        if (x.rank() != 2 || x.size(1) != layerConf().getNIn()) {
            throw new DL4JInvalidInputException("FusedDenseLayer expects input [batch, " + layerConf().getNIn()
                    + "] (" + branches() + " branches of " + layerConf().branchIn() + "), got "
                    + Arrays.toString(x.shape()) + " " + layerId());
        }
        return x;
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
        INDArray z = preActivation(training, false, workspaceMgr);
        forwardInput = training ? input : null;
        forwardPreActivation = training ? z : null;
        INDArray a = training
                ? DenseElementwise.activateKeepingInput(z, layerConf().getActivationFn(), workspaceMgr)
                : layerConf().getActivationFn().getActivation(z, false);
        if (maskArray != null) {
            applyMask(a);
        }
        return a;
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(true);
        INDArray z = takeForwardPreActivation();
        if (z == null) {
            z = preActivation(true, true, workspaceMgr);
        }
        INDArray biasGrad = gradientViews.get(FusedDenseParamInitializer.BIAS_KEY);
        INDArray delta;
        if (maskArray != null) {
            delta = layerConf().getActivationFn().backprop(z, epsilon).getFirst();
            applyMask(delta);
            delta.sum(biasGrad, 0);
        } else {
            delta = DenseElementwise.backprop(z, epsilon, layerConf().getActivationFn(), biasGrad);
        }

        Gradient gradient = new DefaultGradient();
        gradient.gradientForVariable().put(FusedDenseParamInitializer.BIAS_KEY, biasGrad);

        INDArray x = checkedInput();
        INDArray w = getParamWithNoise(FusedDenseParamInitializer.WEIGHT_KEY, true, workspaceMgr);
        INDArray weightGrad = gradientViews.get(FusedDenseParamInitializer.WEIGHT_KEY);
        boolean inputGradient = layerConf().isInputGradient();
        INDArray epsilonNext = inputGradient
                ? workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD, delta.dataType(),
                        new long[] {delta.size(0), layerConf().getNIn()}, ORDER)
                : null;
        long nIn = layerConf().branchIn();
        long nOut = layerConf().branchOut();
        for (int k = 0; k < branches(); k++) {
            INDArray deltaK = columnBlock(delta, k, nOut);
            // dL/dW_k = X_k^T delta_k and dL/dX_k = delta_k W_k^T
            gemm(columnBlock(x, k, nIn), deltaK, columnBlock(weightGrad, k, nOut), true, false, 1.0, 0.0);
            if (inputGradient) {
                gemm(deltaK, columnBlock(w, k, nOut), columnBlock(epsilonNext, k, nIn), false, true, 1.0, 0.0);
            }
        }
        gradient.gradientForVariable().put(FusedDenseParamInitializer.WEIGHT_KEY, weightGrad);

        weightNoiseParams.clear();
        if (epsilonNext != null) {
            epsilonNext = backpropDropOutIfPresent(epsilonNext);
        }
        return new Pair<>(gradient, epsilonNext);
    }

    /** The forward pass's pre-activations when they belong to the current input and are still valid; used once. */
    private INDArray takeForwardPreActivation() {
        INDArray z = forwardPreActivation;
        boolean reusable = z != null && forwardInput == input && (!z.isAttached() || z.isInScope());
        forwardInput = null;
        forwardPreActivation = null;
        return reusable ? z : null;
    }

    @Override
    public void clear() {
        super.clear();
        forwardInput = null;
        forwardPreActivation = null;
    }

    /** c = op(a) op(b), written into c (which may be a strided view) by libnd4j's matmul op. */
    static void gemm(INDArray a, INDArray b, INDArray c, boolean transA, boolean transB, double alpha, double beta) {
        Nd4j.exec(new Mmul(a, b, c, alpha, beta,
                MMulTranspose.builder().transposeA(transA).transposeB(transB).build()));
    }

    /** Columns {@code [k*width, (k+1)*width)} of a matrix: a view, contiguous when the matrix is f-order. */
    public static INDArray columnBlock(INDArray matrix, int k, long width) {
        if (matrix.size(1) == width) {
            return matrix;
        }
        return matrix.get(NDArrayIndex.all(), NDArrayIndex.interval(k * width, (k + 1) * width));
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
