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
 * Each is a mean over the test images' pixels. Outputs are clipped into [1e-7, 1 - 1e-7] first
 * ({@link BernoulliLogs#CLIP}); the risk is the BCE of the clipped outputs, which equals the runs'
 * test loss wherever no output was clipped.
 */
final class BernoulliKlSums implements RiskSums {
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
        INDArray meanLogOne = Nd4j.zerosLike(targets);
        INDArray meanLogZero = Nd4j.zerosLike(targets);
        for (INDArray reconstruction : reconstructions) {
            BernoulliLogs replicate = BernoulliLogs.clipped(reconstruction);
            meanLogOne.addi(replicate.ofOne());
            meanLogZero.addi(replicate.ofZero());
        }
        meanLogOne.divi(replicates);
        meanLogZero.divi(replicates);
        // log(G1 + G0) <= 0 by the AM-GM inequality; log p̄ and log(1 - p̄) are the mean logs minus it.
        INDArray logNormaliser = Transforms.log(
                Transforms.exp(meanLogOne, true).addi(Transforms.exp(meanLogZero, true)), false);
        double entropy = new BernoulliLogs(flooredLog(targets), flooredLog(targets.rsub(1.0)))
                .crossEntropySum(targets);
        risk += new BernoulliLogs(meanLogOne, meanLogZero).crossEntropySum(targets);
        noise += entropy;
        bias += new BernoulliLogs(meanLogOne.subi(logNormaliser), meanLogZero.subi(logNormaliser))
                .crossEntropySum(targets) - entropy;
        variance -= logNormaliser.sumNumber().doubleValue();
        elements += targets.length();
    }

    @Override
    public RiskDecomposition result() {
        return new RiskDecomposition(DecompositionKind.BERNOULLI_KL, replicates, risk / elements, noise / elements,
                bias / elements, variance / elements);
    }

    /** The log of each value, with 0 taken to log(Double.MIN_NORMAL), finite, so that 0 log 0 counts as 0. */
    private static INDArray flooredLog(INDArray values) {
        return Transforms.log(Transforms.max(values, Double.MIN_NORMAL, true), false);
    }
}
