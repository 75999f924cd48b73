package org.aesweep.plan;

import java.util.List;

import org.aesweep.model.Autoencoder;
import org.aesweep.model.AutoencoderFactory;
import org.aesweep.spec.RunConfig;
import org.deeplearning4j.nn.conf.layers.BaseRecurrentLayer;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.Deconvolution2D;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.conf.layers.recurrent.LastTimeStep;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Estimates what a run costs to train, in multiply-accumulates (MACs), so the planner can tell
 * small runs from large ones without training anything.
 * <p>
 * A layer's forward pass costs about its parameter count times the number of positions its
 * weights are applied at: once for dense layers, at every output pixel for convolutions, at every
 * input pixel for transposed convolutions, at every time step for recurrent layers. Training a
 * sample costs about three forward passes (the backward pass computes two products per weight),
 * so a run costs {@code 3 x forward MACs per sample x training samples x epochs}. Parameter count
 * alone would rank a conv net (95k parameters, ~480 s per Fashion-MNIST epoch here) below a deep
 * dense net (210k parameters, ~8 s per epoch); this estimate ranks them as they really run.
 */
public final class RunCostModel {
    /** Backward pass ~ twice the forward one. */
    static final double TRAINING_PASSES = 3.0;

    private RunCostModel() {
    }

    /** Estimated MACs to train {@code run} on {@code trainSamples} images of rows x cols. */
    public static double trainingCost(RunConfig run, int rows, int cols, long trainSamples) {
        return trainingCost(forwardMacsPerSample(run, rows, cols), run, trainSamples);
    }

    static double trainingCost(double forwardMacsPerSample, RunConfig run, long trainSamples) {
        return TRAINING_PASSES * forwardMacsPerSample * trainSamples * run.recipe().epochs();
    }

    /**
     * MACs of one forward pass of one image through the run's network.
     *
     * @throws IllegalArgumentException when the network cannot reconstruct images of rows x cols
     */
    public static double forwardMacsPerSample(RunConfig run, int rows, int cols) {
        Autoencoder model = AutoencoderFactory.build(run, rows, cols);
        MultiLayerNetwork network = model.network();
        INDArray oneImage = Nd4j.zeros(DataType.FLOAT, 1, (long) rows * cols);
        // Index 0 holds the input; layer i's output sits at i + 1.
        List<INDArray> activations = network.feedForward(model.networkInput(oneImage), false);
        long outputs = activations.get(activations.size() - 1).length();
        if (outputs != (long) rows * cols) {
            throw new IllegalArgumentException(run.architecture().label() + " with code size " + run.architecture().codeSize()
                    + " reconstructs " + outputs + " values per image but the images have " + rows + "x" + cols
                    + " = " + rows * cols + " pixels");
        }
        double macs = 0;
        for (int i = 0; i < network.getnLayers(); i++) {
            Layer layer = network.getLayerWiseConfigurations().getConf(i).getLayer();
            long weights = network.getLayer(i).numParams();
            macs += weights * (double) positions(layer, activations.get(i), activations.get(i + 1));
        }
        return macs;
    }

    /** How many times a layer applies its weights to one sample. */
    private static long positions(Layer layer, INDArray input, INDArray output) {
        if (layer instanceof Deconvolution2D deconvolution) {
            int[] stride = deconvolution.getStride();
            return spatialPositions(output) / ((long) stride[0] * stride[1]);
        }
        if (layer instanceof ConvolutionLayer) {
            return spatialPositions(output);
        }
        if (layer instanceof BaseRecurrentLayer || layer instanceof LastTimeStep || layer instanceof RnnOutputLayer) {
            return input.rank() == 3 ? input.size(2) : 1;
        }
        return 1;
    }

    private static long spatialPositions(INDArray activation) {
        return activation.rank() == 4 ? activation.size(2) * activation.size(3) : 1;
    }
}
