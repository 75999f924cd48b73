package org.aesweep.data;

import org.aesweep.spec.ReplicateSampling;
import org.aesweep.spec.RunConfig;

/** The training samples one replicate sees under the sweep's replicate split. */
public final class ReplicateSamples {
    /** Offsets keep these draws apart from the train/test subset draws, which use the data seed itself. */
    private static final long PART_SEED_OFFSET = 0x5EED_0002L;
    private static final long BOOTSTRAP_SEED_OFFSET = 0x5EED_0003L;

    private ReplicateSamples() {
    }

    public static LabeledImages select(LabeledImages train, RunConfig config) {
        ReplicateSampling sampling = config.data().sampling();
        return switch (sampling.split()) {
            case SEED -> train;
            // Every replicate cuts with the same seed, so their parts are disjoint; a crossed design's
            // D parts are the parts a disjoint split of D replicates trains on.
            case DISJOINT, CROSSED -> train.part(sampling.dataSplitOf(config.replicate()), sampling.dataSplits(),
                    config.dataSeed() + PART_SEED_OFFSET);
            case BOOTSTRAP -> train.bootstrap(config.dataSeed() + BOOTSTRAP_SEED_OFFSET + config.replicate());
        };
    }
}
