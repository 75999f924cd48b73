package org.aesweep.report;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.aesweep.analysis.SavedRun;
import org.aesweep.data.LabeledImages;
import org.aesweep.spark.ExecutorDataCache;
import org.aesweep.spark.ExecutorThreads;
import org.aesweep.spark.SparkTasks;
import org.aesweep.spec.InputScaling;
import org.aesweep.spec.RunConfig;
import org.aesweep.tables.SweepTables;
import org.aesweep.tables.TableLayout;
import org.aesweep.tables.avro.RunRow;
import org.aesweep.train.NoiseModels;
import org.aesweep.train.TrainingArrays;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.SerializableConfiguration;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Per curve, the same test images (the first of each class) reconstructed at every code size, a
 * row per code size under the originals, from the first replicate's saved models. For a curve with
 * input noise, a second montage shows what denoising does: the clean images, one seeded draw of the
 * curve's noise on them (its runs' noise model, seeded with the smallest code size's run seed), and
 * each code size's reconstruction of those noisy inputs. One Spark task per curve loads its models
 * and the test set; only the PNGs' paths come back.
 */
final class CodeSizeMontages {
    private CodeSizeMontages() {
    }

    /** The montages written, each list in curve order. */
    record Montages(List<Path> byCodeSize, List<Path> denoising) {
    }

    static Montages draw(SparkSession spark, SweepTables tables, String dataRoot, Path reportDir) throws IOException {
        Map<Curve, List<RunRow>> curves = new LinkedHashMap<>();
        tables.allRows(RunRow.class).stream()
                .filter(row -> row.getStatus().equals("ok") && row.getReplicate() == 0)
                .sorted(Comparator.comparing((RunRow row) -> Curve.of(row).title()).thenComparing(RunRow::getCodeSize))
                .forEach(row -> curves.computeIfAbsent(Curve.of(row), ignored -> new ArrayList<>()).add(row));
        List<Path> byCodeSize = new ArrayList<>();
        List<Path> denoising = new ArrayList<>();
        if (curves.isEmpty()) {
            return new Montages(byCodeSize, denoising);
        }
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        List<Curve> keys = new ArrayList<>(curves.keySet());
        Task task = new Task(tables.layout(), dataRoot, reportDir.toString(),
                new SerializableConfiguration(jsc.hadoopConfiguration()), keys, new ArrayList<>(curves.values()));
        for (List<String> pngs : SparkTasks.onePerIndex(jsc, keys.size(), task::draw)) {
            byCodeSize.add(new Path(pngs.get(0)));
            if (pngs.size() > 1) {
                denoising.add(new Path(pngs.get(1)));
            }
        }
        return new Montages(byCodeSize, denoising);
    }

    private record Task(TableLayout layout, String dataRoot, String reportDir, SerializableConfiguration conf,
                        List<Curve> curves, List<List<RunRow>> runs) implements Serializable {
        /** The by-code-size montage of curve {@code index}, then its denoising montage if it has noise. */
        List<String> draw(int index) {
            ExecutorThreads.configureForCurrentTask();
            Configuration hadoopConf = conf.value();
            Curve curve = curves.get(index);
            try {
                List<SavedRun> models = new ArrayList<>();
                for (RunRow row : runs.get(index)) {
                    models.add(SavedRun.load(layout, row, hadoopConf));
                }
                RunConfig first = models.get(0).config();
                // [0, 1] images, noised in intensity units; each model scales them to its own input scaling.
                LabeledImages test = ExecutorDataCache.get(dataRoot, first, InputScaling.UNIT, hadoopConf).test();
                int[] shown = ReconstructionMontage.firstOfEachClass(test);
                INDArray clean = TrainingArrays.toMatrix(test).getRows(shown);
                List<String> columns = ClassNames.of(curve.dataset(), test, shown);
                List<String> written = new ArrayList<>();
                written.add(montage(curve, models, List.of("original"), List.of(clean), clean, columns,
                        "reconstructions-by-code-size_", hadoopConf));
                if (curve.noisy()) {
                    INDArray noisy = NoiseModels.create(first.noise().kind(), first.noise().level(), first.runSeed())
                            .corrupt(clean.dup());
                    String noise = "noisy (" + curve.noiseKind() + " " + curve.noiseLevel() + ")";
                    written.add(montage(curve, models, List.of("clean", noise), List.of(clean, noisy), noisy,
                            columns, "denoising_", hadoopConf));
                }
                return written;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** The given input rows, then each model's reconstruction of {@code input}, a row per code size. */
        private String montage(Curve curve, List<SavedRun> models, List<String> inputLabels, List<INDArray> inputRows,
                               INDArray input, List<String> columns, String prefix, Configuration hadoopConf)
                throws IOException {
            List<String> labels = new ArrayList<>(inputLabels);
            List<List<float[]>> rows = new ArrayList<>();
            inputRows.forEach(images -> rows.add(List.of(images.toFloatMatrix())));
            for (SavedRun model : models) {
                labels.add("code size " + model.config().architecture().codeSize());
                rows.add(List.of(model.reconstructedImages(input).toFloatMatrix()));
            }
            Path png = new Path(reportDir, prefix + curve.fileName() + ".png");
            ImageMontage.writeTable(labels, columns, rows, models.get(0).imageRows(), models.get(0).imageCols(), png,
                    hadoopConf);
            return png.toString();
        }
    }
}
