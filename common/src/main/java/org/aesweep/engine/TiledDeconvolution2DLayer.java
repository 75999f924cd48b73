package org.aesweep.engine;

import org.aesweep.engine.kernels.FlatFloats;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.convolution.Deconvolution2DLayer;
import org.deeplearning4j.nn.params.DeconvolutionParamInitializer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastAddOp;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A {@link TiledDeconvolution2D} at work. With input x [n, c, h, w], kernel k x k and nOut o:
 * the pixels as rows, {@code P [n*h*w, c]}, times the weights as {@code [c, o*k*k]} give each pixel's
 * tile; reordered to [n, o, h*k, w*k] and offset by the bias, that is the pre-activation. Backprop
 * reverses the reordering of the output gradient and takes two matrix products. The reorderings run
 * as JVM loops ({@link TileReorder}) where the arrays are host floats, and as libnd4j's permuted
 * copies otherwise (double precision, the CUDA backend).
 */
public class TiledDeconvolution2DLayer extends Deconvolution2DLayer {
    public TiledDeconvolution2DLayer(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    /** The pre-activation and the pixel rows it was computed from. */
    private record Tiles(INDArray preActivation, INDArray pixelRows) {
    }

    /** Input x [n, channels, h, w], kernel and stride k, out output channels. */
    private record Geometry(long n, long channels, long h, long w, long k, long out) {
        long pixels() {
            return n * h * w;
        }

        long tileWidth() {
            return out * k * k;
        }
    }

    @Override
    protected Pair<INDArray, INDArray> preOutput(boolean training, boolean forBackprop, LayerWorkspaceMgr workspaceMgr) {
        return new Pair<>(tiles(training, ArrayType.ACTIVATIONS, workspaceMgr).preActivation(), null);
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(false);
        applyDropOutIfNecessary(training, workspaceMgr);
        INDArray z = tiles(training, ArrayType.ACTIVATIONS, workspaceMgr).preActivation();
        return layerConf().getActivationFn().getActivation(z, training);
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(true);
        // Recomputed rather than kept from the forward pass, as DL4J's layer does: one product and two copies.
        Tiles tiles = tiles(true, ArrayType.BP_WORKING_MEM, workspaceMgr);
        INDArray delta = layerConf().getActivationFn().backprop(tiles.preActivation(), epsilon).getFirst();
        if (delta.ordering() != 'c' || delta.isView()) {
            delta = delta.dup('c');
        }
        Geometry d = geometry();

        INDArray biasGradient = gradientViews.get(DeconvolutionParamInitializer.BIAS_KEY);
        delta.sum(biasGradient.reshape(d.out()), 0, 2, 3);
        INDArray tileGradient = Nd4j.createUninitialized(dataType, new long[] {d.pixels(), d.tileWidth()}, 'c');
        if (FlatFloats.isFlat(delta) && FlatFloats.isFlat(tileGradient)) {
            TileReorder.toTiles(FlatFloats.bytes(delta), FlatFloats.bytes(tileGradient), d.n(), d.h(), d.w(), d.out(),
                    d.k());
        } else {
            tileGradient.assign(delta.reshape('c', d.n(), d.out(), d.h(), d.k(), d.w(), d.k())
                    .permute(0, 2, 4, 1, 3, 5).reshape('c', d.pixels(), d.tileWidth()));
        }
        INDArray weightGradient = gradientViews.get(DeconvolutionParamInitializer.WEIGHT_KEY);
        Nd4j.gemm(tiles.pixelRows(), tileGradient, weightGradient.reshape('c', d.channels(), d.tileWidth()), true,
                false, 1.0, 0.0);
        // Nd4j.gemm into a c-order result: INDArray.mmul goes through libnd4j's matmul op, several
        // times slower for these tall, narrow products.
        INDArray rowGradient = Nd4j.createUninitialized(dataType, new long[] {d.pixels(), d.channels()}, 'c');
        Nd4j.gemm(tileGradient, weightMatrix(true, workspaceMgr), rowGradient, false, true, 1.0, 0.0);
        INDArray inputGradient = workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD, dataType, input.shape(), 'c');
        inputGradient.assign(rowGradient.reshape('c', d.n(), d.h(), d.w(), d.channels()).permute(0, 3, 1, 2));

        Gradient gradient = new DefaultGradient(gradientsFlattened);
        gradient.gradientForVariable().put(DeconvolutionParamInitializer.BIAS_KEY, biasGradient);
        gradient.gradientForVariable().put(DeconvolutionParamInitializer.WEIGHT_KEY, weightGradient);
        weightNoiseParams.clear();
        return new Pair<>(gradient, backpropDropOutIfPresent(inputGradient));
    }

    private Tiles tiles(boolean training, ArrayType arrayType, LayerWorkspaceMgr workspaceMgr) {
        INDArray x = input.castTo(dataType);
        if (x.rank() != 4 || x.size(1) != layerConf().getNIn()) {
            throw new IllegalStateException("TiledDeconvolution2D " + layerConf().getLayerName() + " expects NCHW input with "
                    + layerConf().getNIn() + " channels, got " + java.util.Arrays.toString(x.shape()));
        }
        Geometry d = geometry();
        INDArray pixelRows = x.permute(0, 2, 3, 1).dup('c').reshape('c', d.pixels(), d.channels());
        INDArray tileValues = Nd4j.createUninitialized(dataType, new long[] {d.pixels(), d.tileWidth()}, 'c');
        Nd4j.gemm(pixelRows, weightMatrix(training, workspaceMgr), tileValues, false, false, 1.0, 0.0);
        INDArray z = workspaceMgr.createUninitialized(arrayType, dataType,
                new long[] {d.n(), d.out(), d.h() * d.k(), d.w() * d.k()}, 'c');
        INDArray bias = getParamWithNoise(DeconvolutionParamInitializer.BIAS_KEY, training, workspaceMgr).reshape(d.out());
        if (FlatFloats.isFlat(tileValues) && FlatFloats.isFlat(z) && FlatFloats.isFlat(bias)) {
            TileReorder.toImage(FlatFloats.bytes(tileValues), FlatFloats.bytes(bias).asFloatBuffer(), FlatFloats.bytes(z),
                    d.n(), d.h(), d.w(), d.out(), d.k());
        } else {
            z.reshape('c', d.n(), d.out(), d.h(), d.k(), d.w(), d.k()).assign(
                    tileValues.reshape('c', d.n(), d.h(), d.w(), d.out(), d.k(), d.k()).permute(0, 3, 1, 4, 2, 5));
            Nd4j.getExecutioner().exec(new BroadcastAddOp(z, bias, z, 1));
        }
        return new Tiles(z, pixelRows);
    }

    /** The weights [nIn, nOut, k, k] as the matrix [nIn, nOut*k*k] (a view: they are stored row-major). */
    private INDArray weightMatrix(boolean training, LayerWorkspaceMgr workspaceMgr) {
        INDArray weights = getParamWithNoise(DeconvolutionParamInitializer.WEIGHT_KEY, training, workspaceMgr);
        return weights.reshape('c', weights.size(0), weights.size(1) * weights.size(2) * weights.size(3));
    }

    private Geometry geometry() {
        return new Geometry(input.size(0), input.size(1), input.size(2), input.size(3), layerConf().getKernelSize()[0],
                layerConf().getNOut());
    }
}
