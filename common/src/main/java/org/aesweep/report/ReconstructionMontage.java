package org.aesweep.report;

import static org.apache.spark.sql.functions.col;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.aesweep.analysis.SavedRun;
import org.aesweep.data.LabeledImages;
import org.aesweep.spark.ExecutorDataCache;
import org.aesweep.spark.ExecutorThreads;
import org.aesweep.spark.SparkTasks;
import org.aesweep.spec.InputScaling;
import org.aesweep.tables.SweepTables;
import org.aesweep.tables.Table;
import org.aesweep.tables.TableLayout;
import org.aesweep.tables.avro.RunRow;
import org.aesweep.train.TrainingArrays;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.SerializableConfiguration;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Per code size, one montage: the first test image of every class, then each architecture x noise
 * (first replicate) reconstructing them, a labelled row each. Drawn in one Spark task per code size, where
 * the models and the test set are loaded; only the PNG's path comes back.
 */
public final class ReconstructionMontage {
    private ReconstructionMontage() {
    }

    public static List<Path> draw(SparkSession spark, SweepTables tables, String dataRoot, Path reportDir)
            throws IOException {
        Map<String, RunRow> runsRows = new HashMap<>();
        for (RunRow row : tables.allRows(RunRow.class)) {
            runsRows.put(row.getRunId(), row);
        }
        Map<Integer, List<RunRow>> runsByCode = new TreeMap<>();
        for (Row run : tables.dataset(spark, Table.RUNS)
                .where(col("status").equalTo("ok").and(col("replicate").equalTo(0)))
                .orderBy("architecture", "noise_kind", "noise_level").select("code_size", "run_id").collectAsList()) {
            runsByCode.computeIfAbsent(run.getInt(0), ignored -> new ArrayList<>()).add(runsRows.get(run.getString(1)));
        }
        List<Path> written = new ArrayList<>();
        if (runsByCode.isEmpty()) {
            return written;
        }
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        List<List<RunRow>> groups = new ArrayList<>(runsByCode.values());
        Task task = new Task(tables.layout(), dataRoot, reportDir.toString(),
                new SerializableConfiguration(jsc.hadoopConfiguration()), groups);
        for (String png : SparkTasks.onePerIndex(jsc, groups.size(), task::draw)) {
            written.add(new Path(png));
        }
        return written;
    }

    private record Task(TableLayout layout, String dataRoot, String reportDir, SerializableConfiguration conf,
                        List<List<RunRow>> groups) implements Serializable {
        String draw(int index) {
            ExecutorThreads.configureForCurrentTask();
            Configuration hadoopConf = conf.value();
            try {
                List<SavedRun> runs = new ArrayList<>();
                for (RunRow row : groups.get(index)) {
                    runs.add(SavedRun.load(layout, row, hadoopConf));
                }
                // The same [0, 1] images for every run; each run scales them to its own input scaling.
                LabeledImages test =
                        ExecutorDataCache.get(dataRoot, runs.get(0).config(), InputScaling.UNIT, hadoopConf).test();
                int[] firstOfClass = firstOfEachClass(test);
                INDArray inputs = TrainingArrays.toMatrix(test).getRows(firstOfClass);
                List<String> columns = ClassNames.of(runs.get(0).config().data().dataset(), test, firstOfClass);
                List<String> labels = new ArrayList<>(List.of("input"));
                List<List<float[]>> rows = new ArrayList<>();
                rows.add(List.of(inputs.toFloatMatrix()));
                for (int i = 0; i < runs.size(); i++) {
                    labels.add(Curve.of(groups.get(index).get(i)).label());
                    rows.add(List.of(runs.get(i).reconstructedImages(inputs).toFloatMatrix()));
                }
                Path png = new Path(reportDir, "reconstructions_code=" + runs.get(0).config().architecture().codeSize() + ".png");
                ImageMontage.writeTable(labels, columns, rows, runs.get(0).imageRows(), runs.get(0).imageCols(), png,
                        hadoopConf);
                return png.toString();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Index of the first test sample of each class present, in class order. */
    static int[] firstOfEachClass(LabeledImages test) {
        Map<Integer, Integer> first = new TreeMap<>();
        for (int i = 0; i < test.count(); i++) {
            first.putIfAbsent(test.label(i), i);
        }
        return first.values().stream().mapToInt(Integer::intValue).toArray();
    }
}
