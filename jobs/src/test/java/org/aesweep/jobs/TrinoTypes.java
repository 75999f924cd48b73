package org.aesweep.jobs;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StructType;

/**
 * The Trino type name that Trino's Iceberg connector gives a column Spark wrote with a given Spark
 * type, through the Iceberg type both map to: how a test says "Trino sees the types Spark wrote".
 */
final class TrinoTypes {
    private TrinoTypes() {
    }

    /** Column name to expected Trino type, in the schema's order. */
    static Map<String, String> of(StructType schema) {
        Map<String, String> types = new LinkedHashMap<>();
        Stream.of(schema.fields()).forEach(field -> types.put(field.name(), of(field.dataType())));
        return types;
    }

    static String of(DataType type) {
        if (type instanceof ArrayType array) {
            return "array(" + of(array.elementType()) + ")";
        }
        if (type instanceof MapType map) {
            return "map(" + of(map.keyType()) + ", " + of(map.valueType()) + ")";
        }
        if (type instanceof StructType struct) {
            return Stream.of(struct.fields()).map(field -> field.name() + " " + of(field.dataType()))
                    .collect(Collectors.joining(", ", "row(", ")"));
        }
        if (type instanceof DecimalType decimal) {
            return "decimal(" + decimal.precision() + "," + decimal.scale() + ")";
        }
        if (type.equals(DataTypes.StringType)) {
            return "varchar";
        }
        if (type.equals(DataTypes.IntegerType)) {
            return "integer";
        }
        if (type.equals(DataTypes.LongType)) {
            return "bigint";
        }
        if (type.equals(DataTypes.DoubleType)) {
            return "double";
        }
        if (type.equals(DataTypes.FloatType)) {
            return "real";
        }
        if (type.equals(DataTypes.BooleanType)) {
            return "boolean";
        }
        if (type.equals(DataTypes.DateType)) {
            return "date";
        }
        if (type.equals(DataTypes.TimestampType)) {
            // Spark's TIMESTAMP is an instant: Iceberg's timestamptz, in microseconds.
            return "timestamp(6) with time zone";
        }
        if (type.equals(DataTypes.TimestampNTZType)) {
            return "timestamp(6)";
        }
        if (type.equals(DataTypes.BinaryType)) {
            return "varbinary";
        }
        throw new IllegalArgumentException("no Trino type known for Spark's " + type.simpleString());
    }
}
