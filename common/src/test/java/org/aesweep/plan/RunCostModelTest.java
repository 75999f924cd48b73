package org.aesweep.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.aesweep.model.Autoencoder;
import org.aesweep.model.AutoencoderFactory;
import org.aesweep.model.LayerShape;
import org.aesweep.model.NetworkShapes;
import org.aesweep.spec.ArchitectureKind;
import org.aesweep.spec.CodeLayout;
import org.aesweep.spec.LossKind;
import org.aesweep.spec.RunConfig;
import org.aesweep.testing.TestRuns;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.layers.BaseRecurrentLayer;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.conf.layers.recurrent.LastTimeStep;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The cost model works from shapes alone; these tests hold it to the networks the factory really
 * builds, counted the way the model once counted them: build the network, feed one image forward,
 * and multiply each layer's parameter count by the positions its activations show it works at.
 */
class RunCostModelTest {
    /** Square, the other square the study's data sets have, non-square, and small enough to pool to one pixel. */
    private static final int[][] IMAGES = {{28, 28}, {32, 32}, {20, 28}, {4, 4}};
    private static final int[] CODE_SIZES = {2, 16, 64};

    private record Network(ArchitectureKind kind, List<Integer> hidden) {
    }

    private static final List<Network> NETWORKS = List.of(
            new Network(ArchitectureKind.LINEAR, List.of()),
            new Network(ArchitectureKind.SHALLOW, List.of()),
            new Network(ArchitectureKind.DEEP, List.of(128)),
            new Network(ArchitectureKind.DEEP, List.of(256, 64)),
            new Network(ArchitectureKind.SPARSE, List.of()),
            new Network(ArchitectureKind.SPARSE, List.of(100)),
            new Network(ArchitectureKind.CONV, List.of(16, 32, 64)),
            new Network(ArchitectureKind.CONV, List.of(8, 16)),
            new Network(ArchitectureKind.CONV, List.of(3)),
            new Network(ArchitectureKind.LSTM, List.of(100)),
            new Network(ArchitectureKind.LSTM, List.of(7)),
            new Network(ArchitectureKind.LSTM, List.of(100, 60)));

    @Test
    void shapesMatchTheBuiltNetworkLayerForLayer() {
        int checked = 0;
        for (Network network : NETWORKS) {
            for (int codeSize : CODE_SIZES) {
                for (int[] image : IMAGES) {
                    RunConfig run = run(network, codeSize);
                    assertMatchesBuiltNetwork(run, image[0], image[1]);
                    checked++;
                }
            }
        }
        assertEquals(NETWORKS.size() * CODE_SIZES.length * IMAGES.length, checked);
    }

    @Test
    void mapCodeShapesMatchTheBuiltNetworkLayerForLayer() {
        // Filters, image rows and cols, and a code size that fills whole channels of the code map.
        int[][] networks = {{16, 32, 28, 28, 576}, {16, 32, 28, 28, 9}, {8, 8, 32, 32, 48}, {4, 8, 20, 28, 6},
                {3, 0, 14, 14, 18}, {5, 5, 8, 8, 2}};
        for (int[] network : networks) {
            List<Integer> filters = network[1] == 0 ? List.of(network[0]) : List.of(network[0], network[1]);
            RunConfig run = TestRuns.shallow(network[4]).kind(ArchitectureKind.CONV, filters)
                    .codeLayout(CodeLayout.MAP).loss(LossKind.MSE).build();
            assertMatchesBuiltNetwork(run, network[2], network[3]);
        }
        RunConfig custom = TestRuns.shallow(64).kind(ArchitectureKind.CONV, List.of(8, 16))
                .codeLayout(CodeLayout.MAP).decoder(List.of(12, 6)).build();
        assertMatchesBuiltNetwork(custom, 32, 32);
    }

    @Test
    void aConvNetNeedsImageSidesItsDecoderCanRebuild() {
        RunConfig conv = run(new Network(ArchitectureKind.CONV, List.of(16, 32, 64)), 32);
        for (int[] image : new int[][] {{30, 30}, {28, 30}, {10, 10}, {2, 8}}) {
            String expected = "conv needs image sides divisible by 4, got " + image[0] + "x" + image[1];
            assertRefused(conv, image, expected);
        }
    }

    @Test
    void networksWithoutTheirHiddenSizesAreRefusedClearly() {
        assertRefused(run(new Network(ArchitectureKind.CONV, List.of()), 8), new int[] {28, 28},
                "conv needs at least one convolution");
        assertRefused(run(new Network(ArchitectureKind.LSTM, List.of()), 8), new int[] {28, 28},
                "lstm needs a hidden size");
    }

