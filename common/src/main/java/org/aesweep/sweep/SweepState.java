package org.aesweep.sweep;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.aesweep.plan.PlannedRun;
import org.aesweep.plan.SweepPlan;
import org.aesweep.tables.avro.RunRow;
import org.aesweep.train.RunStatus;

/**
 * Where a sweep stands after an attempt: each planned run's status as its committed runs row says,
 * whichever attempt wrote it. A scheduler's retry that finds every run already committed trains
 * nothing, and must still hear about the runs an earlier attempt left failed or diverged.
 */
public final class SweepState {
    private final Map<RunStatus, Integer> counts = new EnumMap<>(RunStatus.class);
    private final int missing;

    private SweepState(Map<RunStatus, Integer> counts, int missing) {
        this.counts.putAll(counts);
        this.missing = missing;
    }

    /** The state of {@code plan}'s runs in {@code rows}, the sweep's runs table; rows of other grids are ignored. */
    public static SweepState of(SweepPlan plan, List<RunRow> rows) {
        Map<String, RunRow> latest = new HashMap<>();
        for (RunRow row : rows) {
            latest.merge(row.getRunId(), row,
                    (kept, other) -> other.getFinishedAt().isAfter(kept.getFinishedAt()) ? other : kept);
        }
        Map<RunStatus, Integer> counts = new EnumMap<>(RunStatus.class);
        int missing = 0;
        for (PlannedRun run : plan.all()) {
            RunRow row = latest.get(run.config().runId());
            if (row == null) {
                missing++;
            } else {
                counts.merge(RunStatus.ofTableValue(row.getStatus()), 1, Integer::sum);
            }
        }
        return new SweepState(counts, missing);
    }

    public int count(RunStatus status) {
        return counts.getOrDefault(status, 0);
    }

    /** Planned runs without a committed row: an attempt that ended before training them all. */
    public int missing() {
        return missing;
    }

    /** Every planned run is committed and ok. */
    public boolean allOk() {
        return missing == 0 && count(RunStatus.DIVERGED) == 0 && count(RunStatus.FAILED) == 0;
    }

    public String describe() {
        return String.format(Locale.ROOT, "%d ok, %d diverged, %d failed, %d not committed", count(RunStatus.OK),
                count(RunStatus.DIVERGED), count(RunStatus.FAILED), missing);
    }
}
