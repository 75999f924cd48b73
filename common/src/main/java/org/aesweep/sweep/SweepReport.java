package org.aesweep.sweep;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import org.aesweep.outputs.RunSummary;
import org.aesweep.tables.DuckDbViews;
import org.aesweep.tables.SweepTables;
import org.aesweep.tables.Table;
import org.aesweep.tables.TableLayout;
import org.aesweep.train.RunStatus;
import org.apache.hadoop.fs.Path;

/**
 * Prints what a finished sweep did: this attempt's counts, a summary line per curve of the whole
 * sweep (see {@link SweepGroupSummary}), why runs stopped early, and where the tables, models and
 * report are.
 */
public final class SweepReport {
    private SweepReport() {
    }

    public static void print(SweepOutcome outcome, List<SweepGroupSummary> groups, SweepTables tables, Path duckDbViews,
                             PrintStream out) {
        TableLayout layout = tables.layout();
        out.printf(Locale.ROOT, "%nsweep %s: %d run(s) trained now (%d ok, %d diverged, %d failed), "
                        + "%d kept as committed by an earlier attempt%n",
                layout.sweepId(), outcome.trained().size(), outcome.count(RunStatus.OK),
                outcome.count(RunStatus.DIVERGED), outcome.count(RunStatus.FAILED), outcome.skipped());
        printGroups(groups, out);
        for (RunSummary run : outcome.trained()) {
            if (run.message() != null) {
                out.println("run " + run.config().runId() + " (" + RunTask.describe(run.config()) + ") "
                        + run.status().tableValue() + ": " + run.message());
            }
        }
        out.println("tables (Iceberg, rows of this sweep: WHERE sweep_id = '" + layout.sweepId() + "'):");
        for (Table table : Table.perRunInCommitOrder()) {
            out.println("  " + tables.catalog().qualifiedName(table) + ": " + layout.tableRoot(table));
        }
        out.println("  for DuckDB: duckdb -init " + DuckDbViews.forCommandLine(duckDbViews));
        out.println("  models: " + layout.modelFile("<run_id>").getParent());
        out.println("report (written by the aggregation job, submit/aggregate.sh): "
                + layout.reportDir() + "/index.html");
    }

    private static void printGroups(List<SweepGroupSummary> groups, PrintStream out) {
        if (groups.isEmpty()) {
            return;
        }
        // The text columns are as wide as their longest value, so long labels keep the table aligned.
        String format = "%-" + width(groups, SweepGroupSummary::dataset, "dataset") + "s %-"
                + width(groups, SweepGroupSummary::architecture, "architecture") + "s %-"
                + width(groups, SweepGroupSummary::noise, "noise") + "s %8s %5s %4s %8s %6s %14s %9s%n";
        out.printf(Locale.ROOT, format, "dataset", "architecture", "noise", "l1", "runs", "ok", "diverged",
                "failed", "best_test_loss", "at_code");
        for (SweepGroupSummary group : groups) {
            out.printf(Locale.ROOT, format, group.dataset(), group.architecture(), group.noise(),
                    group.sparsityWeight() > 0 ? String.format(Locale.ROOT, "%.0e", group.sparsityWeight()) : "-",
                    group.runs(), group.ok(), group.diverged(), group.failed(),
                    group.bestTestLoss() == null ? "-" : String.format(Locale.ROOT, "%.5f", group.bestTestLoss()),
                    group.bestCodeSize() == null ? "-" : group.bestCodeSize());
        }
    }

    private static int width(List<SweepGroupSummary> groups, Function<SweepGroupSummary, String> column,
                             String header) {
        return Math.max(header.length(), groups.stream().mapToInt(group -> column.apply(group).length()).max()
                .orElse(0));
    }
}
