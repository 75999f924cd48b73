package org.aesweep.engine;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.deeplearning4j.nn.api.ParamInitializer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.weights.IWeightInit;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The parameters of a {@link WholeSequenceLstm}, laid out in the flat vector as W, RW, b, each
 * row-major, so that each is one matrix for the layer's products.
 */
final class WholeSequenceLstmParams implements ParamInitializer {
    static final String INPUT_WEIGHTS = "W";
    static final String RECURRENT_WEIGHTS = "RW";
    static final String BIAS = "b";
    static final WholeSequenceLstmParams INSTANCE = new WholeSequenceLstmParams();

    private WholeSequenceLstmParams() {
    }

    @Override
    public long numParams(NeuralNetConfiguration conf) {
        return numParams(conf.getLayer());
    }

    @Override
    public long numParams(Layer layer) {
        WholeSequenceLstm lstm = (WholeSequenceLstm) layer;
        long nIn = lstm.getNIn();
        long nOut = lstm.getNOut();
        return nIn * 4 * nOut + nOut * 4 * nOut + 4 * nOut;
    }

    @Override
    public List<String> paramKeys(Layer layer) {
        return List.of(INPUT_WEIGHTS, RECURRENT_WEIGHTS, BIAS);
    }

    @Override
    public List<String> weightKeys(Layer layer) {
        return List.of(INPUT_WEIGHTS, RECURRENT_WEIGHTS);
    }

    @Override
    public List<String> biasKeys(Layer layer) {
        return List.of(BIAS);
    }

    @Override
    public boolean isWeightParam(Layer layer, String key) {
        return INPUT_WEIGHTS.equals(key) || RECURRENT_WEIGHTS.equals(key);
    }

    @Override
    public boolean isBiasParam(Layer layer, String key) {
        return BIAS.equals(key);
    }

    @Override
    public Map<String, INDArray> init(NeuralNetConfiguration conf, INDArray paramsView, boolean initializeParams) {
        WholeSequenceLstm lstm = (WholeSequenceLstm) conf.getLayer();
        Map<String, INDArray> views = split(lstm, paramsView);
        if (initializeParams) {
            long nIn = lstm.getNIn();
            long nOut = lstm.getNOut();
            IWeightInit recurrent = lstm.getWeightInitFnRecurrent() != null
                    ? lstm.getWeightInitFnRecurrent() : lstm.getWeightInitFn();
            // DL4J's LSTM draws both matrices with fan-in nOut and fan-out nIn + nOut.
            lstm.getWeightInitFn().init(nOut, nIn + nOut, new long[] {nIn, 4 * nOut}, 'c', views.get(INPUT_WEIGHTS));
            recurrent.init(nOut, nIn + nOut, new long[] {nOut, 4 * nOut}, 'c', views.get(RECURRENT_WEIGHTS));
            INDArray bias = views.get(BIAS);
            bias.assign(0);
            bias.get(NDArrayIndex.interval(nOut, 2 * nOut)).assign(WholeSequenceLstm.FORGET_GATE_BIAS);
        }
        for (String key : views.keySet()) {
            conf.addVariable(key);
        }
        return Collections.synchronizedMap(views);
    }

    @Override
    public Map<String, INDArray> getGradientsFromFlattened(NeuralNetConfiguration conf, INDArray gradientView) {
        return split((WholeSequenceLstm) conf.getLayer(), gradientView);
    }

    private Map<String, INDArray> split(WholeSequenceLstm lstm, INDArray flatView) {
        long expected = numParams(lstm);
        if (flatView.length() != expected) {
            throw new IllegalStateException("Expected a parameter view of length " + expected + ", got " + flatView.length());
        }
        INDArray flat = flatView.reshape(flatView.length());
        long nIn = lstm.getNIn();
        long nOut = lstm.getNOut();
        long inputEnd = nIn * 4 * nOut;
        long recurrentEnd = inputEnd + nOut * 4 * nOut;
        Map<String, INDArray> views = new LinkedHashMap<>();
        views.put(INPUT_WEIGHTS, flat.get(NDArrayIndex.interval(0, inputEnd)).reshape('c', nIn, 4 * nOut));
        views.put(RECURRENT_WEIGHTS, flat.get(NDArrayIndex.interval(inputEnd, recurrentEnd)).reshape('c', nOut, 4 * nOut));
        views.put(BIAS, flat.get(NDArrayIndex.interval(recurrentEnd, expected)));
        return views;
    }
}
