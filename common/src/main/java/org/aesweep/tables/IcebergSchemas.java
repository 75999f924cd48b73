package org.aesweep.tables;

import java.util.ArrayList;
import java.util.List;

import org.apache.iceberg.Schema;
import org.apache.iceberg.avro.AvroSchemaUtil;
import org.apache.iceberg.types.Types;

/**
 * A table's Iceberg schema, made from the Avro schema its files are written with. Iceberg's
 * runtime jar carries its own relocated Avro, so the schema crosses over as JSON.
 */
final class IcebergSchemas {
    /** The partition column: a sweep's files carry it in their DataFile's partition, not as a column. */
    static final String SWEEP_ID = "sweep_id";

    private IcebergSchemas() {
    }

    /**
     * The table's columns plus {@code sweep_id}. parquet-avro writes timestamps adjusted to UTC,
     * which is Iceberg's {@code timestamptz}; Avro's timestamp types alone would map to the
     * zone-less kind.
     */
    static Schema of(Table table) {
        Schema fromAvro = AvroSchemaUtil.toIceberg(
                new org.apache.iceberg.shaded.org.apache.avro.Schema.Parser().parse(table.schema().toString()));
        List<Types.NestedField> columns = new ArrayList<>();
        for (Types.NestedField field : fromAvro.columns()) {
            columns.add(field.type() instanceof Types.TimestampType
                    ? Types.NestedField.of(field.fieldId(), field.isOptional(), field.name(),
                    Types.TimestampType.withZone(), field.doc())
                    : field);
        }
        columns.add(Types.NestedField.optional(fromAvro.highestFieldId() + 1, SWEEP_ID, Types.StringType.get(),
                "the sweep id the run was trained under; with run_id, the key that joins the tables"));
        return new Schema(columns);
    }
}
