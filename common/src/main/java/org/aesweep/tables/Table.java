package org.aesweep.tables;

import java.util.Locale;

import org.aesweep.tables.avro.BiasVarianceRow;
import org.aesweep.tables.avro.EpochMetricRow;
import org.aesweep.tables.avro.LatentCodeRow;
import org.aesweep.tables.avro.LatentProbeRow;
import org.aesweep.tables.avro.RunRow;
import org.apache.avro.Schema;

/** The tables aesweep writes; the lower-case name is the directory under {@code <out>/tables/}. */
public enum Table {
    RUNS, EPOCH_METRICS, LATENT_CODES, LATENT_PROBES, BIAS_VARIANCE;

    /** The Avro schema the table's files are written with. */
    public Schema schema() {
        return switch (this) {
            case RUNS -> RunRow.getClassSchema();
            case EPOCH_METRICS -> EpochMetricRow.getClassSchema();
            case LATENT_CODES -> LatentCodeRow.getClassSchema();
            case LATENT_PROBES -> LatentProbeRow.getClassSchema();
            case BIAS_VARIANCE -> BiasVarianceRow.getClassSchema();
        };
    }

    public String directoryName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
