package org.aesweep.analysis;

import java.util.List;

import org.aesweep.model.Autoencoder;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The bias/variance decomposition of one grid point's replicates on their reconstructions of the
 * clean test set, in the decomposition that fits their loss ({@link DecompositionKind}) and the
 * design of their replicates, with bootstrap intervals ({@link JensenGaps}).
 */
final class ReconstructionSpread {
    private ReconstructionSpread() {
    }

    /** @param replicates the design's replicates, in its order */
    static RiskDecomposition decompose(List<Autoencoder> replicates, INDArray cleanTest, DecompositionKind kind,
                                       ReplicateDesign design, BootstrapSettings bootstrap) {
        return JensenGaps.decompose(ReplicateParameters.reconstruct(replicates, cleanTest, kind), design, bootstrap);
    }
}
