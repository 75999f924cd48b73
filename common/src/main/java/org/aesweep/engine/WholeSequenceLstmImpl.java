package org.aesweep.engine;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.BaseLayer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A {@link WholeSequenceLstm} at work: the forward pass is one {@code lstmLayer} op over all time
 * steps, the backward pass one {@code lstmLayer_bp} op, which recomputes the gates itself and
 * writes the parameter gradients straight into the layer's gradient views.
 */
public class WholeSequenceLstmImpl extends BaseLayer<WholeSequenceLstm> {
    /** libnd4j's data format 2: [batch, features, time], DL4J's NCW. */
    private static final int NCW = 2;
    private static final int FORWARD = 0;
    private static final int TANH = 0;
    private static final int SIGMOID = 2;
    private static final int[] INT_ARGS = {NCW, FORWARD, SIGMOID, TANH, TANH};
    /** No cell clipping. */
    private static final Double[] FLOAT_ARGS = {0.0};
    /** Biases given; no sequence lengths, initial states or peepholes; the whole output sequence. */
    private static final boolean[] BOOLEAN_ARGS = {true, false, false, false, false, true, false, false};

    public WholeSequenceLstmImpl(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(false);
        refuseMasks();
        INDArray x = sequenceInput();
        INDArray h = workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, dataType,
                new long[] {x.size(0), layerConf().getNOut(), x.size(2)}, 'c');
        Nd4j.exec(DynamicCustomOp.builder("lstmLayer")
                .addInputs(x, param(WholeSequenceLstmParams.INPUT_WEIGHTS), param(WholeSequenceLstmParams.RECURRENT_WEIGHTS),
                        param(WholeSequenceLstmParams.BIAS))
                .addOutputs(h)
                .addIntegerArguments(INT_ARGS).addFloatingPointArguments(FLOAT_ARGS).addBooleanArguments(BOOLEAN_ARGS)
                .build());
        return h;
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(true);
        refuseMasks();
        INDArray x = sequenceInput();
        INDArray inputGradient = workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD, dataType, x.shape(), 'c');
        INDArray weightGradient = gradientViews.get(WholeSequenceLstmParams.INPUT_WEIGHTS);
        INDArray recurrentGradient = gradientViews.get(WholeSequenceLstmParams.RECURRENT_WEIGHTS);
        INDArray biasGradient = gradientViews.get(WholeSequenceLstmParams.BIAS);
        Nd4j.exec(DynamicCustomOp.builder("lstmLayer_bp")
                .addInputs(x, param(WholeSequenceLstmParams.INPUT_WEIGHTS), param(WholeSequenceLstmParams.RECURRENT_WEIGHTS),
                        param(WholeSequenceLstmParams.BIAS), epsilon.castTo(dataType).dup('c'))
                .addOutputs(inputGradient, weightGradient, recurrentGradient, biasGradient)
                .addIntegerArguments(INT_ARGS).addFloatingPointArguments(FLOAT_ARGS).addBooleanArguments(BOOLEAN_ARGS)
                .build());
        Gradient gradient = new DefaultGradient(gradientsFlattened);
        gradient.gradientForVariable().put(WholeSequenceLstmParams.INPUT_WEIGHTS, weightGradient);
        gradient.gradientForVariable().put(WholeSequenceLstmParams.RECURRENT_WEIGHTS, recurrentGradient);
        gradient.gradientForVariable().put(WholeSequenceLstmParams.BIAS, biasGradient);
        weightNoiseParams.clear();
        return new Pair<>(gradient, inputGradient);
    }

    private INDArray param(String key) {
        return getParam(key);
    }

    private INDArray sequenceInput() {
        INDArray x = input.castTo(dataType);
        if (x.rank() != 3 || x.size(1) != layerConf().getNIn()) {
            throw new IllegalStateException("WholeSequenceLstm " + layerConf().getLayerName() + " expects input [batch, "
                    + layerConf().getNIn() + ", time], got " + java.util.Arrays.toString(x.shape()));
        }
        return x.ordering() == 'c' ? x : x.dup('c');
    }

    private void refuseMasks() {
        if (maskArray != null) {
            throw new UnsupportedOperationException("WholeSequenceLstm does not support masked sequences");
        }
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
