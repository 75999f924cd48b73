package org.aesweep.sweep;

import java.io.PrintStream;
import java.util.Comparator;
import java.util.Locale;

import org.aesweep.io.Table;
import org.aesweep.io.TableLayout;
import org.aesweep.train.RunStatus;

/** Prints a finished sweep's per-run results and where its tables went. */
public final class SweepReport {
    private SweepReport() {
    }

    public static void print(SweepOutcome outcome, TableLayout layout, PrintStream out) {
        out.printf(Locale.ROOT, "%nsweep %s: %d run(s) trained (%d ok, %d diverged, %d failed), %d skipped as already committed%n",
                layout.sweepId(), outcome.trained().size(), outcome.count(RunStatus.OK),
                outcome.count(RunStatus.DIVERGED), outcome.count(RunStatus.FAILED), outcome.skipped());
        if (!outcome.trained().isEmpty()) {
            out.printf(Locale.ROOT, "%-16s %-14s %-12s %5s %-16s %4s %-8s %10s %10s %8s%n", "run_id", "dataset",
                    "architecture", "code", "noise", "rep", "status", "train_loss", "test_loss", "seconds");
        }
        outcome.trained().stream()
                .sorted(Comparator.comparing((RunSummary run) -> run.config().architecture())
                        .thenComparingInt(run -> run.config().codeSize())
                        .thenComparingDouble(run -> run.config().noiseLevel())
                        .thenComparingInt(run -> run.config().replicate()))
                .forEach(run -> out.printf(Locale.ROOT, "%-16s %-14s %-12s %5d %-16s %4d %-8s %10.5f %10.5f %8.1f%n",
                        run.config().runId(), run.config().dataset(), run.config().architecture(),
                        run.config().codeSize(), run.config().noiseKind().specName() + ":" + run.config().noiseLevel(),
                        run.config().replicate(), run.status().tableValue(), run.finalTrainLoss(),
                        run.finalTestLoss(), run.wallSeconds()));
        for (RunSummary run : outcome.trained()) {
            if (run.message() != null) {
                out.println("run " + run.config().runId() + ": " + run.message());
            }
        }
        out.println("tables:");
        for (Table table : new Table[] {Table.RUNS, Table.EPOCH_METRICS, Table.LATENT_CODES}) {
            out.println("  " + table.directoryName() + ": " + layout.tablePartition(table));
        }
        out.println("  models: " + layout.modelFile("<run_id>").getParent());
    }
}
