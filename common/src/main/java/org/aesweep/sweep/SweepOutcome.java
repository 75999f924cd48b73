package org.aesweep.sweep;

import java.util.List;

import org.aesweep.outputs.RunSummary;
import org.aesweep.train.RunStatus;

/**
 * What a sweep did: the runs it trained now and how many it skipped because an earlier attempt
 * had already committed them.
 */
public record SweepOutcome(List<RunSummary> trained, int skipped) {
    public SweepOutcome {
        trained = List.copyOf(trained);
    }

    public long count(RunStatus status) {
        return trained.stream().filter(run -> run.status() == status).count();
    }

    public boolean allSucceeded() {
        return count(RunStatus.OK) == trained.size();
    }
}
