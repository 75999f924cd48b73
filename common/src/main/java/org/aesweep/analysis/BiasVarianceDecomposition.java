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
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.aesweep.BadInputException;
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
 * Decomposes each grid point's risk over its replicates, in the decomposition that fits the loss
 * they trained with and the design of their replicates (see {@link JensenGaps},
 * {@link DecompositionKind} and {@link DesignedRuns}), with bootstrap intervals. One Spark task per
 * grid point loads that point's saved models and the test set on an executor; only the parts come
 * back to the driver.
 */
public final class BiasVarianceDecomposition {
    /** The columns that identify a grid point, as in the tables. */
    static final String[] GROUP =
            {"dataset", "architecture", "noise_kind", "noise_level", "sparsity_weight", "code_size"};

    private final SparkSession spark;

    public BiasVarianceDecomposition(SparkSession spark) {
        this.spark = spark;
    }

    /**
     * Decompositions keyed by {@link #key(Row)} of the group; groups with fewer than 2 finished runs
     * are absent.
     *
     * @throws BadInputException if a group's runs trained with different losses, which no one
     *                           decomposition fits
     */
    public Map<String, RiskDecomposition> decompose(SweepTables tables, String dataRoot, BootstrapSettings bootstrap)
            throws IOException, BadInputException {
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
                List<RunRow> runs = runIds.stream().map(runsRows::get).toList();
                work.add(new GroupRuns(key(group), DesignedRuns.of(runs), decompositionOf(key(group), runs)));
            }
        }
        Map<String, RiskDecomposition> results = new HashMap<>();
        if (work.isEmpty()) {
            return results;
        }
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        GroupTask task = new GroupTask(tables.layout(), dataRoot, new SerializableConfiguration(jsc.hadoopConfiguration()),
                work, bootstrap);
        // Groups travel in the task closure; only their parts come back, in group order.
        List<RiskDecomposition> parts = SparkTasks.onePerIndex(jsc, work.size(), task::decompose);
        for (int i = 0; i < work.size(); i++) {
            results.put(work.get(i).key(), parts.get(i));
        }
        return results;
    }

    /** The decomposition of the loss every run of the group trained with. */
    private static DecompositionKind decompositionOf(String key, List<RunRow> runs) throws BadInputException {
        Set<String> losses = runs.stream().map(run -> run.getLoss().toString()).collect(Collectors.toSet());
        if (losses.size() > 1) {
            throw new BadInputException("the runs of grid point " + key + " trained with different losses "
                    + new TreeSet<>(losses) + ": give each loss its own architecture label");
        }
        return DecompositionKind.ofLossColumn(losses.iterator().next());
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
    private record GroupRuns(String key, DesignedRuns runs, DecompositionKind decomposition) implements Serializable {
    }

    private record GroupTask(TableLayout layout, String dataRoot, SerializableConfiguration conf,
                             List<GroupRuns> groups, BootstrapSettings bootstrap) implements Serializable {
        /** The decomposition of group {@code index}. */
        RiskDecomposition decompose(int index) {
            GroupRuns group = groups.get(index);
            ExecutorThreads.configureForCurrentTask();
            Configuration hadoopConf = conf.value();
            try {
                List<Autoencoder> models = new ArrayList<>();
                SavedRun first = null;
                for (RunRow row : group.runs().runs()) {
                    SavedRun run = SavedRun.load(layout, row, hadoopConf);
                    first = first == null ? run : first;
                    models.add(run.model());
                }
                // Replicates share the test set (it depends on the dataset, test_limit and seed only) and,
                // being one architecture, its input scaling: reconstructions and targets are compared in
                // that scaled range, as the runs' losses are.
                TrainTestSplit data = ExecutorDataCache.get(dataRoot, first.config(), hadoopConf);
                RiskDecomposition parts = ReconstructionSpread.decompose(models, TrainingArrays.toMatrix(data.test()),
                        group.decomposition(), group.runs().design(), bootstrap);
                String note = group.runs().note();
                return note == null ? parts
                        : new RiskDecomposition(parts.kind(), parts.replicates(), parts.estimates(),
                                parts.intervals().withNote(note));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
