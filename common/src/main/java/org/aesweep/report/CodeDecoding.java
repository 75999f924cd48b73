package org.aesweep.report;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.aesweep.BadInputException;
import org.aesweep.analysis.ClassMeanCodes;
import org.aesweep.analysis.SavedRun;
import org.aesweep.tables.SweepTables;
import org.aesweep.tables.TableCatalog;
import org.aesweep.tables.TableLayout;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Decodes chosen code vectors with a run's trained decoder and draws them: the study's "which code
 * makes a 1" experiment. Points are checked against the run's code size before anything is drawn.
 */
public final class CodeDecoding {
    private CodeDecoding() {
    }

    /** Writes the montage and returns its path. */
    public static Path run(DecodeRequest request, TableCatalog catalog) throws IOException, BadInputException {
        TableLayout layout = new TableLayout(catalog.outRoot(), request.sweepId());
        SweepTables tables = new SweepTables(catalog, layout);
        Configuration conf = catalog.hadoopConf();
        SavedRun saved = SavedRun.load(tables, request.runId());
        int codeSize = saved.config().architecture().codeSize();
        List<float[]> codes = new ArrayList<>();
        List<String> captions = new ArrayList<>();
        for (int i = 0; i < request.points().size(); i++) {
            float[] point = request.points().get(i);
            if (point.length != codeSize) {
                throw new BadInputException("--point #" + (i + 1) + " has " + point.length + " value(s) but run "
                        + request.runId() + " has code size " + codeSize);
            }
            codes.add(point);
            captions.add(caption(point));
        }
        if (request.classMeans()) {
            for (Map.Entry<Integer, float[]> mean : ClassMeanCodes.of(tables, request.runId()).entrySet()) {
                codes.add(mean.getValue());
                captions.add("class " + mean.getKey());
            }
        }
        float[][] images = saved.decodedImages(Nd4j.create(codes.toArray(new float[0][]))).toFloatMatrix();
        Path png = request.png() != null ? new Path(request.png())
                : new Path(layout.reportDir(), "decoded-" + request.runId() + ".png");
        ImageMontage.write(Arrays.asList(images), captions, saved.imageRows(), saved.imageCols(), png, conf);
        return png;
    }

    private static String caption(float[] point) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < point.length && text.length() < 14; i++) {
            text.append(i == 0 ? "" : ",").append(String.format(java.util.Locale.ROOT, "%.3g", point[i]));
        }
        return point.length > 0 && text.length() >= 14 ? text + ".." : text.toString();
    }
}
