package org.aesweep.model;

import java.util.ArrayList;
import java.util.List;

import org.aesweep.engine.ConvolutionHelpers;
import org.aesweep.engine.ReconstructionLoss;
import org.aesweep.engine.TiledDeconvolution2D;
import org.aesweep.spec.Architecture;
import org.aesweep.spec.RunConfig;
import org.deeplearning4j.nn.conf.CacheMode;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.CnnLossLayer;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.conf.preprocessor.FeedForwardToCnnPreProcessor;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.Activation;

/**
 * The convolutional autoencoder: 3x3 same-padded convolutions (filters from the config's hidden
 * sizes, 16/32/64 by default), each followed by 2x2 max-pooling, then a dense code. The decoder
 * maps the code densely to a quarter-resolution feature map (half as deep as the last encoder
 * convolution: 32 channels by default) and doubles it twice with stride-2 transposed convolutions
 * ({@link TiledDeconvolution2D}) back to one channel at full size, scored against the target
 * image by a CNN loss layer with the config's output activation (with BCE inside the loss,
 * {@link ReconstructionLoss#outputLayerActivation}). (A flattening pre-processor before a plain
 * loss layer gives the right outputs but, in DL4J 1.0.0-M2.1, a wrong training score; the loss
 * layer for feature maps does not.) The convolutions run through libnd4j's conv2d ops
 * ({@link ConvolutionHelpers}).
 */
final class ConvAutoencoder {
    /** The encoder's convolutions: KERNEL x KERNEL, same-padded, stride 1, so they keep the map's sides. */
    private static final int KERNEL = 3;
    /** Each convolution's max-pooling: POOL x POOL at stride POOL. */
    private static final int POOL = 2;
    /** The decoder's transposed convolutions: UPSAMPLE x UPSAMPLE kernels at stride UPSAMPLE. */
    private static final int UPSAMPLE = 2;
    /** The decoder's map starts at 1/SCALE of the image's sides; its two transposed convolutions restore them. */
    private static final int SCALE = UPSAMPLE * UPSAMPLE;
    /**
     * DL4J's forward cache: with it a convolution layer keeps its training pre-activations for
     * backprop, which its conv2d helper then uses; without it backprop convolved the input again.
     */
    static final CacheMode FORWARD_CACHE = CacheMode.DEVICE;

    private ConvAutoencoder() {
    }

    static Autoencoder build(RunConfig config, int rows, int cols, NeuralNetConfiguration.Builder common) {
        requireFit(config.architecture(), rows, cols);
        Activation activation = ActivationNames.parse(config.architecture().activation());
        List<Integer> filters = config.architecture().hiddenSizes();
        NeuralNetConfiguration.ListBuilder layers = common.list();
        int index = 0;
        for (int channels : filters) {
            layers.layer(index++, new ConvolutionLayer.Builder(KERNEL, KERNEL).nOut(channels)
                    .convolutionMode(ConvolutionMode.Same).activation(activation).build());
            layers.layer(index++, new SubsamplingLayer.Builder(PoolingType.MAX).kernelSize(POOL, POOL)
                    .stride(POOL, POOL).build());
        }
        int codeLayerIndex = index;
        layers.layer(index++, new DenseLayer.Builder().nOut(config.architecture().codeSize()).activation(activation).build());

        int[] decoderChannels = decoderChannels(filters);
        int smallRows = rows / SCALE;
        int smallCols = cols / SCALE;
        layers.layer(index++, new DenseLayer.Builder().nOut(smallRows * smallCols * decoderChannels[0])
                .activation(activation).build());
        layers.inputPreProcessor(index, new FeedForwardToCnnPreProcessor(smallRows, smallCols, decoderChannels[0]));
        layers.layer(index++, new TiledDeconvolution2D.Builder(UPSAMPLE, UPSAMPLE).stride(UPSAMPLE, UPSAMPLE)
                .nOut(decoderChannels[1]).activation(activation).build());
        layers.layer(index++, new TiledDeconvolution2D.Builder(UPSAMPLE, UPSAMPLE).stride(UPSAMPLE, UPSAMPLE)
                .nOut(decoderChannels[2]).activation(Activation.IDENTITY).build());
        ReconstructionLoss loss = Losses.of(config.recipe().loss());
        layers.layer(index, new CnnLossLayer.Builder(loss.dl4jLoss())
                .activation(loss.outputLayerActivation(ActivationNames.of(config.architecture().outputActivation())))
                .build());
        layers.setInputType(InputType.convolutionalFlat(rows, cols, 1));
        MultiLayerConfiguration configuration = layers.build();
        configuration.setCacheMode(FORWARD_CACHE);

        MultiLayerNetwork network = new MultiLayerNetwork(configuration);
        network.init();
        // The configuration's mode opens the cache's workspace; each layer's decides whether it caches.
        network.setCacheMode(FORWARD_CACHE);
        ConvolutionHelpers.install(network);
        // The CNN loss layer scores every pixel as an example of one channel, summed per image.
        return new Autoencoder(network, codeLayerIndex, InputLayout.FLAT, InputLayout.IMAGE, rows, cols,
                loss.perElementFactor(1) / (rows * cols));
    }

