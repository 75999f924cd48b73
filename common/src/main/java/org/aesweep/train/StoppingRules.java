package org.aesweep.train;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.aesweep.spec.StoppingSpec;

/**
 * When a run stops before its last epoch: divergence (a non-finite loss, or a training loss that
 * grew past the spec's factor times the lowest one so far) ends it as diverged; early stopping
 * (no improvement of the {@link SelectionLoss} for the spec's patience) ends it as finished.
 */
public final class StoppingRules {
    private final double divergenceFactor;
    private final int patience;
    private final SelectionLoss selection;

    public StoppingRules(StoppingSpec spec, SelectionLoss selection) {
        this.divergenceFactor = spec.divergenceFactor();
        this.patience = spec.patience();
        this.selection = selection;
    }

    /** Why a run stops early. */
    public record Stop(RunStatus status, String message) {
    }

    /** Checked right after an epoch's training pass, before it is evaluated. */
    public Optional<Stop> afterTraining(int epoch, double trainLoss, List<EpochMetrics> earlier) {
        if (!Double.isFinite(trainLoss)) {
            return diverged("training loss became " + trainLoss + " in epoch " + epoch);
        }
        double lowest = earlier.stream().mapToDouble(EpochMetrics::trainLoss).min().orElse(Double.POSITIVE_INFINITY);
        if (divergenceFactor > 0 && trainLoss > divergenceFactor * lowest) {
            return diverged(String.format(Locale.ROOT, "training loss %.5g in epoch %d exceeded %s x the lowest"
                    + " earlier one (%.5g)", trainLoss, epoch, divergenceFactor, lowest));
        }
        return Optional.empty();
    }

    /** Checked after an epoch is evaluated; {@code epochs} includes it. */
    public Optional<Stop> afterEvaluation(List<EpochMetrics> epochs) {
        EpochMetrics last = epochs.get(epochs.size() - 1);
        if (!Double.isFinite(last.testLoss())) {
            return diverged("test loss became " + last.testLoss() + " in epoch " + last.epoch());
        }
        if (selection == SelectionLoss.VALIDATION && !Double.isFinite(last.validationLoss())) {
            return diverged("validation loss became " + last.validationLoss() + " in epoch " + last.epoch());
        }
        if (patience > 0) {
            int best = bestEpoch(epochs, selection);
            if (last.epoch() - best >= patience) {
                return Optional.of(new Stop(RunStatus.OK, "stopped early after epoch " + last.epoch() + ": no lower "
                        + selection.description() + " loss for " + patience + " epoch(s); best epoch " + best));
            }
        }
        return Optional.empty();
    }

    /** 1-based epoch with the lowest {@code selection} loss (the first of equals), or 0 when there is none. */
    public static int bestEpoch(List<EpochMetrics> epochs, SelectionLoss selection) {
        int best = 0;
        double bestLoss = Double.POSITIVE_INFINITY;
        for (EpochMetrics metrics : epochs) {
            if (selection.of(metrics) < bestLoss) {
                bestLoss = selection.of(metrics);
                best = metrics.epoch();
            }
        }
        return best;
    }

    private static Optional<Stop> diverged(String message) {
        return Optional.of(new Stop(RunStatus.DIVERGED, message));
    }
}
