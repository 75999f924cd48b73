package org.aesweep.sweep;

import java.util.List;
import java.util.stream.Collectors;

import org.aesweep.tables.avro.RunRow;

/**
 * What a resume does with committed runs of its sweep id that the plan does not have. After a spec
 * was edited their rows would join the new grid's grid points in the aggregation (a changed recipe
 * gives new run ids for the same architecture, code size and noise), so a job refuses them or drops
 * them; a caller that fills one sweep id from several plans on purpose keeps them.
 */
public enum RunsNotInGrid {
    /** Stop before anything trains, naming some of them. */
    REFUSE,
    /** Remove their rows, then resume. */
    DROP,
    /** Leave them: the sweep id collects several plans. */
    KEEP;

    private static final int NAMED = 3;

    /** The refusal's message. */
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
