package org.aesweep.analysis;

import java.util.List;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The decomposition of binary cross-entropy over N replicates whose outputs p_i are per-pixel
 * Bernoulli probabilities, for targets y in [0, 1] (clean images, not only 0 or 1). Per element,
 * CE(y, p) = -y log p - (1-y) log(1-p) = H(y) + KL(y || p), with H the binary entropy and KL the
 * Bernoulli KL divergence, a Bregman divergence. Its central prediction is the normalised geometric
 * mean of the replicates (Pfau 2013), which is the sigmoid of their mean logit:
 * <pre>
 *   p̄        = G1 / (G1 + G0),  G1 = exp(mean_i log p_i),  G0 = exp(mean_i log(1 - p_i))
 *   risk     = mean_i CE(y, p_i)
 *   noise    = H(y)                       the part no model can remove
 *   bias     = KL(y || p̄)
 *   variance = mean_i KL(p̄ || p_i)  = -log(G1 + G0)
 * </pre>
 * and risk = noise + bias + variance exactly, for any N (so variance has no N/(N-1) correction).
 * Each is a mean over the test images' pixels. Outputs are clipped to [1e-7, 1 - 1e-7] first, as
 * Keras clips them, since a float sigmoid can round to exactly 0 or 1; the risk is the BCE of the
 * clipped outputs, which equals the runs' test loss wherever no output was clipped.
 */
final class BernoulliKlSums implements RiskSums {
    /** Outputs are kept this far from 0 and 1. */
    static final double CLIP = 1e-7;

    private final int replicates;
    private double risk;
    private double noise;
    private double bias;
    private double variance;
    private double elements;

    BernoulliKlSums(int replicates) {
        this.replicates = replicates;
    }

    @Override
    public void add(INDArray targets, List<INDArray> reconstructions) {
        INDArray meanLogP = Nd4j.zerosLike(targets);
        INDArray meanLogQ = Nd4j.zerosLike(targets);
        for (INDArray reconstruction : reconstructions) {
            INDArray p = Transforms.min(Transforms.max(reconstruction, CLIP, true), 1 - CLIP, false);
            meanLogP.addi(Transforms.log(p, true));
            meanLogQ.addi(Transforms.log(p.rsubi(1.0), false));
        }
        meanLogP.divi(replicates);
        meanLogQ.divi(replicates);
        // log(G1 + G0) <= 0 by the AM-GM inequality; log p̄ and log(1 - p̄) are the mean logs minus it.
        INDArray logNormaliser = Transforms.log(
                Transforms.exp(meanLogP, true).addi(Transforms.exp(meanLogQ, true)), false);
        double entropy = crossEntropy(targets, flooredLog(targets), flooredLog(targets.rsub(1.0)));
        risk += crossEntropy(targets, meanLogP, meanLogQ);
        noise += entropy;
        bias += crossEntropy(targets, meanLogP.subi(logNormaliser), meanLogQ.subi(logNormaliser)) - entropy;
        variance -= logNormaliser.sumNumber().doubleValue();
        elements += targets.length();
    }

    @Override
    public RiskDecomposition result() {
        return new RiskDecomposition(DecompositionKind.BERNOULLI_KL, replicates, risk / elements, noise / elements,
                bias / elements, variance / elements);
    }

    /**
     * The sum over elements of -y log q1 - (1-y) log q0: the cross-entropy of targets y against
     * Bernoulli probabilities given by their logs, log q1 of a 1 and log q0 of a 0.
     */
    private static double crossEntropy(INDArray y, INDArray logOfOne, INDArray logOfZero) {
        return -(y.mul(logOfOne).sumNumber().doubleValue() + y.rsub(1.0).muli(logOfZero).sumNumber().doubleValue());
    }

    /** The log of each value, with 0 taken to log(Double.MIN_NORMAL), finite, so that 0 log 0 counts as 0. */
    private static INDArray flooredLog(INDArray values) {
        return Transforms.log(Transforms.max(values, Double.MIN_NORMAL, true), false);
    }
}
