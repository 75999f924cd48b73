package org.aesweep.engine;

import java.util.Arrays;
import java.util.Collection;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.Deconvolution2D;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A transposed convolution whose kernel equals its stride (2x2 with stride 2, as the conv decoder
 * upsamples), computed as what it is: every input pixel paints its own kernel-sized tile of the
 * output, a matrix product of the pixels' channels with the weights followed by a reordering.
 * libnd4j's deconv2d op spends most of its time in a general col2im the tiling does not need.
 *
 * <p>Same configuration, parameters ({@code b [nOut]}, then {@code W [nIn, nOut, kH, kW]}) and
 * initialisation as DL4J's {@link Deconvolution2D}, and the same results; NCHW, no padding, no
 * dilation.
 */
public class TiledDeconvolution2D extends Deconvolution2D {
    private static final long serialVersionUID = 1L;

    /** For JSON deserialisation. */
    public TiledDeconvolution2D() {
        super();
    }

    private TiledDeconvolution2D(ConvolutionLayer.BaseConvBuilder<?> builder) {
        super(builder);
        int[] kernel = getKernelSize();
        if (!Arrays.equals(kernel, getStride()) || getPadding()[0] != 0 || getPadding()[1] != 0
                || getDilation()[0] != 1 || getDilation()[1] != 1 || getCnn2dDataFormat() != CNN2DFormat.NCHW) {
            throw new IllegalArgumentException("TiledDeconvolution2D needs kernel == stride, no padding, no dilation and"
                    + " NCHW, got kernel " + Arrays.toString(kernel) + ", stride " + Arrays.toString(getStride())
                    + ", padding " + Arrays.toString(getPadding()) + ", dilation " + Arrays.toString(getDilation()));
        }
    }

    @Override
    public Layer instantiate(NeuralNetConfiguration conf, Collection<TrainingListener> listeners, int layerIndex,
                             INDArray layerParamsView, boolean initializeParams, DataType networkDataType) {
        return LayerWiring.wire(new TiledDeconvolution2DLayer(conf, networkDataType), this, conf, listeners, layerIndex,
                layerParamsView, initializeParams);
    }

    @Override
    public TiledDeconvolution2D clone() {
        return (TiledDeconvolution2D) super.clone();
    }

    /** {@code new TiledDeconvolution2D.Builder(2, 2).stride(2, 2).nOut(16).build()}. */
    public static class Builder extends Deconvolution2D.Builder {
        public Builder(int... kernelSize) {
            super(kernelSize);
        }

        @Override
        @SuppressWarnings("unchecked")
        public TiledDeconvolution2D build() {
            return new TiledDeconvolution2D(this);
        }
    }
}
