package org.aesweep.report;

import static org.apache.spark.sql.functions.col;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.aesweep.analysis.ClassMeanCodes;
import org.aesweep.analysis.SavedRun;
import org.aesweep.tables.SweepTables;
import org.aesweep.tables.Table;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Per grid point (its first replicate), the pictures the study drew by hand: each class's mean code
 * decoded back to an image, and for dense encoders the first layer's weights as images (one tile per
 * hidden unit, each scaled to its own range). Loads one small model at a time on the driver and
 * reads only that run's codes.
 */
public final class RunPictures {
    static final int MAX_WEIGHT_TILES = 40;

    /** The montages written. */
    public record Pictures(List<Path> classMeans, List<Path> weights) {
    }

    private RunPictures() {
    }

    public static Pictures draw(SparkSession spark, SweepTables tables, Path reportDir) throws IOException {
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        List<Row> runs = tables.dataset(spark, Table.RUNS)
                .where(col("status").equalTo("ok").and(col("replicate").equalTo(0)))
                .select("run_id", "dataset", "architecture", "noise_kind", "noise_level", "code_size")
                .orderBy("architecture", "noise_kind", "noise_level", "code_size").collectAsList();
        List<Path> classMeans = new ArrayList<>();
        List<Path> weights = new ArrayList<>();
        for (Row run : runs) {
            String runId = run.getAs("run_id");
            String name = ChartFiles.fileSafe(String.format(Locale.ROOT, "%s_%s_noise=%s_%s_code=%d",
                    run.getAs("dataset"), run.getAs("architecture"), run.getAs("noise_kind"), run.getAs("noise_level"),
                    run.<Integer>getAs("code_size")));
            SavedRun saved = SavedRun.load(tables, runId);
            classMeans.add(classMeans(tables, runId, run.getAs("dataset"), saved,
                    new Path(reportDir, "class-means_" + name + ".png"), conf));
            if (saved.model().network().getLayerWiseConfigurations().getConf(0).getLayer() instanceof DenseLayer) {
                weights.add(firstLayerWeights(saved, new Path(reportDir, "weights_" + name + ".png"), conf));
            }
        }
        return new Pictures(classMeans, weights);
    }

    private static Path classMeans(SweepTables tables, String runId, String dataset, SavedRun saved, Path png,
                                   Configuration conf) throws IOException {
        List<float[]> codes = new ArrayList<>();
        List<String> captions = new ArrayList<>();
        for (Map.Entry<Integer, float[]> mean : ClassMeanCodes.of(tables, runId).entrySet()) {
            codes.add(mean.getValue());
            captions.add(ClassNames.of(dataset, mean.getKey()));
        }
        float[][] images = saved.decodedImages(Nd4j.create(codes.toArray(new float[0][]))).toFloatMatrix();
        ImageMontage.write(List.of(images), captions, saved.imageRows(), saved.imageCols(), png, conf);
        return png;
    }

    /** Columns of the first weight matrix (pixels x units) as images, each min-max scaled. */
    private static Path firstLayerWeights(SavedRun saved, Path png, Configuration conf) throws IOException {
        INDArray w = saved.model().network().getLayer(0).getParam("W");
        int units = (int) Math.min(MAX_WEIGHT_TILES, w.columns());
        List<float[]> tiles = new ArrayList<>();
        List<String> captions = new ArrayList<>();
        for (int unit = 0; unit < units; unit++) {
            float[] tile = w.getColumn(unit).toFloatVector();
            float min = Float.POSITIVE_INFINITY;
            float max = Float.NEGATIVE_INFINITY;
            for (float value : tile) {
                min = Math.min(min, value);
                max = Math.max(max, value);
            }
            float range = max > min ? max - min : 1f;
            for (int i = 0; i < tile.length; i++) {
                tile[i] = (tile[i] - min) / range;
            }
            tiles.add(tile);
            captions.add("unit " + unit);
        }
        ImageMontage.write(tiles, captions, saved.imageRows(), saved.imageCols(), png, conf);
        return png;
    }
}