    /** The cost model and the factory both refuse, with the same message. */
    private static void assertRefused(RunConfig run, int[] image, String expected) {
        IllegalArgumentException fromShapes = assertThrows(IllegalArgumentException.class,
                () -> RunCostModel.forwardMacsPerSample(run, image[0], image[1]));
        assertTrue(fromShapes.getMessage().contains(expected), fromShapes.getMessage());
        IllegalArgumentException fromBuild = assertThrows(IllegalArgumentException.class,
                () -> AutoencoderFactory.build(run, image[0], image[1]));
        assertEquals(fromBuild.getMessage(), fromShapes.getMessage());
    }

    private static RunConfig run(Network network, int codeSize) {
        // MSE keeps the linear net linear end to end; the loss does not change any shape.
        return TestRuns.shallow(codeSize).kind(network.kind(), network.hidden()).loss(LossKind.MSE).build();
    }

    private static void assertMatchesBuiltNetwork(RunConfig run, int rows, int cols) {
        String name = run.architecture().kind().specName() + run.architecture().hiddenSizes()
                + run.architecture().decoderSizes() + " " + run.architecture().codeLayout().specName() + " code "
                + run.architecture().codeSize() + " on " + rows + "x" + cols;
        List<LayerShape> shapes = NetworkShapes.of(run.architecture(), rows, cols);
        BuiltNetworkCost built = BuiltNetworkCost.of(run, rows, cols);
        assertEquals(built.parameters().size(), shapes.size(), name + ": layers");
        for (int i = 0; i < shapes.size(); i++) {
            LayerShape shape = shapes.get(i);
            assertEquals(built.parameters().get(i), shape.parameters(), name + ": parameters of layer " + i);
            assertEquals(built.macs().get(i), (double) shape.parameters() * shape.positions(),
                    name + ": MACs of layer " + i);
        }
        assertEquals(built.totalMacs(), RunCostModel.forwardMacsPerSample(run, rows, cols), 0.0, name + ": MACs");
    }

    /**
     * The cost model's former counting, from a built network: index 0 of a forward pass's
     * activations holds the input, layer i's output sits at i + 1.
     */
    private record BuiltNetworkCost(List<Long> parameters, List<Double> macs) {
        static BuiltNetworkCost of(RunConfig run, int rows, int cols) {
            Autoencoder model = AutoencoderFactory.build(run, rows, cols);
            MultiLayerNetwork network = model.network();
            INDArray oneImage = Nd4j.zeros(DataType.FLOAT, 1, (long) rows * cols);
            List<INDArray> activations = network.feedForward(model.networkInput(oneImage), false);
            long outputs = activations.get(activations.size() - 1).length();
            assertEquals((long) rows * cols, outputs, "the network reconstructs the image");
            List<Long> parameters = new ArrayList<>();
            List<Double> macs = new ArrayList<>();
            for (int i = 0; i < network.getnLayers(); i++) {
                Layer layer = network.getLayerWiseConfigurations().getConf(i).getLayer();
                long weights = network.getLayer(i).numParams();
                parameters.add(weights);
                macs.add(weights * (double) positions(layer, layerInput(network, i, activations.get(i))));
            }
            return new BuiltNetworkCost(parameters, macs);
        }

        double totalMacs() {
            return macs.stream().mapToDouble(Double::doubleValue).sum();
        }

        /** What layer i sees: the previous layer's activations through layer i's pre-processor, if it has one. */
        private static INDArray layerInput(MultiLayerNetwork network, int i, INDArray previous) {
            InputPreProcessor preProcessor = network.getLayerWiseConfigurations().getInputPreProcess(i);
            return preProcessor == null ? previous
                    : preProcessor.preProcess(previous, (int) previous.size(0), LayerWorkspaceMgr.noWorkspaces());
        }

        /**
         * How many times a layer applies its weights to one sample: a convolution at every output
         * pixel (same-padded, so every input pixel), a transposed convolution at every input pixel.
         */
        private static long positions(Layer layer, INDArray input) {
            if (layer instanceof ConvolutionLayer) {
                return spatialPositions(input);
            }
            boolean perStep = layer instanceof BaseRecurrentLayer || layer instanceof LastTimeStep
                    || layer instanceof RnnOutputLayer;
            if (perStep) {
                return input.rank() == 3 ? input.size(2) : 1;
            }
            return 1;
        }

        private static long spatialPositions(INDArray activation) {
            return activation.rank() == 4 ? activation.size(2) * activation.size(3) : 1;
        }
    }
}
