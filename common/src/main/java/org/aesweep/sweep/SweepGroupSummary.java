package org.aesweep.sweep;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.aesweep.tables.avro.RunRow;
import org.aesweep.train.RunStatus;

/**
 * The end-of-sweep view of a runs table: one line per curve of the study (dataset x architecture x
 * noise x sparsity weight), with how its runs ended and the lowest final test loss among them. It
 * reads the committed rows, so a resumed sweep's summary covers the runs earlier attempts trained.
 */
public record SweepGroupSummary(String dataset, String architecture, String noise, double sparsityWeight, int runs,
                                int ok, int diverged, int failed, Double bestTestLoss, Integer bestCodeSize) {

    /** Groups {@code runsRows} (rows of the runs table) in a stable order. */
    public static List<SweepGroupSummary> of(List<RunRow> runsRows) {
        Map<String, List<RunRow>> groups = new TreeMap<>();
        for (RunRow row : runsRows) {
            String key = String.join("\u0000", row.getDataset(), row.getArchitecture(), noise(row),
                    String.format(Locale.ROOT, "%.3e", row.getSparsityWeight()));
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(row);
        }
        List<SweepGroupSummary> summaries = new ArrayList<>();
        for (List<RunRow> rows : groups.values()) {
            summaries.add(summarise(rows));
        }
        return summaries;
    }

    private static SweepGroupSummary summarise(List<RunRow> rows) {
        RunRow first = rows.get(0);
        RunRow best = rows.stream()
                .filter(row -> RunStatus.OK.tableValue().equals(row.getStatus()) && row.getFinalTestLoss() != null)
                .min(Comparator.comparingDouble(RunRow::getFinalTestLoss))
                .orElse(null);
        return new SweepGroupSummary(first.getDataset(), first.getArchitecture(), noise(first),
                first.getSparsityWeight(), rows.size(), count(rows, RunStatus.OK), count(rows, RunStatus.DIVERGED),
                count(rows, RunStatus.FAILED), best == null ? null : best.getFinalTestLoss(),
                best == null ? null : best.getCodeSize());
    }

    private static int count(List<RunRow> rows, RunStatus status) {
        return (int) rows.stream().filter(row -> status.tableValue().equals(row.getStatus())).count();
    }

    private static String noise(RunRow row) {
        return row.getNoiseKind() + ":" + row.getNoiseLevel();
    }
}
