package org.aesweep.engine;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

import org.deeplearning4j.nn.api.FwdPassType;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The inference-mode output of any layer of a network, computed the way
 * {@link MultiLayerNetwork#output(INDArray, boolean)} computes the last layer's: every layer before
 * it works in DL4J's reused workspaces and only the returned array is allocated afresh.
 *
 * <p>DL4J's public way to stop at an inner layer, {@code feedForwardToLayer}, detaches every
 * layer's activations and working memory, so each call allocates and page-faults all of them; for a
 * convolutional encoder that made encoding a chunk of images cost about three times a forward
 * pass through the whole network. The method DL4J's own {@code output} calls takes the layer to stop
 * at, but is protected, so it is called here by reflection: a DL4J upgrade that renames it fails
 * the first call (and the tests), not silently.
 */
public final class LayerInference {
    private static final Method OUTPUT_OF_LAYER = outputOfLayerMethod();

    private LayerInference() {
    }

    /** The activations of layer {@code layer} (0-based) for {@code input}, detached from every workspace. */
    public static INDArray outputOf(MultiLayerNetwork network, int layer, INDArray input) {
        try {
            return (INDArray) OUTPUT_OF_LAYER.invoke(network, false, FwdPassType.STANDARD, layer, input, null, null,
                    null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("DL4J's outputOfLayerDetached could not be called", e);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private static Method outputOfLayerMethod() {
        try {
            Method method = MultiLayerNetwork.class.getDeclaredMethod("outputOfLayerDetached", boolean.class,
                    FwdPassType.class, int.class, INDArray.class, INDArray.class, INDArray.class,
                    MemoryWorkspace.class);
            method.setAccessible(true);
            return method;
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("this DL4J has no MultiLayerNetwork.outputOfLayerDetached", e);
        }
    }
}
