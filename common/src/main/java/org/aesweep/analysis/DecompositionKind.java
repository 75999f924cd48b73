package org.aesweep.analysis;

import java.util.List;
import java.util.Locale;

import org.aesweep.engine.kernels.ConvexPotential;
import org.aesweep.spec.LossKind;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Which bias/variance decomposition a grid point's risk gets: the one that fits the loss its runs
 * trained with. Both measure variance as a Jensen gap mean_i φ(t_i) − φ(mean_i t_i) of a convex
 * potential φ over the replicates' parameters t_i, per pixel, and take bias = risk − noise −
 * variance:
 * <ul>
 *   <li>squared error (Yang et al. 2020): t is the output f and φ(f) = f², whose gap is the
 *       replicates' spread around their mean; clean targets leave no noise term;</li>
 *   <li>Bernoulli KL (binary cross-entropy, a Bregman divergence; Pfau 2013): t is the logit
 *       θ = log p − log(1 − p) of the output clipped into [{@link BernoulliLogs#CLIP}, 1 − CLIP], and φ
 *       the softplus log(1 + e^θ), whose gap is mean_i KL(p̄ ‖ p_i) around the normalised geometric
 *       mean p̄ = sigmoid(mean_i θ_i); the noise is the targets' binary entropy H(y), since
 *       CE(y, p) = H(y) + KL(y ‖ p) = softplus(θ) − yθ.</li>
 * </ul>
 * The table names the decomposition in its {@code decomposition} column; {@link JensenGaps}
 * computes it for a replicate design.
 */
public enum DecompositionKind {
    /** Per-element squared error on the outputs. */
    SQUARED_ERROR,
    /** Per-element binary cross-entropy on per-pixel Bernoulli outputs, through their logits. */
    BERNOULLI_KL;

    /** The decomposition of runs trained with {@code loss}. */
    public static DecompositionKind of(LossKind loss) {
        return switch (loss) {
            case MSE -> SQUARED_ERROR;
            case BCE -> BERNOULLI_KL;
        };
    }

    /** The decomposition of runs whose runs rows name {@code loss} (bce, mse). */
    public static DecompositionKind ofLossColumn(String loss) {
        return of(LossKind.valueOf(loss.toUpperCase(Locale.ROOT)));
    }

    /** The value of the table's {@code decomposition} column. */
    public String tableName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The convex function of the parameters whose Jensen gaps are the variance. */
    ConvexPotential potential() {
        return switch (this) {
            case SQUARED_ERROR -> ConvexPotential.SQUARE;
            case BERNOULLI_KL -> ConvexPotential.SOFTPLUS;
        };
    }

    /**
     * The parameters the potential takes, in single precision, from a replicate's outputs: the
     * outputs themselves, or the logits of the clipped outputs (computed in double, then rounded).
     */
    INDArray parameters(INDArray outputs) {
        return switch (this) {
            case SQUARED_ERROR -> outputs.castTo(DataType.FLOAT);
            case BERNOULLI_KL -> {
                BernoulliLogs logs = BernoulliLogs.clipped(outputs.castTo(DataType.DOUBLE));
                yield logs.ofOne().subi(logs.ofZero()).castTo(DataType.FLOAT);
            }
        };
    }

    /**
     * The per-element loss of parameter t against target y, given the potential φ(t), which the BCE
     * contains: (t − y)², or the clipped BCE softplus(t) − y t.
     */
    double loss(double target, double parameter, double potential) {
        return switch (this) {
            case SQUARED_ERROR -> (parameter - target) * (parameter - target);
            case BERNOULLI_KL -> potential - target * parameter;
        };
    }

    /** Whether the risk has a noise term (the targets' entropy); squared error on clean targets has none. */
    boolean hasNoise() {
        return this == BERNOULLI_KL;
    }

    /** The noise of one target pixel: its binary entropy, with 0 log 0 = 0; 0 without a noise term. */
    double noise(double target) {
        if (!hasNoise()) {
            return 0;
        }
        return -(target > 0 ? target * Math.log(target) : 0) - (target < 1 ? (1 - target) * Math.log(1 - target) : 0);
    }

    /**
     * The decomposition of {@code outputs} (one array per replicate, each of the targets' shape: one
     * image per row) of {@code targets}, over independent replicates, without intervals.
     */
    public RiskDecomposition decompose(INDArray targets, List<INDArray> outputs) {
        return JensenGaps.decompose(ReplicateParameters.of(targets, outputs, this),
                new SingleFactorDesign(outputs.size()), BootstrapSettings.NONE);
    }
}
