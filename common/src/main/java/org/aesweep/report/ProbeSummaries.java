package org.aesweep.report;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.count;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.aesweep.tables.SweepTables;
import org.aesweep.tables.Table;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** The latent_probes table of a sweep averaged over replicates, for the report. */
final class ProbeSummaries {
    private ProbeSummaries() {
    }

    static List<HtmlReport.ProbeSummary> read(SparkSession spark, SweepTables tables) {
        List<HtmlReport.ProbeSummary> summaries = new ArrayList<>();
        List<Row> groups = tables.dataset(spark, Table.LATENT_PROBES)
                .groupBy("architecture", "noise_kind", "noise_level", "code_size")
                .agg(count("*").as("runs"), avg("knn1_labelled_accuracy").as("knn1"), avg("knn5_accuracy").as("knn5"),
                        avg("mean_activation").as("activation"), avg("dead_unit_share").as("dead"),
                        avg("top_two_variance_share").as("top2"))
                .orderBy("architecture", "noise_kind", "noise_level", "code_size").collectAsList();
        for (Row group : groups) {
            summaries.add(new HtmlReport.ProbeSummary(group.getAs("architecture"),
                    group.getAs("noise_kind") + " " + group.<Double>getAs("noise_level"), group.getAs("code_size"),
                    (int) (long) group.<Long>getAs("runs"), group.getAs("knn1"), group.getAs("knn5"),
                    group.getAs("activation"), group.getAs("dead"), group.getAs("top2")));
        }
        return summaries;
    }
}
