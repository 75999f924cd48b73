package org.aesweep.analysis;

import java.util.ArrayList;
import java.util.List;

import org.aesweep.model.Autoencoder;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The bias/variance decomposition of one grid point's replicates on their reconstructions of the
 * clean test set, in the decomposition that fits their loss ({@link DecompositionKind}).
 * Reconstructions are made chunk by chunk, so memory stays at N chunks whatever the test set size.
 */
public final class ReconstructionSpread {
    private static final int CHUNK = 1000;

    private ReconstructionSpread() {
    }

    public static RiskDecomposition decompose(List<Autoencoder> replicates, INDArray cleanTest,
                                              DecompositionKind kind) {
        RiskSums sums = kind.sums(replicates.size());
        for (long start = 0; start < cleanTest.rows(); start += CHUNK) {
            long end = Math.min(cleanTest.rows(), start + CHUNK);
            INDArray x = cleanTest.get(NDArrayIndex.interval(start, end), NDArrayIndex.all()).castTo(DataType.DOUBLE);
            List<INDArray> reconstructions = new ArrayList<>();
            for (Autoencoder replicate : replicates) {
                reconstructions.add(replicate.reconstruct(x.castTo(DataType.FLOAT)).castTo(DataType.DOUBLE));
            }
            sums.add(x, reconstructions);
        }
        return sums.result();
    }
}
