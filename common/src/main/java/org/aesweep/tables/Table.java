package org.aesweep.tables;

import java.util.List;
import java.util.Locale;

import org.aesweep.tables.avro.BiasVarianceRow;
import org.aesweep.tables.avro.EpochMetricRow;
import org.aesweep.tables.avro.LatentCodeRow;
import org.aesweep.tables.avro.LatentProbeRow;
import org.aesweep.tables.avro.RunRow;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecordBase;

/** The tables aesweep writes; the lower-case name is the directory under {@code <out>/tables/}. */
public enum Table {
    RUNS, EPOCH_METRICS, LATENT_CODES, LATENT_PROBES, BIAS_VARIANCE;

    /**
     * The tables one run writes rows to, in the order a run's files are committed: runs last,
     * because a runs row is what makes a run committed.
     */
    public static List<Table> perRunInCommitOrder() {
        return List.of(EPOCH_METRICS, LATENT_CODES, LATENT_PROBES, RUNS);
    }

    /** Every table, runs last: the aggregation's bias_variance, then the per-run tables. */
    public static List<Table> inCommitOrder() {
        return List.of(BIAS_VARIANCE, EPOCH_METRICS, LATENT_CODES, LATENT_PROBES, RUNS);
    }

    /** The class generated from the table's .avsc: what its rows are written and read as. */
    public Class<? extends SpecificRecordBase> rowType() {
        return switch (this) {
            case RUNS -> RunRow.class;
            case EPOCH_METRICS -> EpochMetricRow.class;
            case LATENT_CODES -> LatentCodeRow.class;
            case LATENT_PROBES -> LatentProbeRow.class;
            case BIAS_VARIANCE -> BiasVarianceRow.class;
        };
    }

    /** The table whose rows are {@code rowType}'s records. */
    public static Table of(Class<? extends SpecificRecordBase> rowType) {
        for (Table table : values()) {
            if (table.rowType() == rowType) {
                return table;
            }
        }
        throw new IllegalArgumentException(rowType.getName() + " is not the row of any table");
    }

    /** The Avro schema the table's files are written with, and older files are read with. */
    public Schema schema() {
        return SpecificData.get().getSchema(rowType());
    }

    public String directoryName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
