package org.aesweep.engine;

import java.util.Arrays;
import java.util.Objects;

import org.aesweep.model.Autoencoder;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.linalg.lossfunctions.LossUtil;
import org.nd4j.linalg.lossfunctions.impl.LossL2;
import org.nd4j.shade.jackson.annotation.JsonIgnore;

/**
 * Reconstruction loss for the output of K fused runs ({@code [batch, K*n]}, block k being run k's
 * reconstruction): the score is the sum of the K runs' solo scores, the gradient of every element
 * is what the run's solo network would compute, and every score computation also records each
 * run's mean per-element loss on that minibatch ({@link #lastBranchLosses()}).
 *
 * <p>Binary cross-entropy is the solo networks' {@link SigmoidBinaryCrossEntropy}, on logits (the
 * LossLayer's activation must be IDENTITY): its score is a plain sum over elements, so over K
 * blocks it is already the sum of the K solo scores, and its gradient is that loss's own. Mean
 * squared error matches {@code LossMSE} on
 * each block: LossMSE on the whole array would divide by {@code K*n} rather than {@code n}, so
 * here the squared error's sum and gradient are divided by the branch width {@code n}.
 *
 * <p>The per-branch record costs two reductions on top of the score's element-wise ops (column sums,
 * then sums of the K blocks of that row), whatever K. Masks are applied to the loss elements as
 * DL4J's losses do, but a branch's recorded mean still divides by batch * n.
 *
 * <p>Use with a {@code LossLayer} after the last {@link FusedDenseLayer}, and read the losses
 * through {@link #of(MultiLayerNetwork)}. Best put the output activation (sigmoid) on that last
 * fused dense layer and leave the LossLayer's identity: a LossLayer scores its input after backprop,
 * and DL4J's losses backpropagate through a non-identity activation in place into that input (in
 * DL4J 1.0.0-M2.1 a LossLayer with a sigmoid activation reports a wrong score after {@code fit}
 * for that reason), so with a non-identity activation this loss copies the input first, one op
 * more per step.
 */
public class FusedReconstructionLoss implements ILossFunction {
    private static final long serialVersionUID = 1L;

    private int branches;
    private ReconstructionLoss kind;

    @JsonIgnore
    private transient double[] lastBranchLosses;

    /** For JSON deserialisation. */
    public FusedReconstructionLoss() {
    }

    public FusedReconstructionLoss(int branches, ReconstructionLoss kind) {
        if (branches < 1) {
            throw new IllegalArgumentException("need at least one branch, got " + branches);
        }
        this.branches = branches;
        this.kind = Objects.requireNonNull(kind);
    }

    public int getBranches() {
        return branches;
    }

    public ReconstructionLoss getKind() {
        return kind;
    }

    /** The loss of a network's output layer, which must be a LossLayer holding a FusedReconstructionLoss. */
    public static FusedReconstructionLoss of(MultiLayerNetwork network) {
        org.deeplearning4j.nn.conf.layers.Layer conf = network.getOutputLayer().conf().getLayer();
        if (conf instanceof org.deeplearning4j.nn.conf.layers.LossLayer lossLayer
                && lossLayer.getLossFn() instanceof FusedReconstructionLoss loss) {
            return loss;
        }
        throw new IllegalArgumentException("output layer has no FusedReconstructionLoss: " + conf);
    }

    /**
     * Each branch's mean per-element loss over the minibatch of the last score computation (for a
     * network in training, the score {@code fit} computes before its update), or null before any.
     * Comparable to {@link Autoencoder#perElementLoss(double)} of the run's solo network.
     */
    public double[] lastBranchLosses() {
        return lastBranchLosses == null ? null : lastBranchLosses.clone();
    }

    private long branchWidth(INDArray labels) {
        if (labels.rank() != 2 || labels.size(1) % branches != 0) {
            throw new IllegalArgumentException("labels " + Arrays.toString(labels.shape()) + " do not split into "
                    + branches + " branches");
        }
        return labels.size(1) / branches;
    }

