package org.aesweep.report;

import java.util.function.Function;

import org.aesweep.tables.avro.BiasVarianceRow;

/**
 * A bias_variance column the report draws against code size, with the columns of its confidence
 * interval where the table has them. A point has an interval when both ends are set; the
 * aggregation leaves them null where a group has too few replicates, and files written before
 * intervals existed have none at all.
 */
enum Estimate {
    TEST_LOSS(BiasVarianceRow::getTestLossMean, null, null),
    RISK(BiasVarianceRow::getRisk, BiasVarianceRow::getRiskLow, BiasVarianceRow::getRiskHigh),
    /** Bernoulli decompositions only: the entropy of the test images, which has no interval column. */
    NOISE(BiasVarianceRow::getNoise, null, null),
    /**
     * bias² for squared error, the KL bias for Bernoulli KL; files written before {@code bias}
     * existed hold bias² in {@code bias_squared} alone.
     */
    BIAS(row -> row.getBias() != null ? row.getBias() : row.getBiasSquared(), BiasVarianceRow::getBiasLow,
            BiasVarianceRow::getBiasHigh),
    VARIANCE(BiasVarianceRow::getVariance, BiasVarianceRow::getVarianceLow, BiasVarianceRow::getVarianceHigh),
    /** Crossed designs only: the part of the variance from the training data. */
    VARIANCE_DATA(BiasVarianceRow::getVarianceData, BiasVarianceRow::getVarianceDataLow,
            BiasVarianceRow::getVarianceDataHigh),
    /** Crossed designs only: the part of the variance from initialisation and minibatch order. */
    VARIANCE_INIT(BiasVarianceRow::getVarianceInit, BiasVarianceRow::getVarianceInitLow,
            BiasVarianceRow::getVarianceInitHigh);

    private final Function<BiasVarianceRow, Double> value;
    private final Function<BiasVarianceRow, Double> low;
    private final Function<BiasVarianceRow, Double> high;

    Estimate(Function<BiasVarianceRow, Double> value, Function<BiasVarianceRow, Double> low,
             Function<BiasVarianceRow, Double> high) {
        this.value = value;
        this.low = low;
        this.high = high;
    }

    /** The point's value; null where the row has none. */
    Double value(BiasVarianceRow row) {
        return value.apply(row);
    }

    /** True when the table has interval columns for this estimate, whether or not a row fills them. */
    boolean hasIntervalColumns() {
        return low != null;
    }

    /** True when the row carries both ends of this estimate's interval. */
    boolean hasInterval(BiasVarianceRow row) {
        return hasIntervalColumns() && low.apply(row) != null && high.apply(row) != null;
    }

    /** The interval's lower end; call only where {@link #hasInterval} holds. */
    double low(BiasVarianceRow row) {
        return low.apply(row);
    }

    /** The interval's upper end; call only where {@link #hasInterval} holds. */
    double high(BiasVarianceRow row) {
        return high.apply(row);
    }
}
