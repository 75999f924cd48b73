package org.aesweep.analysis;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.aesweep.data.TrainTestSplit;
import org.aesweep.model.Autoencoder;
import org.aesweep.spark.ExecutorDataCache;
import org.aesweep.spark.ExecutorThreads;
import org.aesweep.spark.SparkTasks;
import org.aesweep.tables.SweepTables;
import org.aesweep.tables.Table;
import org.aesweep.tables.TableLayout;
import org.aesweep.tables.avro.RunRow;
import org.aesweep.train.TrainingArrays;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.SerializableConfiguration;

/**
 * Decomposes each grid point's risk into bias² and variance over its replicates (see
 * {@link ReconstructionSpread}). One Spark task per grid point loads that point's saved models and
 * the test set on an executor; only the three numbers come back to the driver.
 */
public final class BiasVarianceDecomposition {
    /** The columns that identify a grid point, as in the tables. */
    static final String[] GROUP =
            {"dataset", "architecture", "noise_kind", "noise_level", "sparsity_weight", "code_size"};

    private final SparkSession spark;

    public BiasVarianceDecomposition(SparkSession spark) {
        this.spark = spark;
    }

    /** Decompositions keyed by {@link #key(Row)} of the group; groups with fewer than 2 finished runs are absent. */
    public Map<String, ReconstructionSpread.Decomposition> decompose(SweepTables tables, String dataRoot)
            throws IOException {
        Map<String, RunRow> runsRows = new HashMap<>();
        for (RunRow row : tables.allRows(RunRow.class)) {
            runsRows.put(row.getRunId(), row);
        }
        List<Row> groups = tables.dataset(spark, Table.RUNS)
                .where(col("status").equalTo("ok"))
                .groupBy(GROUP[0], GROUP[1], GROUP[2], GROUP[3], GROUP[4], GROUP[5])
                .agg(collect_list("run_id").as("run_ids"))
                .collectAsList();
        List<GroupRuns> work = new ArrayList<>();
        for (Row group : groups) {
            List<String> runIds = group.getList(group.fieldIndex("run_ids"));
            if (runIds.size() >= 2) {
                work.add(new GroupRuns(key(group), runIds.stream().map(runsRows::get).toList()));
            }
        }
        Map<String, ReconstructionSpread.Decomposition> results = new HashMap<>();
        if (work.isEmpty()) {
            return results;
        }
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        GroupTask task = new GroupTask(tables.layout(), dataRoot, new SerializableConfiguration(jsc.hadoopConfiguration()),
                work);
        // Groups travel in the task closure; only numbers come back, in group order.
        List<double[]> numbers = SparkTasks.onePerIndex(jsc, work.size(), task::decompose);
        for (int i = 0; i < work.size(); i++) {
            double[] n = numbers.get(i);
            results.put(work.get(i).key(), new ReconstructionSpread.Decomposition((int) n[0], n[1], n[2], n[3]));
        }
        return results;
    }

    /** Identifies a group by its grid-point columns, from any row that has them. */
    public static String key(Row row) {
        StringBuilder key = new StringBuilder();
        for (String column : GROUP) {
            key.append(row.<Object>getAs(column)).append('|');
        }
        return key.toString();
    }

    /** A group's runs rows, read on the driver: executors cannot reach the catalog. */
    private record GroupRuns(String key, List<RunRow> runs) implements Serializable {
    }

    private record GroupTask(TableLayout layout, String dataRoot, SerializableConfiguration conf,
                             List<GroupRuns> groups) implements Serializable {
        /** {replicates, risk, bias², variance} of group {@code index}. */
        double[] decompose(int index) {
            GroupRuns group = groups.get(index);
            ExecutorThreads.configureForCurrentTask();
            Configuration hadoopConf = conf.value();
            try {
                List<Autoencoder> models = new ArrayList<>();
                SavedRun first = null;
                for (RunRow row : group.runs()) {
                    SavedRun run = SavedRun.load(layout, row, hadoopConf);
                    first = first == null ? run : first;
                    models.add(run.model());
                }
                // Replicates share the test set (it depends on the dataset, test_limit and seed only) and,
                // being one architecture, its input scaling: reconstructions and targets are compared in
                // that scaled range, as the runs' losses are.
                TrainTestSplit data = ExecutorDataCache.get(dataRoot, first.config(), hadoopConf);
                ReconstructionSpread.Decomposition result =
                        ReconstructionSpread.decompose(models, TrainingArrays.toMatrix(data.test()));
                return new double[] {result.replicates(), result.risk(), result.biasSquared(), result.variance()};
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
