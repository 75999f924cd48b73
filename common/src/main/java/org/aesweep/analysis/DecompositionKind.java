package org.aesweep.analysis;

import java.util.List;
import java.util.Locale;

import org.aesweep.spec.LossKind;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Which bias/variance decomposition a grid point's risk gets: the one that fits the loss its runs
 * trained with. Squared error splits into bias² + variance around the replicates' mean (Yang et
 * al. 2020); binary cross-entropy, the targets' entropy plus a Bregman divergence (the Bernoulli
 * KL), splits into noise + bias + variance around the replicates' normalised geometric mean
 * (Pfau 2013). The table names it in its {@code decomposition} column.
 */
public enum DecompositionKind {
    /** Per-element squared error; see {@link SquaredErrorSums}. */
    SQUARED_ERROR,
    /** Per-element binary cross-entropy on per-pixel Bernoulli outputs; see {@link BernoulliKlSums}. */
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

    /** Empty running sums of this decomposition's parts over {@code replicates} (2 or more) replicates. */
    RiskSums sums(int replicates) {
        if (replicates < 2) {
            throw new IllegalArgumentException("variance over replicates needs at least 2, got " + replicates);
        }
        return switch (this) {
            case SQUARED_ERROR -> new SquaredErrorSums(replicates);
            case BERNOULLI_KL -> new BernoulliKlSums(replicates);
        };
    }

    /** The decomposition of {@code reconstructions} (one per replicate) of {@code targets}, all in one array each. */
    public RiskDecomposition decompose(INDArray targets, List<INDArray> reconstructions) {
        RiskSums sums = sums(reconstructions.size());
        sums.add(targets, reconstructions);
        return sums.result();
    }
}
