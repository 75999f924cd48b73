package org.aesweep.engine;

import java.util.function.Supplier;

import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.linalg.lossfunctions.impl.LossMSE;

/**
 * A reconstruction loss, the activation its output layer gets, and the factor that turns DL4J's
 * score into a per-element mean. DL4J scores are means over the minibatch of a per-example value:
 * for binary cross-entropy that value is a sum over the output units, for MSE it is already a mean
 * over them. Keras and PyTorch report per-element means, so BCE scores are divided by the output size.
 * BCE is {@link SigmoidBinaryCrossEntropy}, which takes logits and applies the output's sigmoid itself.
 */
public enum ReconstructionLoss {
    BCE(SigmoidBinaryCrossEntropy::new, true, true),
    MSE(LossMSE::new, false, false);

    private final Supplier<ILossFunction> dl4jLoss;
    private final boolean summedOverOutputs;
    private final boolean appliesSigmoid;

    ReconstructionLoss(Supplier<ILossFunction> dl4jLoss, boolean summedOverOutputs, boolean appliesSigmoid) {
        this.dl4jLoss = dl4jLoss;
        this.summedOverOutputs = summedOverOutputs;
        this.appliesSigmoid = appliesSigmoid;
    }

    public ILossFunction dl4jLoss() {
        return dl4jLoss.get();
    }

    /**
     * The activation to give the output layer so that the network's output, as this loss sees it,
     * is {@code intended}. BCE is only defined on a sigmoid output and applies that sigmoid
     * itself, so its layer is IDENTITY (and the model applies the sigmoid to what it decodes).
     */
    public Activation outputLayerActivation(Activation intended) {
        if (!appliesSigmoid) {
            return intended;
        }
        if (intended != Activation.SIGMOID) {
            throw new IllegalArgumentException(name() + " needs a sigmoid output, not " + intended);
        }
        return Activation.IDENTITY;
    }

    /** Multiply a DL4J score by this to get the per-element mean loss. */
    public double perElementFactor(int outputSize) {
        return summedOverOutputs ? 1.0 / outputSize : 1.0;
    }

}
