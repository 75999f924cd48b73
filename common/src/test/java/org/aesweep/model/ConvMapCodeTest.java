package org.aesweep.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.aesweep.spec.ArchitectureKind;
import org.aesweep.spec.CodeLayout;
import org.aesweep.spec.RunConfig;
import org.aesweep.testing.SyntheticImages;
import org.aesweep.testing.TestRuns;
import org.deeplearning4j.nn.conf.layers.CnnLossLayer;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.Deconvolution2D;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * A conv net whose code is its last pooled feature map (Géron's Fashion-MNIST autoencoder): the
 * layers it builds, the sizes its transposed convolutions retrace, the order of its code rows, and
 * the code sizes and images it refuses.
 */
class ConvMapCodeTest {
    private static TestRuns mapConv(int codeSize, List<Integer> filters) {
        return TestRuns.shallow(codeSize).kind(ArchitectureKind.CONV, filters).codeLayout(CodeLayout.MAP)
                .activation("selu");
    }

    @Test
    void geronsNetEncodesA3x3x64MapAndDecodesItWithThreeTransposedConvolutions() {
        Autoencoder model = AutoencoderFactory.build(mapConv(576, List.of(16, 32)).build(), 28, 28);
        MultiLayerNetwork network = model.network();
        List<String> layers = new ArrayList<>();
        for (int i = 0; i < network.getnLayers(); i++) {
            layers.add(describe(network.getLayerWiseConfigurations().getConf(i).getLayer()));
        }
        assertEquals(List.of("conv 16 Same", "pool", "conv 32 Same", "pool", "conv 64 Same", "pool",
                "deconv 32 Truncate", "deconv 16 Same", "deconv 1 Same", "loss"), layers);
        assertEquals(5, model.codeLayerIndex());
        long encoder = (9L * 16 + 16) + (9L * 16 * 32 + 32) + (9L * 32 * 64 + 64);
        long decoder = (9L * 64 * 32 + 32) + (9L * 32 * 16 + 16) + (9L * 16 + 1);
        assertEquals(46_529, encoder + decoder);
        assertEquals(encoder + decoder, model.parameterCount());
        assertEquals(model.parameterCount(),
                NetworkShapes.of(mapConv(576, List.of(16, 32)).build().architecture(), 28, 28).stream()
                        .mapToLong(LayerShape::parameters).sum());

        INDArray images = SyntheticImages.matrix(5, 1);
        assertArrayEquals(new long[] {5, 1, 28, 28}, network.output(model.networkInput(images), false).shape());
        assertArrayEquals(new long[] {5, 576}, model.encode(images).shape());
        assertArrayEquals(new long[] {5, 784}, model.reconstruct(images).shape());
    }

    @Test
    void theDecoderRetracesTheEncodersSidesForOtherImageSizes() {
        // 20x28 pools to 10x14, 5x7 and 2x3: both sides even, even, then odd at each step.
        int[][] imagesAndCodes = {{32, 32, 4 * 4 * 3}, {20, 20, 2 * 2 * 5}, {20, 28, 2 * 3 * 2}, {8, 8, 1}};
        for (int[] imageAndCode : imagesAndCodes) {
            int rows = imageAndCode[0];
            int cols = imageAndCode[1];
            Autoencoder model = AutoencoderFactory.build(mapConv(imageAndCode[2], List.of(3, 4)).build(), rows, cols);
            INDArray images = Nd4j.rand(DataType.FLOAT, 2, rows * cols);
            String image = rows + "x" + cols;
            assertArrayEquals(new long[] {2, 1, rows, cols},
                    model.network().output(model.networkInput(images), false).shape(), image);
            assertArrayEquals(new long[] {2, imageAndCode[2]}, model.encode(images).shape(), image);
        }
    }

    @Test
    void codeRowsHoldTheMapChannelByChannelAndDecodeBackIntoIt() {
        Autoencoder model = AutoencoderFactory.build(mapConv(18, List.of(3, 4)).build(), 28, 28);
        INDArray images = SyntheticImages.matrix(4, 2);
        INDArray map = model.network().feedForward(model.networkInput(images), false).get(model.codeLayerIndex() + 1);
        assertArrayEquals(new long[] {4, 2, 3, 3}, map.shape());
        INDArray codes = model.encode(images);
        for (int channel = 0; channel < 2; channel++) {
            for (int row = 0; row < 3; row++) {
                for (int col = 0; col < 3; col++) {
                    assertEquals(map.getDouble(1, channel, row, col), codes.getDouble(1, channel * 9 + row * 3 + col),
                            1e-6);
                }
            }
        }
        assertTrue(model.decode(codes).equalsWithEps(model.reconstruct(images), 1e-5),
                "decode(encode(x)) == reconstruct(x)");
        // Another code gives another image: the decoder does not ignore what it is fed.
        assertFalse(model.decode(codes.mul(2)).equalsWithEps(model.reconstruct(images), 1e-3));
    }

    @Test
    void trainingTakesItsLossBelowThatOfTheMeanImage() {
        Autoencoder model = AutoencoderFactory.build(mapConv(72, List.of(4, 8)).build(), 28, 28);
        INDArray images = SyntheticImages.matrix(64, 3);
        DataSet batch = new DataSet(model.networkInput(images), model.networkTarget(images));
        for (int step = 0; step < 100; step++) {
            model.network().fit(batch);
        }
        double loss = model.perElementLoss(model.network().score(batch, false));
        // Every image reconstructed as the mean image: what a net that ignores its code can reach.
        INDArray mean = Nd4j.zeros(images.dataType(), images.shape()).addiRowVector(images.mean(0));
        double meanImageLoss = images.mul(Transforms.log(mean, true))
                .addi(images.rsub(1.0).muli(Transforms.log(mean.rsub(1.0), false))).negi().meanNumber().doubleValue();
        assertTrue(loss < 0.9 * meanImageLoss, "loss " + loss + " against the mean image's " + meanImageLoss);
    }

    @Test
    void aCodeSizeThatFillsNoWholeChannelIsRefusedWithTheValidSizes() {
        String message = refusal(mapConv(500, List.of(16, 32)).build(), 28, 28);
        assertTrue(message.contains("3x3 map that 3 poolings leave of 28x28 images"), message);
        assertTrue(message.contains("multiple of 9 (one channel per 9 values: 9, 18, 27, ...), got 500"
                + " (nearest: 495 or 504)"), message);
        String small = refusal(mapConv(5, List.of(16, 32)).build(), 28, 28);
        assertTrue(small.endsWith("got 5"), small);
    }

    @Test
    void imagesTheTransposedConvolutionsCannotRebuildAreRefused() {
        String uneven = refusal(mapConv(9, List.of(16, 32)).build(), 28, 27);
        assertTrue(uneven.contains("cannot rebuild 28x27 images: pooling a 28x27 map to 14x13 drops its last column"
                + " but no row"), uneven);
        String small = refusal(mapConv(1, List.of(16, 32)).build(), 8, 7);
        assertTrue(small.contains("pools its images 3 times") && small.contains("sides of at least 8, got 8x7"), small);
        String decoder = refusal(mapConv(9, List.of(16, 32)).decoder(List.of(8)).build(), 28, 28);
        assertTrue(decoder.contains("needs 2 decoder filter counts (as many as hidden), got 1"), decoder);
    }

    /** The factory and the planner's shapes refuse alike. */
    private static String refusal(RunConfig config, int rows, int cols) {
        String fromShapes = assertThrows(IllegalArgumentException.class,
                () -> NetworkShapes.of(config.architecture(), rows, cols)).getMessage();
        String fromBuild = assertThrows(IllegalArgumentException.class,
                () -> AutoencoderFactory.build(config, rows, cols)).getMessage();
        assertEquals(fromShapes, fromBuild);
        return fromShapes;
    }

    private static String describe(Layer layer) {
        if (layer instanceof Deconvolution2D deconvolution) {
            assertArrayEquals(new int[] {3, 3}, deconvolution.getKernelSize());
            assertArrayEquals(new int[] {2, 2}, deconvolution.getStride());
            return "deconv " + deconvolution.getNOut() + " " + deconvolution.getConvolutionMode();
        }
        if (layer instanceof ConvolutionLayer convolution) {
            assertArrayEquals(new int[] {3, 3}, convolution.getKernelSize());
            return "conv " + convolution.getNOut() + " " + convolution.getConvolutionMode();
        }
        if (layer instanceof SubsamplingLayer pooling) {
            assertArrayEquals(new int[] {2, 2}, pooling.getKernelSize());
            return "pool";
        }
        return layer instanceof CnnLossLayer ? "loss" : layer.getClass().getSimpleName();
    }
}
