package org.aesweep.model;

import java.util.ArrayList;
import java.util.List;

import org.aesweep.engine.ConvolutionHelpers;
import org.aesweep.engine.ReconstructionLoss;
import org.aesweep.engine.TiledDeconvolution2D;
import org.aesweep.spec.Architecture;
import org.aesweep.spec.CodeLayout;
import org.aesweep.spec.RunConfig;
import org.deeplearning4j.nn.conf.CacheMode;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.CnnLossLayer;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.Deconvolution2D;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.conf.preprocessor.FeedForwardToCnnPreProcessor;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.Activation;

/**
 * The convolutional autoencoders: 3x3 same-padded convolutions (filters from the config's hidden
 * sizes), each followed by 2x2 max-pooling, then the code, which is either of two layouts.
 * <ul>
 *   <li>A dense code (16/32/64 filters by default): a dense layer of code-size units. The decoder
 *       maps the code densely to a quarter-resolution feature map (half as deep as the last
 *       encoder convolution: 32 channels by default) and doubles it twice with 2x2 stride-2
 *       transposed convolutions ({@link TiledDeconvolution2D}) back to one channel at full size.
 *   <li>A map code (16/32 by default, Géron's Fashion-MNIST net): one more convolution and pooling,
 *       whose pooled map is the code ({@link ConvMapCode}: 28x28 images pool to 3x3, so a code of
 *       576 is 64 channels). The decoder retraces every pooling with a 3x3 stride-2 transposed
 *       convolution (DL4J's {@link Deconvolution2D}), through the decoder's filters (the hidden
 *       ones reversed by default) down to one channel.
 * </ul>
 * Hidden, code and decoder layers use the config's activation; the last transposed convolution is
 * linear and the CNN loss layer that scores the image applies the config's output activation (with
 * BCE inside the loss, {@link ReconstructionLoss#outputLayerActivation}). (A flattening
 * pre-processor before a plain loss layer gives the right outputs but, in DL4J 1.0.0-M2.1, a wrong
 * training score; the loss layer for feature maps does not.) The convolutions run through
 * libnd4j's conv2d ops ({@link ConvolutionHelpers}).
 */
final class ConvAutoencoder {
    /** The convolutions' kernels, KERNEL x KERNEL; the encoder's are same-padded at stride 1, so they keep the sides. */
    private static final int KERNEL = 3;
    /** Each convolution's max-pooling: POOL x POOL at stride POOL. */
    private static final int POOL = 2;
    /** The transposed convolutions' stride; a dense code's decoder also uses it as their kernel. */
    private static final int UPSAMPLE = 2;
    /** A dense code's decoder starts at 1/SCALE of the image's sides; its two transposed convolutions restore them. */
    private static final int SCALE = UPSAMPLE * UPSAMPLE;
    /**
     * DL4J's forward cache: with it a convolution layer keeps its training pre-activations for
     * backprop, which its conv2d helper then uses; without it backprop convolved the input again.
     */
    static final CacheMode FORWARD_CACHE = CacheMode.DEVICE;

    private ConvAutoencoder() {
    }

    /** Where the network holds its code: the layer's index, and the shape of its activations. */
    private record Code(int layerIndex, CodeShape shape) {
    }

    static Autoencoder build(RunConfig config, int rows, int cols, NeuralNetConfiguration.Builder common) {
        Architecture architecture = config.architecture();
        Activation activation = ActivationNames.parse(architecture.activation());
        NeuralNetConfiguration.ListBuilder layers = common.list();
        Code code = architecture.codeLayout() == CodeLayout.MAP
                ? addMapCodeNetwork(layers, architecture, rows, cols, activation)
                : addDenseCodeNetwork(layers, architecture, rows, cols, activation);
        ReconstructionLoss loss = Losses.of(config.recipe().loss());
        layers.layer(new CnnLossLayer.Builder(loss.dl4jLoss())
                .activation(loss.outputLayerActivation(ActivationNames.of(architecture.outputActivation()))).build());
        layers.setInputType(InputType.convolutionalFlat(rows, cols, 1));
        MultiLayerConfiguration configuration = layers.build();
        configuration.setCacheMode(FORWARD_CACHE);

        MultiLayerNetwork network = new MultiLayerNetwork(configuration);
        network.init();
        // The configuration's mode opens the cache's workspace; each layer's decides whether it caches.
        network.setCacheMode(FORWARD_CACHE);
        ConvolutionHelpers.install(network);
        // The CNN loss layer scores every pixel as an example of one channel, summed per image.
        return new Autoencoder(network, code.layerIndex(), code.shape(), InputLayout.FLAT, InputLayout.IMAGE, rows,
                cols, 1.0 / ScoreScale.elementsPerScore(config, rows, cols));
    }

