package org.aesweep.engine;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.deeplearning4j.nn.api.ParamInitializer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.params.DefaultParamInitializer;
import org.deeplearning4j.nn.weights.IWeightInit;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Parameters of a {@link FusedDenseLayer} as views of DL4J's flat parameter (and gradient)
 * vector, so the updater treats all K branches as one block.
 *
 * <p>Layout, with K branches of {@code nIn -> nOut}: first {@code W}, K*nIn*nOut values, viewed as
 * an f-order {@code [nIn, K*nOut]} matrix whose column block k is branch k's f-order
 * {@code [nIn, nOut]} weight matrix (so branch k's weights are the contiguous flat segment
 * {@code [k*nIn*nOut, (k+1)*nIn*nOut)}, laid out exactly like a solo DenseLayer's {@code W});
 * then {@code b}, K*nOut values, a vector whose segment k is branch k's bias. The keys are DL4J's
 * usual "W" and "b".
 */
public final class FusedDenseParamInitializer implements ParamInitializer {
    public static final String WEIGHT_KEY = DefaultParamInitializer.WEIGHT_KEY;
    public static final String BIAS_KEY = DefaultParamInitializer.BIAS_KEY;

    private static final FusedDenseParamInitializer INSTANCE = new FusedDenseParamInitializer();

    private FusedDenseParamInitializer() {
    }

    public static FusedDenseParamInitializer getInstance() {
        return INSTANCE;
    }

    private static FusedDenseLayer fused(Layer layer) {
        if (!(layer instanceof FusedDenseLayer g)) {
            throw new IllegalArgumentException("Not a FusedDenseLayer: " + layer);
        }
        return g;
    }

    @Override
    public long numParams(NeuralNetConfiguration conf) {
        return numParams(conf.getLayer());
    }

    @Override
    public long numParams(Layer layer) {
        FusedDenseLayer g = fused(layer);
        return g.getNIn() * g.branchOut() + g.getNOut();
    }

    @Override
    public List<String> paramKeys(Layer layer) {
        return Arrays.asList(WEIGHT_KEY, BIAS_KEY);
    }

    @Override
    public List<String> weightKeys(Layer layer) {
        return Collections.singletonList(WEIGHT_KEY);
    }

    @Override
    public List<String> biasKeys(Layer layer) {
        return Collections.singletonList(BIAS_KEY);
    }

    @Override
    public boolean isWeightParam(Layer layer, String key) {
        return WEIGHT_KEY.equals(key);
    }

    @Override
    public boolean isBiasParam(Layer layer, String key) {
        return BIAS_KEY.equals(key);
    }

    @Override
    public Map<String, INDArray> init(NeuralNetConfiguration conf, INDArray paramsView, boolean initializeParams) {
        FusedDenseLayer g = fused(conf.getLayer());
        Map<String, INDArray> views = split(g, paramsView);
        if (initializeParams) {
            INDArray flat = paramsView.reshape(paramsView.length());
            long nIn = g.branchIn();
            long nOut = g.branchOut();
            long size = nIn * nOut;
            IWeightInit init = g.getWeightInitFn();
            for (int k = 0; k < g.getBranches(); k++) {
                // Each branch on its own, with a solo dense layer's fan-in and fan-out; its flat
                // segment is its block of the W view.
                init.init(nIn, nOut, new long[] {nIn, nOut}, 'f', flat.get(NDArrayIndex.interval(k * size, (k + 1) * size)));
            }
            views.get(BIAS_KEY).assign(g.getBiasInit());
        }
        conf.addVariable(WEIGHT_KEY);
        conf.addVariable(BIAS_KEY);
        return Collections.synchronizedMap(views);
    }

    @Override
    public Map<String, INDArray> getGradientsFromFlattened(NeuralNetConfiguration conf, INDArray gradientView) {
        return split(fused(conf.getLayer()), gradientView);
    }

    /** The "W" ([nIn, K*nOut], f-order) and "b" ([K*nOut]) views of a layer's flat vector. */
    private Map<String, INDArray> split(FusedDenseLayer g, INDArray flatView) {
        long expected = numParams(g);
        if (flatView.length() != expected) {
            throw new IllegalStateException("Expected a parameter view of length " + expected + ", got "
                    + flatView.length());
        }
        INDArray flat = flatView.reshape(flatView.length());
        long weightCount = g.getNIn() * g.branchOut();
        Map<String, INDArray> views = new LinkedHashMap<>();
        views.put(WEIGHT_KEY, flat.get(NDArrayIndex.interval(0, weightCount)).reshape('f', new long[] {g.branchIn(), g.getNOut()}));
        views.put(BIAS_KEY, flat.get(NDArrayIndex.interval(weightCount, expected)));
        return views;
    }
}
