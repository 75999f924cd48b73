package org.aesweep.model;

import java.util.function.Supplier;

import org.aesweep.grid.LossKind;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.linalg.lossfunctions.impl.LossBinaryXENT;
import org.nd4j.linalg.lossfunctions.impl.LossMSE;

/**
 * A reconstruction loss and the factor that turns DL4J's score into a per-element mean.
 * DL4J scores are means over the minibatch of a per-example value: for binary cross-entropy that
 * value is a sum over the output units, for MSE it is already a mean over them. Keras and PyTorch
 * report per-element means, so BCE scores are divided by the output size.
 */
public enum ReconstructionLoss {
    BCE(LossBinaryXENT::new, true),
    MSE(LossMSE::new, false);

    private final Supplier<ILossFunction> dl4jLoss;
    private final boolean summedOverOutputs;

    ReconstructionLoss(Supplier<ILossFunction> dl4jLoss, boolean summedOverOutputs) {
        this.dl4jLoss = dl4jLoss;
        this.summedOverOutputs = summedOverOutputs;
    }

    public ILossFunction dl4jLoss() {
        return dl4jLoss.get();
    }

    /** Multiply a DL4J score by this to get the per-element mean loss. */
    public double perElementFactor(int outputSize) {
        return summedOverOutputs ? 1.0 / outputSize : 1.0;
    }

    public static ReconstructionLoss of(LossKind kind) {
        return switch (kind) {
            case BCE -> BCE;
            case MSE -> MSE;
        };
    }
}
