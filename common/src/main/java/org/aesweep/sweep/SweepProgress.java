package org.aesweep.sweep;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.aesweep.plan.PlannedRun;
import org.aesweep.spec.TrainingMode;
import org.aesweep.train.RunStatus;

/**
 * Counts the runs of one sweep attempt as they finish and words the progress line: runs done of
 * the total, how they ended, time elapsed and the ETA. Thread-safe; each run counts once however
 * often it is reported, since a Spark listener and the driver may both report the same run.
 *
 * <p>The ETA predicts each remaining run's seconds as {@code a + b * estimated cost}, a line fitted
 * to the finished runs: the cost estimate alone misses the fixed per-run work (evaluation, codes,
 * writing) that dominates small runs, and run counts alone miss that the costliest runs go first.
 * Local runs share the cluster's task slots; parameter-averaged runs take the whole cluster each.
 */
public final class SweepProgress {
    private final String sweepId;
    private final List<PlannedRun> runs;
    private final Clock clock;
    private final int taskSlots;
    private final Instant started;
    private final boolean[] finished;
    private final Map<String, Integer> indexById = new HashMap<>();
    private final Map<RunStatus, Integer> counts = new EnumMap<>(RunStatus.class);
    private final RunTimeFit fit = new RunTimeFit();
    private int finishedRuns;

    /**
     * @param runs      the runs this attempt trains
     * @param taskSlots how many local runs train at once
     */
    public SweepProgress(String sweepId, List<PlannedRun> runs, int taskSlots, Clock clock) {
        this.sweepId = sweepId;
        this.runs = List.copyOf(runs);
        this.taskSlots = Math.max(1, taskSlots);
        this.clock = clock;
        this.started = clock.instant();
        this.finished = new boolean[runs.size()];
        for (int i = 0; i < runs.size(); i++) {
            indexById.put(runs.get(i).runId(), i);
        }
        for (RunStatus status : RunStatus.values()) {
            counts.put(status, 0);
        }
    }

    /**
     * Records the run with id {@code runId}, which took {@code seconds}: the new progress line, or
     * empty if the run was already counted. Reporters name runs by id because they see them in
     * different orders (a Spark listener by task, the driver as results arrive).
     */
    public synchronized Optional<String> finished(String runId, RunStatus status, double seconds) {
        Integer index = indexById.get(runId);
        if (index == null) {
            throw new IllegalArgumentException("run " + runId + " is not one this attempt trains");
        }
        return finished(index, status, seconds);
    }

    private Optional<String> finished(int index, RunStatus status, double seconds) {
        if (finished[index]) {
            return Optional.empty();
        }
        finished[index] = true;
        finishedRuns++;
        fit.add(weight(runs.get(index)), seconds);
        counts.merge(status, 1, Integer::sum);
        return Optional.of(line());
    }

    public synchronized String line() {
        Duration elapsed = Duration.between(started, clock.instant());
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT,
                "sweep %s: %d/%d runs done (%d ok, %d diverged, %d failed), elapsed %s", sweepId, finishedRuns,
                runs.size(), counts.get(RunStatus.OK), counts.get(RunStatus.DIVERGED), counts.get(RunStatus.FAILED),
                format(elapsed)));
        if (finishedRuns > 0 && finishedRuns < runs.size()) {
            line.append(", eta ").append(format(Duration.ofMillis(Math.round(1000 * remainingSeconds()))));
        }
        return line.toString();
    }

    /** Parameter-averaged runs one after another, then the local runs spread over the task slots. */
    private double remainingSeconds() {
        double averaged = 0;
        double local = 0;
        double longestLocal = 0;
        for (int i = 0; i < runs.size(); i++) {
            if (finished[i]) {
                continue;
            }
            double seconds = fit.predict(weight(runs.get(i)));
            if (runs.get(i).mode() == TrainingMode.PARAMETER_AVERAGING) {
                averaged += seconds;
            } else {
                local += seconds;
                longestLocal = Math.max(longestLocal, seconds);
            }
        }
        return averaged + Math.max(local / taskSlots, longestLocal);
    }

    public synchronized int finishedRuns() {
        return finishedRuns;
    }

    /** A run's share of the work: its estimated cost, or 1 where the planner gave none. */
    private static double weight(PlannedRun run) {
        double cost = run.estimatedCost();
        return Double.isFinite(cost) && cost > 0 ? cost : 1.0;
    }

    static String format(Duration duration) {
        long seconds = duration.toSeconds();
        if (seconds < 60) {
            return seconds + "s";
        }
        if (seconds < 3600) {
            return String.format(Locale.ROOT, "%dm%02ds", seconds / 60, seconds % 60);
        }
        return String.format(Locale.ROOT, "%dh%02dm", seconds / 3600, (seconds % 3600) / 60);
    }
}
