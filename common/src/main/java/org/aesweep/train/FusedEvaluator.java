package org.aesweep.train;

import org.aesweep.engine.FusedReconstructionLoss;
import org.aesweep.model.Autoencoder;
import org.aesweep.model.AutoencoderFactory;
import org.aesweep.model.FusedDense;
import org.aesweep.spec.RunConfig;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Scores a dense run through a one-branch fused network that holds its parameters, rather than
 * through its plain network's DL4J layers: DL4J's dense output layer writes each chunk's output
 * column-major into a fresh off-heap array and copies it, and a fresh array costs about as much as
 * filling it, while the fused network writes row-major into its reused output workspace and scores
 * with the JVM kernels. The losses agree (LossEvaluatorTest). Codes come from the plain network.
 *
 * <p>Inference leaves what training needs untouched (parameters, updater state, iteration count),
 * so a lone run's fused network, the one it trains, is also the one it is scored through.
 */
final class FusedEvaluator implements LossEvaluator {
    private final MultiLayerNetwork network;
    private final Autoencoder model;
    private final FusedReconstructionLoss loss;

    /**
     * @param network a one-branch fused network holding the run's parameters whenever it scores
     * @param model   the run's plain network, which encodes
     */
    FusedEvaluator(MultiLayerNetwork network, Autoencoder model) {
        this.network = network;
        this.model = model;
        this.loss = FusedReconstructionLoss.of(network);
        if (loss.getBranches() != 1) {
            throw new IllegalArgumentException("scores a one-branch fused network, not one of " + loss.getBranches());
        }
    }

    /** Scores {@code model} as it is now: a network trained elsewhere (parameter averaging) or done training. */
    static FusedEvaluator holding(RunConfig config, Autoencoder model) {
        MultiLayerNetwork network = AutoencoderFactory.buildFused(config, 1, model.rows(), model.cols());
        FusedDense.copyIn(model.network(), network, 0);
        return new FusedEvaluator(network, model);
    }

    @Override
    public double evaluate(INDArray inputs, INDArray targets) {
        return Chunks.mean(inputs, targets, this::loss);
    }

    /** Scoring the set here beats one pass through the plain network, and encoding is a dense net's small half. */
    @Override
    public CodedLoss evaluateAndEncode(INDArray images) {
        return new CodedLoss(evaluate(images, images), model.encode(images));
    }

    /** The output lives only while the adapter runs, in the network's output workspace. */
    private double loss(INDArray in, INDArray target) {
        return network.output(in, null, null, outputs -> {
            loss.computeScore(target, outputs[0], new ActivationIdentity(), null, false);
            return loss.lastBranchLosses()[0];
        });
    }
}
