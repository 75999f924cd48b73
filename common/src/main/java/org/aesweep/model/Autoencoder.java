package org.aesweep.model;

import java.util.List;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A trainable autoencoder whose middle layer is the code: the network plus the index of the layer
 * whose activations are the latent code, so codes can be read without a second network.
 */
public final class Autoencoder {
    private final MultiLayerNetwork network;
    private final int codeLayerIndex;

    Autoencoder(MultiLayerNetwork network, int codeLayerIndex) {
        this.network = network;
        this.codeLayerIndex = codeLayerIndex;
    }

    public MultiLayerNetwork network() {
        return network;
    }

    public int codeLayerIndex() {
        return codeLayerIndex;
    }

    public long parameterCount() {
        return network.numParams();
    }

    /** The code layer's activations for {@code inputs} (rows are samples), in inference mode. */
    public INDArray encode(INDArray inputs) {
        List<INDArray> activations = network.feedForwardToLayer(codeLayerIndex, inputs, false);
        // Index 0 is the input itself, so layer i's activations sit at i + 1.
        return activations.get(codeLayerIndex + 1);
    }
}