    /** The loss of every element (not yet divided by anything), shape [batch, K*n]. */
    private INDArray elementLosses(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask) {
        requireSameShape(labels, preOutput);
        INDArray losses;
        if (kind == ReconstructionLoss.BCE) {
            // On logits, as the solo networks' SigmoidBinaryCrossEntropy: no clipping, sigmoid inside.
            requireIdentity(activationFn);
            losses = SigmoidBinaryCrossEntropy.elementLosses(labels, preOutput);
        } else {
            INDArray y = labels.castTo(preOutput.dataType());
            losses = activationFn.getActivation(preOutput.dup(), true).subi(y);
            losses.muli(losses);
        }
        if (mask != null) {
            LossUtil.applyMask(losses, mask);
        }
        return losses;
    }

    private static void requireSameShape(INDArray labels, INDArray preOutput) {
        if (!labels.equalShapes(preOutput)) {
            throw new IllegalArgumentException("labels " + Arrays.toString(labels.shape()) + " vs output "
                    + Arrays.toString(preOutput.shape()));
        }
    }

    private static void requireIdentity(IActivation activationFn) {
        if (!(activationFn instanceof ActivationIdentity)) {
            throw new IllegalStateException("fused binary cross-entropy works on logits; the LossLayer's activation"
                    + " must be IDENTITY, not " + activationFn);
        }
    }

    /** Per-element losses to a solo network's per-example score scale: MSE is a mean over the branch's n outputs. */
    private double scoreScale(long n) {
        return kind == ReconstructionLoss.MSE ? 1.0 / n : 1.0;
    }

    @Override
    public double computeScore(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask,
            boolean average) {
        long n = branchWidth(labels);
        long batch = labels.size(0);
        double[] blockSums;
        if (kind == ReconstructionLoss.BCE && mask == null) {
            requireSameShape(labels, preOutput);
            requireIdentity(activationFn);
            blockSums = SigmoidBinaryCrossEntropy.blockSums(labels, preOutput, branches);
        } else {
            INDArray losses = elementLosses(labels, preOutput, activationFn, mask);
            blockSums = losses.sum(0).reshape('c', new long[] {branches, n}).sum(1).toDoubleVector();
        }
        double[] perElement = new double[branches];
        double total = 0;
        for (int k = 0; k < branches; k++) {
            perElement[k] = blockSums[k] / ((double) batch * n);
            total += blockSums[k];
        }
        lastBranchLosses = perElement;
        double score = total * scoreScale(n);
        return average ? score / batch : score;
    }

    @Override
    public INDArray computeScoreArray(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask) {
        long n = branchWidth(labels);
        return elementLosses(labels, preOutput, activationFn, mask).sum(true, 1).muli(scoreScale(n));
    }

    @Override
    public INDArray computeGradient(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask) {
        long n = branchWidth(labels);
        if (!(activationFn instanceof ActivationIdentity)) {
            // DL4J's losses backpropagate through the activation in place, into preOutput. A
            // LossLayer's preOutput is its input, which MultiLayerNetwork scores after backprop,
            // so it must survive: work on a copy.
            preOutput = preOutput.dup();
        }
        if (kind == ReconstructionLoss.BCE) {
            return new SigmoidBinaryCrossEntropy().computeGradient(labels, preOutput, activationFn, mask);
        }
        return new LossL2().computeGradient(labels, preOutput, activationFn, mask).divi(n);
    }

    @Override
    public Pair<Double, INDArray> computeGradientAndScore(INDArray labels, INDArray preOutput,
            IActivation activationFn, INDArray mask, boolean average) {
        return new Pair<>(computeScore(labels, preOutput, activationFn, mask, average),
                computeGradient(labels, preOutput, activationFn, mask));
    }

    @Override
    public String name() {
        return toString();
    }

    @Override
    public String toString() {
        return "FusedReconstructionLoss(" + kind + ", branches=" + branches + ")";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FusedReconstructionLoss other && branches == other.branches && kind == other.kind;
    }

    @Override
    public int hashCode() {
        return Objects.hash(branches, kind);
    }
}
