package org.aesweep.jobs;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one Trino query returned: its columns with Trino's type names (e.g. {@code varchar},
 * {@code array(integer)}, {@code timestamp(6) with time zone}) and its rows as JSON decodes them
 * (numbers as Integer, Long or Double, arrays as lists, temporal values as Trino's strings).
 */
record TrinoResult(List<Column> columns, List<List<Object>> rows) {
    record Column(String name, String type) {
    }

    TrinoResult {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }

    /** Column name to Trino type, in the result's order. */
    Map<String, String> types() {
        Map<String, String> types = new LinkedHashMap<>();
        columns.forEach(column -> types.put(column.name(), column.type()));
        return types;
    }

    /** The value of a one-row, one-column result (a count, say). */
    Object single() {
        if (rows.size() != 1 || rows.get(0).size() != 1) {
            throw new IllegalStateException("expected one value, got " + rows);
        }
        return rows.get(0).get(0);
    }

    /** The values of the column {@code name}, one per row. */
    List<Object> column(String name) {
        int index = columns.stream().map(Column::name).toList().indexOf(name);
        if (index < 0) {
            throw new IllegalArgumentException("no column " + name + " in " + columns);
        }
        return rows.stream().map(row -> row.get(index)).toList();
    }
}
