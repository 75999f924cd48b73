package org.aesweep.plan;

import org.aesweep.model.LayerShape;
import org.aesweep.model.NetworkShapes;
import org.aesweep.spec.RunConfig;

/**
 * Estimates what a run costs to train, in multiply-accumulates (MACs), so the planner can tell
 * small runs from large ones without training anything, or building any network.
 * <p>
 * A layer's forward pass costs about its parameter count times the number of positions its
 * weights are applied at ({@link LayerShape}): once for dense layers, at every output pixel for
 * convolutions, at every input pixel for transposed convolutions, at every time step for recurrent
 * layers. Training a sample costs about three forward passes (the backward pass computes two
 * products per weight), so a run costs {@code 3 x forward MACs per sample x training samples x
 * epochs}. Parameter count alone would rank a conv net, whose few weights are applied at every
 * pixel, below a dense net with more weights applied once, though the conv net does far more work
 * per image; counting every application ranks them as they run.
 */
public final class RunCostModel {
    /** Backward pass ~ twice the forward one. */
    static final double TRAINING_PASSES = 3.0;

    private RunCostModel() {
    }

    /** Estimated MACs to train {@code run} on {@code trainSamples} images of rows x cols. */
    public static double trainingCost(RunConfig run, int rows, int cols, long trainSamples) {
        return TRAINING_PASSES * forwardMacsPerSample(run, rows, cols) * trainSamples * run.recipe().epochs();
    }

    /**
     * MACs of one forward pass of one image through the run's network, from its layers' shapes.
     *
     * @throws IllegalArgumentException when the network cannot reconstruct images of rows x cols
     */
    public static double forwardMacsPerSample(RunConfig run, int rows, int cols) {
        double macs = 0;
        for (LayerShape layer : NetworkShapes.of(run.architecture(), rows, cols)) {
            macs += (double) layer.parameters() * layer.positions();
        }
        return macs;
    }
}
