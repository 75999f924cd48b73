package org.aesweep.tables;

import org.apache.avro.Schema;
import org.apache.avro.data.TimeConversions;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.avro.AvroReadSupport;
import org.apache.parquet.hadoop.api.InitContext;
import org.apache.parquet.io.InvalidRecordException;
import org.apache.parquet.schema.MessageType;

/**
 * parquet-avro's reading of one table file into today's generated row class. Today's schema is the
 * Avro reader schema, so a file written under an older one is resolved as Avro resolves it: a
 * column the file lacks takes its .avsc default. Where such a column has no default, Avro would
 * refuse the file but parquet-avro leaves the field unset (null, or 0 in a generated class's
 * primitive); this refuses the file, so it cannot pass for rows of zeros. Timestamps are read in
 * the unit the file stores them in (see {@link TimestampUnits}).
 */
final class TableReadSupport<T extends SpecificRecord> extends AvroReadSupport<T> {
    private final Path file;
    private final Schema schema;

    TableReadSupport(Path file, Class<T> rowType) {
        super(modelFor(rowType));
        this.file = file;
        this.schema = SpecificData.get().getSchema(rowType);
    }

    /** The row class's own data model, able to read millisecond timestamps too (see {@link TimestampUnits}). */
    private static SpecificData modelFor(Class<?> rowType) {
        SpecificData model = new SpecificData(rowType.getClassLoader());
        SpecificData.getForClass(rowType).getConversions().forEach(model::addLogicalTypeConversion);
        model.addLogicalTypeConversion(new TimeConversions.TimestampMillisConversion());
        return model;
    }

    /**
     * Every Parquet release calls this first (the overloads it then delegates to differ between
     * releases), so the checks and the reader schema go here.
     */
    @Override
    public ReadContext init(InitContext context) {
        MessageType fileSchema = context.getFileSchema();
        for (Schema.Field field : schema.getFields()) {
            if (!field.hasDefaultValue() && !fileSchema.containsField(field.name())) {
                throw new InvalidRecordException(file + " has no column " + field.name() + ", and "
                        + schema.getName() + " gives it no default to read in its place");
            }
        }
        // Only the reader schema, no requested projection: a projection naming a column the file
        // lacks would read it as missing rather than as its default. Set on a copy, because the
        // caller's configuration may be Spark's.
        Configuration readConf = new Configuration(context.getConfiguration());
        setAvroReadSchema(readConf, TimestampUnits.asWritten(schema, fileSchema));
        return super.init(new InitContext(readConf, context.getKeyValueMetadata(), fileSchema));
    }
}
