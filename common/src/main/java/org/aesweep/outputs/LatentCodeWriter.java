package org.aesweep.outputs;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.aesweep.data.LabeledImages;
import org.aesweep.spec.RunConfig;
import org.aesweep.tables.ParquetFiles;
import org.aesweep.tables.avro.LatentCodeRow;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.hadoop.ParquetWriter;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Streams one latent_codes row per test sample from the codes of the clean test set. */
final class LatentCodeWriter {
    /** The codes' Parquet column, in the standard 3-level list form ParquetFiles writes. */
    private static final List<String> CODE_COLUMN = List.of("code.list.element");

    private LatentCodeWriter() {
    }

    /** @param testCodes (test samples, code size), row i the code of {@code test}'s sample i */
    static void write(Path file, RunConfig config, INDArray testCodes, LabeledImages test, Configuration conf)
            throws IOException {
        float[][] codes = testCodes.toFloatMatrix();
        try (ParquetWriter<LatentCodeRow> writer =
                     ParquetFiles.writer(file, LatentCodeRow.class, LatentCodeRow.getClassSchema(), conf, CODE_COLUMN)) {
            for (int sample = 0; sample < codes.length; sample++) {
                LatentCodeRow row = GridPointColumns.fill(new LatentCodeRow(), config);
                row.setSampleIndex(test.sourceIndex(sample));
                row.setLabel(test.label(sample));
                row.setCode(toList(codes[sample]));
                writer.write(row);
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
