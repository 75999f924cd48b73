package org.aesweep.sweep;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.aesweep.data.LabeledImages;
import org.aesweep.grid.RunConfig;
import org.aesweep.io.ParquetFiles;
import org.aesweep.io.avro.LatentCodeRow;
import org.aesweep.model.Autoencoder;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.hadoop.ParquetWriter;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** Encodes the clean test set in chunks and streams one latent_codes row per test sample. */
final class LatentCodeWriter {
    private static final int CHUNK = 2000;

    private LatentCodeWriter() {
    }

    static void write(Path file, RunConfig config, Autoencoder model, INDArray testInputs, LabeledImages test,
                      Configuration conf) throws IOException {
        try (ParquetWriter<LatentCodeRow> writer =
                     ParquetFiles.writer(file, LatentCodeRow.class, LatentCodeRow.getClassSchema(), conf)) {
            long rows = testInputs.rows();
            for (long start = 0; start < rows; start += CHUNK) {
                long end = Math.min(rows, start + CHUNK);
                float[][] codes = model.encode(testInputs.get(NDArrayIndex.interval(start, end), NDArrayIndex.all()))
                        .toFloatMatrix();
                for (int i = 0; i < codes.length; i++) {
                    int sample = (int) start + i;
                    LatentCodeRow row = GridPointColumns.fill(new LatentCodeRow(), config);
                    row.setSampleIndex(test.sourceIndex(sample));
                    row.setLabel(test.label(sample));
                    row.setCode(toList(codes[i]));
                    writer.write(row);
                }
            }
        }
    }

    private static List<Float> toList(float[] values) {
        List<Float> list = new ArrayList<>(values.length);
        for (float value : values) {
            list.add(value);
        }
        return list;
    }
}
