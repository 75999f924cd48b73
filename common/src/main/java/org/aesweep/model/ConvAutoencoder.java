package org.aesweep.model;

import java.util.List;

import org.aesweep.engine.ConvolutionHelpers;
import org.aesweep.engine.ReconstructionLoss;
import org.aesweep.engine.TiledDeconvolution2D;
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
 * ({@link TiledDeconvolution2D}) back to one channel at full size, scored by a sigmoid CNN loss
 * layer against the target image. (A flattening pre-processor before a plain loss layer gives the
 * right outputs but, in DL4J 1.0.0-M2.1, a wrong training score; the loss layer for feature maps
 * does not.) The convolutions run through libnd4j's conv2d ops ({@link ConvolutionHelpers}).
 */
final class ConvAutoencoder {
    private static final int UPSAMPLINGS = 2;
    /**
     * DL4J's forward cache: with it a convolution layer keeps its training pre-activations for
     * backprop, which its conv2d helper then uses; without it backprop convolved the input again.
     */
    static final CacheMode FORWARD_CACHE = CacheMode.DEVICE;

    private ConvAutoencoder() {
    }

    static Autoencoder build(RunConfig config, int rows, int cols, NeuralNetConfiguration.Builder common) {
        int scale = 1 << UPSAMPLINGS;
        if (rows % scale != 0 || cols % scale != 0) {
            throw new IllegalArgumentException("conv needs image sides divisible by " + scale + ", got " + rows + "x" + cols);
        }
        Activation activation = ActivationNames.parse(config.architecture().activation());
        List<Integer> filters = config.architecture().hiddenSizes();
        NeuralNetConfiguration.ListBuilder layers = common.list();
        int index = 0;
        for (int channels : filters) {
            layers.layer(index++, new ConvolutionLayer.Builder(3, 3).nOut(channels)
                    .convolutionMode(ConvolutionMode.Same).activation(activation).build());
            layers.layer(index++, new SubsamplingLayer.Builder(PoolingType.MAX).kernelSize(2, 2).stride(2, 2).build());
        }
        int codeLayerIndex = index;
        layers.layer(index++, new DenseLayer.Builder().nOut(config.architecture().codeSize()).activation(activation).build());

        int decoderChannels = Math.max(2, filters.get(filters.size() - 1) / 2);
        int smallRows = rows / scale;
        int smallCols = cols / scale;
        layers.layer(index++, new DenseLayer.Builder().nOut(smallRows * smallCols * decoderChannels)
                .activation(activation).build());
        layers.inputPreProcessor(index, new FeedForwardToCnnPreProcessor(smallRows, smallCols, decoderChannels));
        layers.layer(index++, new TiledDeconvolution2D.Builder(2, 2).stride(2, 2).nOut(decoderChannels / 2)
                .activation(activation).build());
        layers.layer(index++, new TiledDeconvolution2D.Builder(2, 2).stride(2, 2).nOut(1)
                .activation(Activation.IDENTITY).build());
        ReconstructionLoss loss = Losses.of(config.recipe().loss());
        layers.layer(index, new CnnLossLayer.Builder(loss.dl4jLoss())
                .activation(loss.outputLayerActivation(Activation.SIGMOID)).build());
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
}
