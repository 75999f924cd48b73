package org.aesweep.sweep;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.apache.avro.generic.GenericRecord;

/**
 * The end-of-sweep view of a runs table: one line per curve of the study (dataset x architecture x
 * noise x sparsity weight), with how its runs ended and the lowest final test loss among them. It
 * reads the committed rows, so a resumed sweep's summary covers the runs earlier attempts trained.
 */
public record SweepGroupSummary(String dataset, String architecture, String noise, double sparsityWeight, int runs,
                                int ok, int diverged, int failed, Double bestTestLoss, Integer bestCodeSize) {

    /** Groups {@code runsRows} (rows of the runs table) in a stable order. */
    public static List<SweepGroupSummary> of(List<GenericRecord> runsRows) {
        Map<String, List<GenericRecord>> groups = new TreeMap<>();
        for (GenericRecord row : runsRows) {
            String key = String.join("\u0000", text(row, "dataset"), text(row, "architecture"), noise(row),
                    String.format(Locale.ROOT, "%.3e", (Double) row.get("sparsity_weight")));
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(row);
        }
        List<SweepGroupSummary> summaries = new ArrayList<>();
        for (List<GenericRecord> rows : groups.values()) {
            summaries.add(summarise(rows));
        }
        return summaries;
    }

    private static SweepGroupSummary summarise(List<GenericRecord> rows) {
        GenericRecord first = rows.get(0);
        int ok = count(rows, "ok");
        GenericRecord best = rows.stream()
                .filter(row -> "ok".equals(text(row, "status")) && row.get("final_test_loss") != null)
                .min(Comparator.comparingDouble(row -> (Double) row.get("final_test_loss")))
                .orElse(null);
        return new SweepGroupSummary(text(first, "dataset"), text(first, "architecture"), noise(first),
                (Double) first.get("sparsity_weight"), rows.size(), ok, count(rows, "diverged"), count(rows, "failed"),
                best == null ? null : (Double) best.get("final_test_loss"),
                best == null ? null : (Integer) best.get("code_size"));
    }

    private static int count(List<GenericRecord> rows, String status) {
        return (int) rows.stream().filter(row -> status.equals(text(row, "status"))).count();
    }

    private static String noise(GenericRecord row) {
        return text(row, "noise_kind") + ":" + row.get("noise_level");
    }

    private static String text(GenericRecord row, String field) {
        return String.valueOf(row.get(field));
    }
}
