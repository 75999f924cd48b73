package org.aesweep.tables;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.avro.AvroReadSupport;
import org.apache.parquet.avro.AvroWriteSupport;
import org.apache.parquet.filter2.compat.FilterCompat;
import org.apache.parquet.filter2.predicate.FilterApi;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.hadoop.util.HadoopOutputFile;
import org.apache.parquet.io.api.Binary;

/** Writes and reads Parquet files of Avro-generated records through parquet-avro. */
public final class ParquetFiles {
    private ParquetFiles() {
    }

    /**
     * Opens a writer for records of {@code type}. The generated class's own data model is used so
     * logical types (timestamps) convert as the schema says.
     */
    public static <T extends SpecificRecord> ParquetWriter<T> writer(Path path, Class<T> type, Schema schema,
                                                                     Configuration conf) throws IOException {
        return writer(path, type, schema, conf, List.of());
    }

    /**
     * As {@link #writer(Path, Class, Schema, Configuration)}, with the given columns (Parquet paths,
     * e.g. {@code code.list.element}) plain-encoded: for floats that hardly repeat a dictionary only fills
     * up and is dropped, which took half the time of writing a run's latent codes.
     */
    public static <T extends SpecificRecord> ParquetWriter<T> writer(Path path, Class<T> type, Schema schema,
                                                                     Configuration conf, List<String> plainColumns)
            throws IOException {
        AvroParquetWriter.Builder<T> builder = AvroParquetWriter.<T>builder(HadoopOutputFile.fromPath(path, conf))
                .withConf(writeConfiguration(conf))
                .withSchema(schema)
                .withDataModel(SpecificData.getForClass(type))
                .withCompressionCodec(CompressionCodecName.SNAPPY)
                .withWriteMode(ParquetFileWriter.Mode.OVERWRITE);
        for (String column : plainColumns) {
            builder = builder.withDictionaryEncoding(column, false);
        }
        return builder.build();
    }

    /**
     * {@code conf} as the writer uses it: lists in Parquet's standard 3-level form, because Iceberg's
     * and Trino's readers misread the legacy 2-level form parquet-avro writes by default.
     */
    public static Configuration writeConfiguration(Configuration conf) {
        Configuration writeConf = new Configuration(conf);
        writeConf.setBoolean(AvroWriteSupport.WRITE_OLD_LIST_STRUCTURE, false);
        return writeConf;
    }

    public static <T extends SpecificRecord> void write(Path path, Class<T> type, Schema schema,
                                                        Iterable<T> records, Configuration conf) throws IOException {
        try (ParquetWriter<T> writer = writer(path, type, schema, conf)) {
            for (T record : records) {
                writer.write(record);
            }
        }
    }

    /**
     * Opens a reader of a table file that returns {@code type}'s records in today's schema, whatever
     * schema wrote the file (see {@link TableReadSupport}).
     */
    public static <T extends SpecificRecord> ParquetReader<T> reader(Path path, Class<T> type, Configuration conf)
            throws IOException {
        return reader(path, type, FilterCompat.NOOP, conf);
    }

    /** Every record of a table file, as {@link #reader(Path, Class, Configuration)} reads them. */
    public static <T extends SpecificRecord> List<T> read(Path path, Class<T> type, Configuration conf)
            throws IOException {
        return readAll(reader(path, type, conf));
    }

    /** The records of a file whose string column {@code column} equals {@code value}, filtered while reading. */
    public static <T extends SpecificRecord> List<T> readMatching(Path path, Class<T> type, String column,
                                                                  String value, Configuration conf)
            throws IOException {
        FilterCompat.Filter filter = FilterCompat.get(FilterApi.eq(FilterApi.binaryColumn(column),
                Binary.fromString(value)));
        return readAll(reader(path, type, filter, conf));
    }

    /** The values of one string column of a file, reading that column alone. */
    public static List<String> readStrings(Path path, String column, Configuration conf) throws IOException {
        List<String> values = new ArrayList<>();
        scanStrings(path, column, conf, values::add);
        return values;
    }

    /** Streams the values of one string column of a file to {@code each}, reading that column alone. */
    public static void scanStrings(Path path, String column, Configuration conf, Consumer<String> each)
            throws IOException {
        Schema projection = SchemaBuilder.record("projection").fields().requiredString(column).endRecord();
        Configuration readConf = new Configuration(conf);
        AvroReadSupport.setRequestedProjection(readConf, projection);
        AvroReadSupport.setAvroReadSchema(readConf, projection);
        try (ParquetReader<GenericRecord> reader = AvroParquetReader.<GenericRecord>builder(
                HadoopInputFile.fromPath(path, readConf)).withDataModel(GenericData.get()).withConf(readConf).build()) {
            for (GenericRecord record = reader.read(); record != null; record = reader.read()) {
                each.accept(record.get(column).toString());
            }
        }
    }

    private static <T extends SpecificRecord> ParquetReader<T> reader(Path path, Class<T> type,
                                                                      FilterCompat.Filter filter, Configuration conf)
            throws IOException {
        return ParquetReader.builder(new TableReadSupport<>(path, type), path).withConf(conf).withFilter(filter)
                .build();
    }

    private static <T> List<T> readAll(ParquetReader<T> reader) throws IOException {
        List<T> records = new ArrayList<>();
        try (reader) {
            for (T record = reader.read(); record != null; record = reader.read()) {
                records.add(record);
            }
        }
        return records;
    }
}