    /**
     * The layers {@link #build} lays out, as shapes: each convolution at every pixel of its map, a
     * transposed convolution at every pixel of its input map.
     */
    static List<LayerShape> layerShapes(Architecture architecture, int rows, int cols) {
        requireFit(architecture, rows, cols);
        List<LayerShape> shapes = new ArrayList<>();
        long height = rows;
        long width = cols;
        long channels = 1;
        for (int filters : architecture.hiddenSizes()) {
            shapes.add(LayerShape.convolution(KERNEL, KERNEL, channels, filters).appliedAt(height * width));
            shapes.add(LayerShape.PARAMETERLESS);
            height = pooled(height);
            width = pooled(width);
            channels = filters;
        }
        shapes.add(LayerShape.dense(height * width * channels, architecture.codeSize()));

        int[] decoderChannels = decoderChannels(architecture.hiddenSizes());
        height = rows / SCALE;
        width = cols / SCALE;
        shapes.add(LayerShape.dense(architecture.codeSize(), height * width * decoderChannels[0]));
        for (int i = 1; i < decoderChannels.length; i++) {
            shapes.add(LayerShape.convolution(UPSAMPLE, UPSAMPLE, decoderChannels[i - 1], decoderChannels[i])
                    .appliedAt(height * width));
            height *= UPSAMPLE;
            width *= UPSAMPLE;
        }
        shapes.add(LayerShape.PARAMETERLESS);
        return shapes;
    }

    /**
     * The decoder's channels: its first map's (half as deep as the last encoder convolution, at
     * least 2), then after each transposed convolution, down to the one channel of the image.
     */
    private static int[] decoderChannels(List<Integer> filters) {
        int first = Math.max(2, filters.get(filters.size() - 1) / 2);
        return new int[] {first, first / 2, 1};
    }

    /**
     * A side after max-pooling, as DL4J's default (truncate) mode sizes it: {@code (side - POOL) /
     * POOL + 1} in integer arithmetic, so an odd side loses its last pixel and a 1-pixel side stays 1.
     */
    private static long pooled(long side) {
        return (side - POOL) / POOL + 1;
    }

    /** The decoder rebuilds the image from a map of 1/SCALE its sides, so the sides must divide by SCALE. */
    private static void requireFit(Architecture architecture, int rows, int cols) {
        if (architecture.hiddenSizes().isEmpty()) {
            throw new IllegalArgumentException(
                    "conv needs at least one convolution (its hidden sizes are the filter counts)");
        }
        if (rows % SCALE != 0 || cols % SCALE != 0) {
            throw new IllegalArgumentException("conv needs image sides divisible by " + SCALE + ", got " + rows + "x" + cols);
        }
    }
}
