package org.aesweep.tables;

import java.util.ArrayList;
import java.util.List;

import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimestampLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;

/**
 * Reads timestamps in the unit a file stores them in. The runs table's timestamps were written in
 * milliseconds before they became microseconds (Trino reads only the latter). parquet-avro converts
 * a column by the reader schema's logical type, so a millisecond column read as
 * {@code timestamp-micros} would come back a thousand times too early; read as
 * {@code timestamp-millis} it gives the same instant, which the row class holds either way.
 */
final class TimestampUnits {
    private TimestampUnits() {
    }

    /** {@code reader} with each top-level timestamp field in the unit of the file's column. */
    static Schema asWritten(Schema reader, MessageType file) {
        boolean changed = false;
        List<Schema.Field> fields = new ArrayList<>();
        for (Schema.Field field : reader.getFields()) {
            Schema type = field.schema();
            LogicalType written = writtenUnit(file, field.name());
            if (written != null && type.getLogicalType() != null
                    && !written.getName().equals(type.getLogicalType().getName())) {
                type = written.addToSchema(Schema.create(Schema.Type.LONG));
                changed = true;
            }
            fields.add(new Schema.Field(field, type));
        }
        if (!changed) {
            return reader;
        }
        Schema copy = Schema.createRecord(reader.getName(), reader.getDoc(), reader.getNamespace(), false, fields);
        reader.getObjectProps().forEach(copy::addProp);
        return copy;
    }

    private static LogicalType writtenUnit(MessageType file, String column) {
        if (!file.containsField(column)) {
            return null;
        }
        Type type = file.getType(column);
        LogicalTypeAnnotation annotation = type.isPrimitive() ? type.getLogicalTypeAnnotation() : null;
        if (!(annotation instanceof TimestampLogicalTypeAnnotation timestamp)) {
            return null;
        }
        return switch (timestamp.getUnit()) {
            case MILLIS -> LogicalTypes.timestampMillis();
            case MICROS -> LogicalTypes.timestampMicros();
            default -> null;
        };
    }
}
