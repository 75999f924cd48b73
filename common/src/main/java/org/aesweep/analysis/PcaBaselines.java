package org.aesweep.analysis;

import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

import org.aesweep.data.LabeledImages;
import org.aesweep.data.TrainTestSplit;
import org.aesweep.outputs.RunConfigs;
import org.aesweep.spark.ExecutorDataCache;
import org.aesweep.spark.ExecutorThreads;
import org.aesweep.spark.SparkTasks;
import org.aesweep.spec.RunConfig;
import org.aesweep.tables.SweepTables;
import org.aesweep.tables.avro.RunRow;
import org.aesweep.train.TrainingArrays;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.SerializableConfiguration;

/**
 * The {@link PcaBaseline} of each dataset of a sweep, at the code sizes its finished runs have:
 * one Spark task per dataset reads the sweep's training images (its train_limit, less the
 * validation samples, before any replicate split) and test images, and fits on at most
 * {@link #MAX_FIT_IMAGES} of the training images, a seeded subset, so a report on the full
 * 60,000 stays quick; a few thousand images already pin 784 components down.
 */
public final class PcaBaselines {
    public static final int MAX_FIT_IMAGES = 10_000;

    private PcaBaselines() {
    }

    /** Baselines keyed by the runs table's dataset column; empty when no run finished. */
    public static Map<String, PcaBaseline> compute(SparkSession spark, SweepTables tables, String dataRoot)
            throws IOException {
        Map<String, DatasetRuns> datasets = new TreeMap<>();
        for (RunRow row : tables.allRows(RunRow.class)) {
            if (row.getStatus().equals("ok")) {
                datasets.computeIfAbsent(row.getDataset(), ignored -> new DatasetRuns(row, new TreeSet<>()))
                        .codeSizes().add(row.getCodeSize());
            }
        }
        Map<String, PcaBaseline> baselines = new TreeMap<>();
        if (datasets.isEmpty()) {
            return baselines;
        }
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        List<DatasetRuns> work = new ArrayList<>(datasets.values());
        Task task = new Task(dataRoot, new SerializableConfiguration(jsc.hadoopConfiguration()), work);
        List<PcaBaseline> fitted = SparkTasks.onePerIndex(jsc, work.size(), task::fit);
        for (int i = 0; i < work.size(); i++) {
            baselines.put(work.get(i).first().getDataset(), fitted.get(i));
        }
        return baselines;
    }

    /** A dataset's first finished run, whose config selects its images, and the code sizes of all of them. */
    private record DatasetRuns(RunRow first, SortedSet<Integer> codeSizes) implements Serializable {
    }

    private record Task(String dataRoot, SerializableConfiguration conf, List<DatasetRuns> datasets)
            implements Serializable {
        PcaBaseline fit(int index) {
            ExecutorThreads.configureForCurrentTask();
            DatasetRuns dataset = datasets.get(index);
            RunConfig config = RunConfigs.fromRunsRow(dataset.first());
            TrainTestSplit data = ExecutorDataCache.shared(dataRoot, config, conf.value());
            LabeledImages fitOn = data.train().subset(MAX_FIT_IMAGES, config.dataSeed());
            return PcaBaseline.fit(TrainingArrays.toMatrix(fitOn), TrainingArrays.toMatrix(data.test()),
                    dataset.codeSizes().stream().mapToInt(Integer::intValue).toArray());
        }
    }
}
