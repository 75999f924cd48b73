package org.aesweep.sweep;

import java.util.List;
import java.util.stream.Collectors;

import org.aesweep.tables.avro.RunRow;

/**
 * The message that refuses to resume a sweep id whose committed runs include runs its spec no
 * longer has: kept, their rows would join this grid's grid points in the aggregation (a changed
 * recipe gives new run ids for the same architecture, code size and noise).
 */
final class RunsNotInGrid {
    private static final int NAMED = 3;

    private RunsNotInGrid() {
    }

    static String describe(String sweepId, List<RunRow> runs) {
        String named = runs.stream().limit(NAMED)
                .map(row -> row.getRunId() + " (" + row.getArchitecture() + " code=" + row.getCodeSize() + " noise="
                        + row.getNoiseKind() + ":" + row.getNoiseLevel() + " rep=" + row.getReplicate() + ")")
                .collect(Collectors.joining(", "));
        return "sweep " + sweepId + " holds " + runs.size() + " committed run(s) that this spec does not have, e.g. "
                + named + (runs.size() > NAMED ? ", ..." : "") + ": the spec changed since they trained, and their rows"
                + " would join this grid's in the aggregation. Rerun with --drop-runs-not-in-grid to remove their rows"
                + " first, with --overwrite to retrain the whole sweep, or under a new --sweep-id";
    }
}
