package org.aesweep.engine;

import java.lang.reflect.Field;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.layers.convolution.ConvolutionLayer;
import org.deeplearning4j.nn.layers.mkldnn.MKLDNNConvHelper;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Routes a network's 2D convolutions through libnd4j's conv2d ops on the CPU backend.
 *
 * <p>Without a helper, DL4J 1.0.0-M2.1 convolves by an im2col copy and a matrix product driven from
 * Java, the slowest part of a conv run by far. DL4J's own {@link MKLDNNConvHelper} calls the conv2d
 * and conv2d_bp ops instead (oneDNN's kernels in the onednn build of libnd4j), but DL4J never
 * installs it: its availability check asks libnd4j for a method that release no longer has. This
 * installs it where that check would have. The helper declines inputs other than float (gradient
 * checks in double), and DL4J then takes its own path for that call.
 */
public final class ConvolutionHelpers {
    private static final Field HELPER = helperField();

    private ConvolutionHelpers() {
    }

    /** Gives every plain convolution layer of a float network on the CPU backend the conv2d helper. */
    public static void install(MultiLayerNetwork network) {
        if (!Nd4j.getEnvironment().isCPU()) {
            return;
        }
        for (Layer layer : network.getLayers()) {
            // Subclasses (Deconvolution2DLayer and others) compute other ops: leave them alone.
            if (layer.getClass() == ConvolutionLayer.class) {
                setHelper(layer, new MKLDNNConvHelper(DataType.FLOAT));
            }
        }
    }

    /** Whether a layer convolves through the conv2d helper. */
    public static boolean installed(Layer layer) {
        try {
            return HELPER.get(layer) instanceof MKLDNNConvHelper;
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void setHelper(Layer layer, MKLDNNConvHelper helper) {
        try {
            HELPER.set(layer, helper);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Field helperField() {
        try {
            Field field = ConvolutionLayer.class.getDeclaredField("helper");
            field.setAccessible(true);
            return field;
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException("DL4J's ConvolutionLayer has no helper field: check the DL4J version", e);
        }
    }
}