    /** Encoder, dense code and decoder up to the last transposed convolution. */
    private static Code addDenseCodeNetwork(NeuralNetConfiguration.ListBuilder layers, Architecture architecture,
                                            int rows, int cols, Activation activation) {
        requireDenseCodeFit(architecture, rows, cols);
        int index = addEncoder(layers, architecture.hiddenSizes(), activation);
        int codeLayerIndex = index;
        layers.layer(index++, new DenseLayer.Builder().nOut(architecture.codeSize()).activation(activation).build());

        int[] decoderChannels = decoderChannels(architecture.hiddenSizes());
        int smallRows = rows / SCALE;
        int smallCols = cols / SCALE;
        layers.layer(index++, new DenseLayer.Builder().nOut(smallRows * smallCols * decoderChannels[0])
                .activation(activation).build());
        layers.inputPreProcessor(index, new FeedForwardToCnnPreProcessor(smallRows, smallCols, decoderChannels[0]));
        layers.layer(index++, new TiledDeconvolution2D.Builder(UPSAMPLE, UPSAMPLE).stride(UPSAMPLE, UPSAMPLE)
                .nOut(decoderChannels[1]).activation(activation).build());
        layers.layer(index, new TiledDeconvolution2D.Builder(UPSAMPLE, UPSAMPLE).stride(UPSAMPLE, UPSAMPLE)
                .nOut(decoderChannels[2]).activation(Activation.IDENTITY).build());
        return new Code(codeLayerIndex, CodeShape.VECTOR);
    }

    /** Encoder, code convolution and pooling (the code), and the transposed convolutions that retrace the poolings. */
    private static Code addMapCodeNetwork(NeuralNetConfiguration.ListBuilder layers, Architecture architecture,
                                          int rows, int cols, Activation activation) {
        ConvMapCode map = ConvMapCode.of(architecture, rows, cols);
        List<Integer> filters = new ArrayList<>(architecture.hiddenSizes());
        filters.add(map.codeChannels());
        int index = addEncoder(layers, filters, activation);
        int codeLayerIndex = index - 1;
        int[] decoderFilters = mapDecoderFilters(architecture);
        for (int level = map.poolings() - 1; level >= 0; level--) {
            layers.layer(index++, new Deconvolution2D.Builder(KERNEL, KERNEL).stride(UPSAMPLE, UPSAMPLE)
                    .convolutionMode(map.upsamplingTo(level)).nOut(decoderFilters[level])
                    .activation(level == 0 ? Activation.IDENTITY : activation).build());
        }
        return new Code(codeLayerIndex, map.codeShape());
    }

    /** A same-padded convolution and a max-pooling per filter count; returns the number of layers added. */
    private static int addEncoder(NeuralNetConfiguration.ListBuilder layers, List<Integer> filters,
                                  Activation activation) {
        int index = 0;
        for (int channels : filters) {
            layers.layer(index++, new ConvolutionLayer.Builder(KERNEL, KERNEL).nOut(channels)
                    .convolutionMode(ConvolutionMode.Same).activation(activation).build());
            layers.layer(index++, new SubsamplingLayer.Builder(PoolingType.MAX).kernelSize(POOL, POOL)
                    .stride(POOL, POOL).build());
        }
        return index;
    }

    /**
     * The layers {@link #build} lays out, as shapes: each convolution at every pixel of its map, a
     * transposed convolution at every pixel of its input map.
     */
    static List<LayerShape> layerShapes(Architecture architecture, int rows, int cols) {
        return architecture.codeLayout() == CodeLayout.MAP
                ? mapCodeShapes(architecture, rows, cols)
                : denseCodeShapes(architecture, rows, cols);
    }

    private static List<LayerShape> denseCodeShapes(Architecture architecture, int rows, int cols) {
        requireDenseCodeFit(architecture, rows, cols);
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

    private static List<LayerShape> mapCodeShapes(Architecture architecture, int rows, int cols) {
        ConvMapCode map = ConvMapCode.of(architecture, rows, cols);
        List<LayerShape> shapes = new ArrayList<>();
        long channels = 1;
        for (int level = 0; level < map.poolings(); level++) {
            int filters = level < architecture.hiddenSizes().size() ? architecture.hiddenSizes().get(level)
                    : map.codeChannels();
            shapes.add(LayerShape.convolution(KERNEL, KERNEL, channels, filters).appliedAt(map.pixelsAt(level)));
            shapes.add(LayerShape.PARAMETERLESS);
            channels = filters;
        }
        int[] decoderFilters = mapDecoderFilters(architecture);
        for (int level = map.poolings() - 1; level >= 0; level--) {
            shapes.add(LayerShape.convolution(KERNEL, KERNEL, channels, decoderFilters[level])
                    .appliedAt(map.pixelsAt(level + 1)));
            channels = decoderFilters[level];
        }
        shapes.add(LayerShape.PARAMETERLESS);
        return shapes;
    }

    /**
     * A map code's transposed convolutions' filters by the level whose sides each restores: the
     * image's one channel at level 0, the decoder's filters in order from the code map outwards.
     */
    private static int[] mapDecoderFilters(Architecture architecture) {
        List<Integer> decoder = architecture.decoderSizes();
        int[] filters = new int[decoder.size() + 1];
        filters[0] = 1;
        for (int i = 0; i < decoder.size(); i++) {
            filters[decoder.size() - i] = decoder.get(i);
        }
        return filters;
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
    static long pooled(long side) {
        return (side - POOL) / POOL + 1;
    }

    /** A dense code's decoder rebuilds the image from a map of 1/SCALE its sides, so the sides must divide by SCALE. */
    private static void requireDenseCodeFit(Architecture architecture, int rows, int cols) {
        if (architecture.hiddenSizes().isEmpty()) {
            throw new IllegalArgumentException(
                    "conv needs at least one convolution (its hidden sizes are the filter counts)");
        }
        if (rows % SCALE != 0 || cols % SCALE != 0) {
            throw new IllegalArgumentException("conv needs image sides divisible by " + SCALE + ", got " + rows + "x" + cols);
        }
    }
}
