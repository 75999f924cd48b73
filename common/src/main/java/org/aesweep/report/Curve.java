package org.aesweep.report;

import java.io.Serializable;
import java.util.Locale;

import org.aesweep.tables.avro.BiasVarianceRow;
import org.aesweep.tables.avro.RunRow;
import org.apache.spark.sql.Row;

/**
 * A curve of the report: the grid points that differ only in code size (and replicate), that is one
 * dataset x architecture x noise x sparsity weight. Every per-curve picture is keyed and titled by it.
 */
record Curve(String dataset, String architecture, String noiseKind, double noiseLevel, double sparsityWeight)
        implements Serializable {

    static Curve of(BiasVarianceRow row) {
        return new Curve(row.getDataset(), row.getArchitecture(), row.getNoiseKind(), row.getNoiseLevel(),
                row.getSparsityWeight());
    }

    static Curve of(RunRow row) {
        return new Curve(row.getDataset(), row.getArchitecture(), row.getNoiseKind(), row.getNoiseLevel(),
                row.getSparsityWeight());
    }

    /** From a row of any table with the grid-point columns. */
    static Curve of(Row row) {
        return new Curve(row.getAs("dataset"), row.getAs("architecture"), row.getAs("noise_kind"),
                row.<Double>getAs("noise_level"), row.<Double>getAs("sparsity_weight"));
    }

    /** True when the runs of this curve trained on corrupted inputs. */
    boolean noisy() {
        return !noiseKind.equals("none") && noiseLevel > 0;
    }

    String title() {
        return dataset + " " + label();
    }

    /** The title less the dataset, for where the dataset goes without saying. */
    String label() {
        return String.format(Locale.ROOT, "%s noise=%s %s", architecture, noiseKind, noiseLevel)
                + (sparsityWeight > 0 ? " l1=" + sparsityWeight : "");
    }

    String fileName() {
        return ChartFiles.fileSafe(title());
    }
}
