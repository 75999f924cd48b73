package org.aesweep.model;

import org.aesweep.engine.FusedDenseImpl;
import org.aesweep.engine.FusedDenseLayer;
import org.aesweep.engine.FusedReconstructionLoss;
import org.aesweep.engine.ReconstructionLoss;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.LossLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Fused training of K runs of one dense network shape: builds the network of
 * {@link FusedDenseLayer}s that holds all K side by side, moves each run's parameters between it
 * and a solo network of that shape, and gives each run's block of a fused array.
 *
 * <p>A solo network {@code Dense(w0->w1, hidden) ... Output(w(L-1)->wL, output, loss)} corresponds
 * to {@code FusedDenseLayer(K, w0->w1, hidden) ... FusedDenseLayer(K, w(L-1)->wL, output) ->
 * LossLayer(identity, FusedReconstructionLoss(K, loss))}: solo layer i is fused layer i. Only
 * parameters move between them, not updater state, so copy in before training starts.
 */
public final class FusedDense {
    private FusedDense() {
    }

    /**
     * The fused network (initialised) for K runs of {@code widths[0] -> ... -> widths[L]}; the
     * common builder carries seed, data type, weight init and updater as for a solo network.
     */
    public static MultiLayerNetwork build(int branches, int[] widths, Activation hidden, Activation output,
            ReconstructionLoss loss, NeuralNetConfiguration.Builder common) {
        if (widths.length < 2) {
            throw new IllegalArgumentException("need at least an input and an output width");
        }
        NeuralNetConfiguration.ListBuilder layers = common.list();
        for (int i = 0; i + 1 < widths.length; i++) {
            boolean last = i + 2 == widths.length;
            layers.layer(new FusedDenseLayer.Builder().branches(branches).branchIn(widths[i]).branchOut(widths[i + 1])
                    .activation(last ? output : hidden).inputGradient(i > 0).build());
        }
        // The output activation sits on the last fused layer, not the LossLayer: see FusedReconstructionLoss.
        layers.layer(new LossLayer.Builder(new FusedReconstructionLoss(branches, loss))
                .activation(Activation.IDENTITY).build());
        MultiLayerNetwork network = new MultiLayerNetwork(layers.build());
        network.init();
        return network;
    }

    /** Sets run k's parameters in the fused network to a solo network's. */
    public static void copyIn(MultiLayerNetwork solo, MultiLayerNetwork fused, int k) {
        for (int i = 0; i < solo.getnLayers(); i++) {
            Layer layer = solo.getLayer(i);
            fusedLayer(fused, i).setBranchParams(k, layer.getParam("W"), layer.getParam("b"));
        }
    }

    /** Sets a solo network's parameters to run k's in the fused network. */
    public static void copyOut(MultiLayerNetwork fused, int k, MultiLayerNetwork solo) {
        for (int i = 0; i < solo.getnLayers(); i++) {
            Layer layer = solo.getLayer(i);
            FusedDenseImpl g = fusedLayer(fused, i);
            layer.getParam("W").assign(g.branchWeights(k));
            INDArray b = layer.getParam("b");
            b.assign(g.branchBias(k).dup().reshape(b.shape()));
        }
    }

    /** Sets branch j of one fused network to branch k of another of the same shape. */
    public static void copyBranch(MultiLayerNetwork from, int k, MultiLayerNetwork to, int j) {
        for (int i = 0; i < to.getnLayers() - 1; i++) { // every layer but the LossLayer
            FusedDenseImpl source = fusedLayer(from, i);
            fusedLayer(to, i).setBranchParams(j, source.branchWeights(k), source.branchBias(k));
        }
    }

    /** Each run's mean per-element loss on the minibatch of the fused network's last score. */
    public static double[] branchLosses(MultiLayerNetwork fused) {
        return FusedReconstructionLoss.of(fused).lastBranchLosses();
    }

    /** Run k's [batch, n] block of a fused [batch, K*n] array, as a view. */
    public static INDArray block(INDArray fused, int k, int branches) {
        return FusedDenseImpl.columnBlock(fused, k, fused.size(1) / branches);
    }

    private static FusedDenseImpl fusedLayer(MultiLayerNetwork fused, int index) {
        Layer layer = fused.getLayer(index);
        if (!(layer instanceof FusedDenseImpl g)) {
            throw new IllegalArgumentException("layer " + index + " of the fused network is not a FusedDenseLayer: "
                    + layer);
        }
        return g;
    }
}
