package org.aesweep.analysis;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.aesweep.tables.SweepTables;
import org.aesweep.tables.TableCatalog;
import org.aesweep.tables.TableLayout;
import org.aesweep.tables.avro.EpochMetricRow;
import org.aesweep.tables.avro.RunRow;
import org.apache.hadoop.conf.Configuration;

/**
 * Compares the same runs trained in several sweeps, typically locally and with parameter averaging
 * on 1 and 2 workers: seconds per epoch and final test loss, relative to the first sweep named.
 * Runs pair up by run id, which does not depend on the training mode.
 */
public final class TrainingModeComparison {
    /** One run of one sweep. */
    public record Row(String sweepId, String runId, String architecture, int codeSize, String trainingMode,
                      int workers, int epochs, double secondsPerEpoch, double finalTestLoss) {
    }

    private TrainingModeComparison() {
    }

    public static List<Row> read(TableCatalog catalog, List<String> sweepIds) throws IOException {
        List<Row> rows = new ArrayList<>();
        for (String sweepId : sweepIds) {
            SweepTables tables = new SweepTables(catalog, new TableLayout(catalog.outRoot(), sweepId));
            for (RunRow run : tables.allRows(RunRow.class)) {
                String runId = run.getRunId();
                List<EpochMetricRow> epochs = tables.rows(EpochMetricRow.class, runId);
                double seconds = epochs.stream().mapToDouble(EpochMetricRow::getSeconds).average()
                        .orElse(Double.NaN);
                Double testLoss = run.getFinalTestLoss();
                rows.add(new Row(sweepId, runId, run.getArchitecture(), run.getCodeSize(), run.getTrainingMode(),
                        run.getWorkers(), epochs.size(), seconds, testLoss == null ? Double.NaN : testLoss));
            }
        }
        rows.sort(Comparator.comparing(Row::runId).thenComparing(row -> sweepIds.indexOf(row.sweepId())));
        return rows;
    }

    /** A table with each row's test loss relative to the same run in the first sweep. */
    public static void print(List<Row> rows, PrintStream out) {
        Map<String, Double> baseline = new HashMap<>();
        for (Row row : rows) {
            baseline.putIfAbsent(row.runId(), row.finalTestLoss());
        }
        out.printf(Locale.ROOT, "%-16s %-16s %-12s %5s %-20s %7s %6s %10s %10s %9s%n", "sweep_id", "run_id",
                "architecture", "code", "training_mode", "workers", "epochs", "s/epoch", "test_loss", "vs_first");
        for (Row row : rows) {
            double relative = row.finalTestLoss() / baseline.get(row.runId()) - 1;
            out.printf(Locale.ROOT, "%-16s %-16s %-12s %5d %-20s %7d %6d %10.2f %10.5f %+8.2f%%%n", row.sweepId(),
                    row.runId(), row.architecture(), row.codeSize(), row.trainingMode(), row.workers(), row.epochs(),
                    row.secondsPerEpoch(), row.finalTestLoss(), 100 * relative);
        }
    }
}
