package org.aesweep.engine;

import org.aesweep.engine.kernels.BceVectorKernel;
import org.aesweep.engine.kernels.FlatFloats;
import org.aesweep.engine.kernels.VectorApi;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.linalg.lossfunctions.LossUtil;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Binary cross-entropy of a sigmoid output, computed from the logits. The layer that uses it must
 * have the IDENTITY activation, so its pre-output is the logit z; the sigmoid lives here.
 *
 * <p>Per element the loss is {@code max(z,0) - z*y + log(1 + exp(-|z|))}, which equals
 * {@code -y log(p) - (1-y) log(1-p)} for {@code p = sigmoid(z)} without overflowing or taking the
 * log of 0, so nothing is clipped (DL4J's LossBinaryXENT clips p to [1e-5, 1-1e-5]). It is
 * evaluated by libnd4j's fused {@code sigm_cross_entropy_loss} op in one pass. The gradient with
 * respect to z is {@code sigmoid(z) - y}: one sigmoid and one subtraction, instead of the gradient
 * with respect to p followed by the sigmoid's backprop.
 *
 * <p>Without a mask, on contiguous single-precision arrays, and with the Vector API module present
 * ({@link VectorApi}), score and gradient run in {@link BceVectorKernel}, which is faster than
 * libnd4j's op (docs/performance.md); the results agree to float rounding.
 *
 * <p>Follows the {@link ILossFunction} contract like DL4J's own losses: per-example scores are sums
 * over the outputs, shape [n, 1]; {@code average} divides the total by the number of rows; a mask
 * is either one value per row ([n, 1], as RnnOutputLayer and CnnLossLayer pass after flattening
 * time steps or pixels into rows) or one per output (same shape as the labels), and zeroes both
 * the masked scores and gradients. Stateless, so it serialises to JSON as its class name only.
 */
public final class SigmoidBinaryCrossEntropy implements ILossFunction {
    private static final long serialVersionUID = 1L;
    private static final String OP = "sigm_cross_entropy_loss";
    private static final int REDUCE_NONE = 0;
    private static final int REDUCE_SUM = 1;

    public SigmoidBinaryCrossEntropy() {
    }

    @Override
    public double computeScore(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask,
                               boolean average) {
        INDArray y = checked(labels, preOutput, activationFn);
        INDArray aligned = vectorLabels(y, preOutput, mask);
        double total;
        if (aligned != null) {
            total = BceVectorKernel.lossSum(FlatFloats.bytes(preOutput), FlatFloats.bytes(aligned),
                    (int) preOutput.length());
        } else if (mask == null) {
            total = crossEntropy(y, preOutput, REDUCE_SUM).getDouble(0);
        } else {
            total = maskedElementLosses(y, preOutput, mask).sumNumber().doubleValue();
        }
        return average ? total / preOutput.size(0) : total;
    }

    @Override
    public INDArray computeScoreArray(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask) {
        INDArray y = checked(labels, preOutput, activationFn);
        return maskedElementLosses(y, preOutput, mask).sum(true, 1);
    }

    @Override
    public INDArray computeGradient(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask) {
        INDArray y = checked(labels, preOutput, activationFn);
        INDArray aligned = vectorLabels(y, preOutput, mask);
        if (aligned != null) {
            INDArray gradient = preOutput.ulike();
            BceVectorKernel.sigmoidMinusLabels(FlatFloats.bytes(preOutput), FlatFloats.bytes(aligned),
                    FlatFloats.bytes(gradient), (int) preOutput.length());
            return gradient;
        }
        INDArray gradient = Transforms.sigmoid(preOutput, true).subi(y);
        if (mask != null) {
            LossUtil.applyMask(gradient, cast(mask, preOutput));
        }
        return gradient;
    }

    @Override
    public Pair<Double, INDArray> computeGradientAndScore(INDArray labels, INDArray preOutput, IActivation activationFn,
                                                          INDArray mask, boolean average) {
        return new Pair<>(computeScore(labels, preOutput, activationFn, mask, average),
                computeGradient(labels, preOutput, activationFn, mask));
    }

    @Override
    public String name() {
        return "SigmoidBinaryCrossEntropy";
    }

    @Override
    public String toString() {
        return "SigmoidBinaryCrossEntropy()";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SigmoidBinaryCrossEntropy;
    }

    @Override
    public int hashCode() {
        return SigmoidBinaryCrossEntropy.class.getName().hashCode();
    }

    /** The loss of every element, unreduced; {@link FusedReconstructionLoss} uses it with masks. */
    static INDArray elementLosses(INDArray labels, INDArray logits) {
        return crossEntropy(cast(labels, logits), logits, REDUCE_NONE);
    }

    /**
     * For a c-order {@code [batch, K*n]} output of K fused runs: the loss summed over each run's
     * block of n columns, unmasked. {@link FusedReconstructionLoss} reports these per run.
     */
    static double[] blockSums(INDArray labels, INDArray logits, int blocks) {
        INDArray y = cast(labels, logits);
        long n = logits.size(1) / blocks;
        INDArray aligned = logits.ordering() == 'c' ? vectorLabels(y, logits, null) : null;
        if (aligned != null) {
            return BceVectorKernel.blockSums(FlatFloats.bytes(logits), FlatFloats.bytes(aligned),
                    (int) (logits.size(0) * blocks), (int) n, blocks);
        }
        INDArray perColumn = crossEntropy(y, logits, REDUCE_NONE).sum(0);
        return perColumn.reshape('c', blocks, n).sum(1).toDoubleVector();
    }

    /**
     * The labels in the logits' memory layout when the Vector API path applies (no mask, both
     * contiguous FLOAT), or null. DL4J's output layers produce f-order logits while minibatches are
     * c-order: a copy of the labels in f-order costs a tenth of what the libnd4j path would.
     */
    private static INDArray vectorLabels(INDArray labels, INDArray logits, INDArray mask) {
        if (mask != null || !VectorApi.available() || !FlatFloats.isFlat(logits) || !FlatFloats.isFlat(labels)) {
            return null;
        }
        return FlatFloats.pairUp(labels, logits) ? labels : labels.dup(logits.ordering());
    }

    private static INDArray maskedElementLosses(INDArray labels, INDArray logits, INDArray mask) {
        INDArray losses = crossEntropy(labels, logits, REDUCE_NONE);
        if (mask != null) {
            LossUtil.applyMask(losses, cast(mask, logits));
        }
        return losses;
    }

    /** libnd4j's sigmoid cross-entropy on logits, unweighted: per element, or summed to a scalar. */
    private static INDArray crossEntropy(INDArray labels, INDArray logits, int reduction) {
        INDArray out = reduction == REDUCE_NONE
                ? logits.ulike()
                : Nd4j.scalar(logits.dataType(), 0.0);
        INDArray unitWeight = Nd4j.scalar(logits.dataType(), 1.0);
        Nd4j.exec(DynamicCustomOp.builder(OP)
                .addInputs(logits, unitWeight, labels)
                .addOutputs(out)
                .addIntegerArguments(reduction)
                .addFloatingPointArguments(0.0) // no label smoothing
                .build());
        return out;
    }

    private static INDArray checked(INDArray labels, INDArray preOutput, IActivation activationFn) {
        if (!(activationFn instanceof ActivationIdentity)) {
            throw new IllegalStateException("SigmoidBinaryCrossEntropy applies the sigmoid itself; the layer's activation"
                    + " must be IDENTITY, not " + activationFn);
        }
        if (!labels.equalShapes(preOutput)) {
            throw new IllegalArgumentException("labels " + labels.shapeInfoToString() + " and pre-output "
                    + preOutput.shapeInfoToString() + " differ in shape");
        }
        return cast(labels, preOutput);
    }

    private static INDArray cast(INDArray array, INDArray like) {
        return array.dataType() == like.dataType() ? array : array.castTo(like.dataType());
    }
}
