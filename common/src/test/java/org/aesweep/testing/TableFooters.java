package org.aesweep.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;

import org.aesweep.tables.ParquetFiles;
import org.aesweep.tables.Table;
import org.apache.avro.Schema;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.avro.AvroSchemaConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.FileMetaData;
import org.apache.parquet.hadoop.util.HadoopInputFile;

/** What a table file's footer says it was written as. */
public final class TableFooters {
    private TableFooters() {
    }

    /**
     * The file carries today's Avro schema of {@code table}, and the Parquet columns today's writer
     * gives it (3-level lists, microsecond timestamps), whatever files its rows came from.
     */
    public static void assertTodaysSchema(Path file, Table table, Configuration conf) throws IOException {
        try (ParquetFileReader reader = ParquetFileReader.open(HadoopInputFile.fromPath(file, conf))) {
            FileMetaData footer = reader.getFooter().getFileMetaData();
            String avroSchema = footer.getKeyValueMetaData().get("parquet.avro.schema");
            assertEquals(table.schema(), new Schema.Parser().parse(avroSchema), file.toString());
            assertEquals(new AvroSchemaConverter(ParquetFiles.writeConfiguration(conf)).convert(table.schema()),
                    footer.getSchema(), file.toString());
        }
    }
}
