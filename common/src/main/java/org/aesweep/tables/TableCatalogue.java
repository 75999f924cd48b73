package org.aesweep.tables;

import java.util.stream.Collectors;

import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;

/**
 * The column catalogue of docs/tables.md, generated from the Avro schemas (every field's type and doc), so
 * the documentation cannot drift from what the jobs write. Run the main to print it; a test checks
 * that docs/tables.md holds exactly this text.
 */
public final class TableCatalogue {
    private TableCatalogue() {
    }

    public static void main(String[] args) {
        System.out.print(markdown());
    }

    /** One markdown table per data table, in {@link Table} order. */
    public static String markdown() {
        StringBuilder text = new StringBuilder();
        for (Table table : Table.values()) {
            Schema schema = table.schema();
            text.append("#### `").append(table.directoryName()).append("`\n\n").append(schema.getDoc()).append("\n\n")
                    .append("| column | type | meaning |\n|---|---|---|\n");
            for (Schema.Field field : schema.getFields()) {
                text.append("| `").append(field.name()).append("` | ").append(typeName(field.schema())).append(" | ")
                        .append(field.doc().replace("|", "\\|")).append(" |\n");
            }
            text.append('\n');
        }
        return text.toString();
    }

    static String typeName(Schema schema) {
        if (schema.getType() == Schema.Type.UNION) {
            return schema.getTypes().stream().filter(s -> s.getType() != Schema.Type.NULL).map(TableCatalogue::typeName)
                    .collect(Collectors.joining(" or ")) + ", nullable";
        }
        if (schema.getLogicalType() instanceof LogicalTypes.TimestampMicros) {
            return "timestamp (µs, UTC)";
        }
        if (schema.getType() == Schema.Type.ARRAY) {
            return "list of " + typeName(schema.getElementType());
        }
        return schema.getType().getName();
    }
}
