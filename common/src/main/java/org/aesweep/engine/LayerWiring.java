package org.aesweep.engine;

import java.util.Collection;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What a layer configuration's {@code instantiate} does to the layer it creates, for aesweep's own
 * layer types: listeners, index, parameter view and table (filled by the configuration's
 * initializer), and the configuration.
 */
public final class LayerWiring {
    private LayerWiring() {
    }

    public static Layer wire(Layer layer, org.deeplearning4j.nn.conf.layers.Layer layerConf, NeuralNetConfiguration conf,
                      Collection<TrainingListener> listeners, int layerIndex, INDArray layerParamsView,
                      boolean initializeParams) {
        layer.setListeners(listeners);
        layer.setIndex(layerIndex);
        layer.setParamsViewArray(layerParamsView);
        layer.setParamTable(layerConf.initializer().init(conf, layerParamsView, initializeParams));
        layer.setConf(conf);
        return layer;
    }
}
