package org.aesweep.engine;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.api.MaskState;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.BaseOutputLayer;
import org.deeplearning4j.nn.layers.recurrent.RnnOutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.params.DefaultParamInitializer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * DL4J's RnnOutputLayer (the same configuration, parameters and results) computing on time-major
 * rows: a per-step dense layer and its loss do not care in which order the (sample, step) rows
 * come, so the sequence from a {@link WholeSequenceLstm} is taken as its rows without a copy, the
 * labels are put in the same order, and the output and the input gradient go back as views.
 * DL4J's layer reorders input, output, labels and gradient through libnd4j's permuted copies,
 * which took about a tenth of an LSTM autoencoder's training step.
 *
 * <p>{@link #install} puts it in place of a network's RnnOutputLayers (NCW, no masks) right
 * after the network's init; the configuration stays DL4J's, so saved models stay plain DL4J models.
 */
public class TimeMajorRnnOutputLayer extends BaseOutputLayer<org.deeplearning4j.nn.conf.layers.RnnOutputLayer> {

    TimeMajorRnnOutputLayer(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    /**
     * Replaces an initialised network's NCW RnnOutputLayers by this layer on the same parameter and
     * gradient views (a network that has not trained yet wires its gradients when it first does).
     */
    public static void install(MultiLayerNetwork network) {
        Layer[] layers = network.getLayers();
        for (int i = 0; i < layers.length; i++) {
            if (layers[i].getClass() == RnnOutputLayer.class
                    && ((RnnOutputLayer) layers[i]).layerConf().getRnnDataFormat() == RNNFormat.NCW) {
                RnnOutputLayer original = (RnnOutputLayer) layers[i];
                TimeMajorRnnOutputLayer replacement = new TimeMajorRnnOutputLayer(original.conf(),
                        original.getParam(DefaultParamInitializer.WEIGHT_KEY).dataType());
                replacement.setListeners(original.getListeners());
                replacement.setIndex(original.getIndex());
                replacement.setParamsViewArray(original.params());
                replacement.setParamTable(original.paramTable());
                if (original.getGradientsViewArray() != null) {
                    replacement.setBackpropGradientsViewArray(original.getGradientsViewArray());
                }
                layers[i] = replacement;
            }
        }
    }

    @Override
    public Type type() {
        return Type.RECURRENT;
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
        assertSequenceInput();
        applyDropOutIfNecessary(training, workspaceMgr);
        INDArray rows = TimeMajorRows.of(input, dataType, ArrayType.FF_WORKING_MEM, workspaceMgr);
        INDArray weights = getParamWithNoise(DefaultParamInitializer.WEIGHT_KEY, training, workspaceMgr);
        INDArray bias = getParamWithNoise(DefaultParamInitializer.BIAS_KEY, training, workspaceMgr);
        INDArray z = workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, dataType,
                new long[] {rows.rows(), weights.columns()}, 'c');
        Nd4j.gemm(rows, weights, z, false, false, 1.0, 0.0);
        z.addiRowVector(bias);
        INDArray activations = layerConf().getActivationFn().getActivation(z, training);
        return TimeMajorRows.asSequence(activations, input.size(0));
    }

    @Override
    protected INDArray preOutput2d(boolean training, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(false);
        if (input.rank() != 3) {
            // Called from backprop, where the input already is the rows.
            return preOutput(training, workspaceMgr);
        }
        INDArray sequence = input;
        input = TimeMajorRows.of(sequence, dataType, ArrayType.FF_WORKING_MEM, workspaceMgr);
        try {
            return preOutput(training, workspaceMgr);
        } finally {
            input = sequence;
        }
    }

    @Override
    protected INDArray getLabels2d(LayerWorkspaceMgr workspaceMgr, ArrayType arrayType) {
        return labels.rank() == 3 ? TimeMajorRows.of(labels, dataType, arrayType, workspaceMgr) : labels;
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(true);
        assertSequenceInput();
        INDArray sequence = input;
        input = TimeMajorRows.of(sequence, dataType, ArrayType.BP_WORKING_MEM, workspaceMgr);
        Pair<Gradient, INDArray> gradients;
        try {
            gradients = super.backpropGradient(epsilon, workspaceMgr);
        } finally {
            input = sequence;
        }
        weightNoiseParams.clear();
        INDArray inputGradient = TimeMajorRows.asSequence(gradients.getSecond(), sequence.size(0));
        return new Pair<>(gradients.getFirst(), backpropDropOutIfPresent(inputGradient));
    }

    /** Each sequence's loss, summed over its steps, as a column. */
    @Override
    public INDArray computeScoreForExamples(double fullNetRegTerm, LayerWorkspaceMgr workspaceMgr) {
        assertSequenceInput();
        INDArray perRow = layerConf().getLossFn().computeScoreArray(getLabels2d(workspaceMgr, ArrayType.FF_WORKING_MEM),
                preOutput2d(false, workspaceMgr), layerConf().getActivationFn(), null);
        long b = input.size(0);
        INDArray perSequence = perRow.reshape('c', perRow.length() / b, b).sum(0).reshape(b, 1);
        return fullNetRegTerm == 0 ? perSequence : perSequence.addi(fullNetRegTerm);
    }

    @Override
    public void setMaskArray(INDArray maskArray) {
        if (maskArray != null) {
            throw new UnsupportedOperationException("TimeMajorRnnOutputLayer does not support masked sequences");
        }
        this.maskArray = null;
    }

    @Override
    public Pair<INDArray, MaskState> feedForwardMaskArray(INDArray maskArray, MaskState currentMaskState,
                                                          int minibatchSize) {
        setMaskArray(maskArray);
        return null;
    }

    private void assertSequenceInput() {
        if (input == null || input.rank() != 3) {
            throw new IllegalStateException("TimeMajorRnnOutputLayer " + layerId() + " expects input [batch, nIn, time]");
        }
    }
}
