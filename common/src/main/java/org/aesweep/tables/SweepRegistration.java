package org.aesweep.tables;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What registering one sweep's old-layout files did.
 *
 * @param registered the rows registered now, per table that had old files (a table whose files
 *                   hold no rows has nothing to commit)
 * @param inCatalog  the tables that held rows of the sweep already, which were left as they are
 * @param refusal    why nothing of the sweep was registered, or null
 */
public record SweepRegistration(String sweepId, Map<Table, Long> registered, Set<Table> inCatalog, String refusal) {
    public SweepRegistration {
        registered = registered.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(registered));
        inCatalog = Set.copyOf(inCatalog);
    }

    public boolean refused() {
        return refusal != null;
    }

    /** One line per table: its rows registered now, or that the catalog holds its rows already. */
    public List<String> describe() {
        List<String> lines = new ArrayList<>();
        if (refused()) {
            lines.add("sweep " + sweepId + ": refused, nothing registered: " + refusal);
            return lines;
        }
        for (Table table : Table.inCommitOrder()) {
            String prefix = "sweep " + sweepId + ", " + table.directoryName() + ": ";
            if (registered.containsKey(table)) {
                lines.add(prefix + registered.get(table) + " row(s) registered");
            } else if (inCatalog.contains(table)) {
                lines.add(prefix + "already registered");
            }
        }
        if (lines.isEmpty()) {
            lines.add("sweep " + sweepId + ": no table files of the old layout, nothing to register");
        }
        return lines;
    }
}
