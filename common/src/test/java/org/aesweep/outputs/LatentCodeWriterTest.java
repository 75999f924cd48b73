package org.aesweep.outputs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.aesweep.data.LabeledImages;
import org.aesweep.spec.RunConfig;
import org.aesweep.tables.ParquetFiles;
import org.aesweep.tables.avro.LatentCodeRow;
import org.aesweep.testing.TestRuns;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class LatentCodeWriterTest {
    @TempDir
    Path work;

    @Test
    void writesOneRowPerSampleWithTheCodesPlainEncoded() throws Exception {
        int samples = 300;
        int[] labels = new int[samples];
        for (int i = 0; i < samples; i++) {
            labels[i] = i % 10;
        }
        LabeledImages test = LabeledImages.of(2, 2, new float[samples * 4], labels);
        // Few distinct values (as dead units give), so a dictionary would be kept if one were tried.
        INDArray codes = Nd4j.rand(DataType.FLOAT, samples, 6).muli(2).castTo(DataType.INT32).castTo(DataType.FLOAT);
        RunConfig run = TestRuns.shallow(6).build();
        Configuration conf = new Configuration();
        org.apache.hadoop.fs.Path file = new org.apache.hadoop.fs.Path(work.resolve("codes.parquet").toUri());

        LatentCodeWriter.write(file, run, codes, test, conf);

        List<LatentCodeRow> rows = ParquetFiles.read(file, LatentCodeRow.class, conf);
        assertEquals(samples, rows.size());
        LatentCodeRow last = rows.get(samples - 1);
        assertEquals(run.runId(), last.getRunId());
        assertEquals(labels[samples - 1], last.getLabel());
        List<Float> code = last.getCode();
        for (int unit = 0; unit < 6; unit++) {
            assertEquals(codes.getFloat(samples - 1, unit), code.get(unit));
        }
        // The codes skip the dictionary (real codes hardly repeat); the repetitive columns keep it.
        Set<String> checked = new java.util.HashSet<>();
        try (ParquetFileReader reader = ParquetFileReader.open(HadoopInputFile.fromPath(file, conf))) {
            for (ColumnChunkMetaData column : reader.getFooter().getBlocks().get(0).getColumns()) {
                Set<Encoding> encodings = column.getEncodings();
                boolean dictionary = encodings.contains(Encoding.PLAIN_DICTIONARY)
                        || encodings.contains(Encoding.RLE_DICTIONARY);
                String path = column.getPath().toDotString();
                if (path.equals("code.list.element")) {
                    assertFalse(dictionary, path + " " + encodings);
                    checked.add(path);
                } else if (path.equals("run_id")) {
                    assertTrue(dictionary, path + " " + encodings);
                    checked.add(path);
                }
            }
        }
        assertEquals(Set.of("code.list.element", "run_id"), checked);
    }
}
