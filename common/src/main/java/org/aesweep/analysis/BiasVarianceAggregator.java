package org.aesweep.analysis;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.stddev_samp;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.aesweep.tables.SweepTables;
import org.aesweep.tables.Table;
import org.aesweep.tables.avro.BiasVarianceRow;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Groups a sweep's successful runs by dataset x architecture x noise x code size, summarises their
 * final losses over replicates from the runs table, names the decomposition that fits their loss,
 * and adds each group's parts and confidence intervals where they were computed.
 */
public final class BiasVarianceAggregator {
    private static final String[] GROUP = BiasVarianceDecomposition.GROUP;

    private final SparkSession spark;

    public BiasVarianceAggregator(SparkSession spark) {
        this.spark = spark;
    }

    /**
     * @param decompositions bias/variance of the groups that have them, keyed by
     *                       {@link BiasVarianceDecomposition#key(Row)}
     */
    public List<BiasVarianceRow> aggregate(SweepTables tables,
                                           Map<String, RiskDecomposition> decompositions) {
        Dataset<Row> runs = tables.dataset(spark, Table.RUNS).where(col("status").equalTo("ok"));
        // Runs rows written before replicate splits existed came from seed replicates.
        Column split = List.of(runs.columns()).contains("replicate_split") ? col("replicate_split") : lit("seed");
        Dataset<Row> groups = runs.groupBy(GROUP[0], GROUP[1], GROUP[2], GROUP[3], GROUP[4], GROUP[5])
                .agg(count("*").as("replicates"),
                        first(split).as("replicate_split"),
                        first("loss").as("loss"),
                        avg("final_train_loss").as("train_loss_mean"),
                        stddev_samp("final_train_loss").as("train_loss_std"),
                        avg("final_test_loss").as("test_loss_mean"),
                        stddev_samp("final_test_loss").as("test_loss_std"),
                        avg("full_train_loss").as("full_train_loss_mean"))
                .orderBy(GROUP[0], GROUP[1], GROUP[2], GROUP[3], GROUP[4], GROUP[5]);
        List<BiasVarianceRow> rows = new ArrayList<>();
        for (Row group : groups.collectAsList()) {
            RiskDecomposition parts = decompositions.get(BiasVarianceDecomposition.key(group));
            DecompositionKind kind = DecompositionKind.ofLossColumn(group.getAs("loss"));
            int replicates = (int) (long) group.<Long>getAs("replicates");
            ConfidenceIntervals intervals = parts != null ? parts.intervals()
                    : ConfidenceIntervals.none(replicates + " replicate: no decomposition (it needs 2) and no"
                    + " intervals (they need " + PercentileBootstrap.MIN_UNITS + ")");
            rows.add(BiasVarianceRow.newBuilder()
                    .setDataset(group.getAs("dataset"))
                    .setArchitecture(group.getAs("architecture"))
                    .setNoiseKind(group.getAs("noise_kind"))
                    .setNoiseLevel(group.getAs("noise_level"))
                    .setSparsityWeight(group.getAs("sparsity_weight"))
                    .setCodeSize(group.getAs("code_size"))
                    .setReplicates(replicates)
                    .setReplicateSplit(group.<String>getAs("replicate_split"))
                    .setTrainLossMean(group.getAs("train_loss_mean"))
                    .setTrainLossStd(finiteOrNull(group.getAs("train_loss_std")))
                    .setTestLossMean(group.getAs("test_loss_mean"))
                    .setTestLossStd(finiteOrNull(group.getAs("test_loss_std")))
                    .setFullTrainLossMean(group.getAs("full_train_loss_mean"))
                    .setDecomposition(kind.tableName())
                    .setRisk(parts == null ? null : parts.risk())
                    .setNoise(parts == null ? null : parts.noise())
                    .setBias(parts == null ? null : parts.bias())
                    .setBiasSquared(parts == null || kind != DecompositionKind.SQUARED_ERROR ? null : parts.bias())
                    .setVariance(parts == null ? null : parts.variance())
                    .setVarianceData(parts == null ? null : parts.varianceData())
                    .setVarianceInit(parts == null ? null : parts.varianceInit())
                    .setRiskLow(ConfidenceIntervals.low(intervals.risk()))
                    .setRiskHigh(ConfidenceIntervals.high(intervals.risk()))
                    .setBiasLow(ConfidenceIntervals.low(intervals.bias()))
                    .setBiasHigh(ConfidenceIntervals.high(intervals.bias()))
                    .setVarianceLow(ConfidenceIntervals.low(intervals.variance()))
                    .setVarianceHigh(ConfidenceIntervals.high(intervals.variance()))
                    .setVarianceDataLow(ConfidenceIntervals.low(intervals.varianceData()))
                    .setVarianceDataHigh(ConfidenceIntervals.high(intervals.varianceData()))
                    .setVarianceInitLow(ConfidenceIntervals.low(intervals.varianceInit()))
                    .setVarianceInitHigh(ConfidenceIntervals.high(intervals.varianceInit()))
                    .setIntervalMethod(intervals.method())
                    .setIntervalNote(intervals.note())
                    .setIntervalLevel(intervals.level())
                    .setBootstrapDraws(intervals.draws())
                    .setBootstrapSeed(intervals.seed())
                    .build());
        }
        return rows;
    }

    /** Spark's sample standard deviation of one value is NaN (or null); the table stores null. */
    private static Double finiteOrNull(Double value) {
        return value == null || !Double.isFinite(value) ? null : value;
    }
}
