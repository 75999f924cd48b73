package org.aesweep.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.aesweep.tables.avro.BiasVarianceRow;

/**
 * What the report says about the bias_variance rows' confidence intervals: how they were computed,
 * and which points have none and why. Rows written before intervals existed (null
 * {@code interval_method}) are never mentioned, so older sweeps' reports read as they did.
 */
final class IntervalTexts {
    static final String NONE = "none";

    private IntervalTexts() {
    }

    /**
     * The level, method and draws of a row's intervals, e.g. "95% percentile bootstrap, 1000
     * draws"; "none" for a group without intervals; null for a row written before intervals existed.
     */
    static String method(BiasVarianceRow row) {
        String method = row.getIntervalMethod();
        if (method == null || method.equals(NONE)) {
            return method;
        }
        StringBuilder text = new StringBuilder();
        if (row.getIntervalLevel() != null) {
            text.append(ChartAxes.plain(row.getIntervalLevel() * 100)).append("% ");
        }
        text.append(method.replace('_', ' '));
        if (row.getBootstrapDraws() != null) {
            text.append(", ").append(row.getBootstrapDraws()).append(" draws");
        }
        return text.toString();
    }

    /**
     * Everything the table says about a row's intervals, e.g. "95% percentile bootstrap, 1000 draws,
     * seed 7 (what was resampled)" or "none (why there is no interval)"; empty for a row written
     * before intervals existed.
     */
    static String describe(BiasVarianceRow row) {
        String method = method(row);
        if (method == null) {
            return "";
        }
        String seed = row.getBootstrapSeed() == null || method.equals(NONE) ? "" : ", seed " + row.getBootstrapSeed();
        String note = row.getIntervalNote() == null ? "" : " (" + row.getIntervalNote() + ")";
        return method + seed + note;
    }

    /**
     * The legend entry of a chart's bands, e.g. "bands: 95% percentile bootstrap, 1000 draws", from
     * the points that carry an interval of one of {@code estimates}; empty when none does.
     */
    static Optional<String> bandsLabel(List<BiasVarianceRow> points, List<Estimate> estimates) {
        Set<String> methods = new LinkedHashSet<>();
        for (BiasVarianceRow row : points) {
            if (estimates.stream().anyMatch(estimate -> estimate.hasInterval(row)) && method(row) != null) {
                methods.add(method(row));
            }
        }
        return methods.isEmpty() ? Optional.empty() : Optional.of("bands: " + String.join("; ", methods));
    }

    /**
     * A line per reason, e.g. "no interval at code size 2, 4: 2 replicates: intervals need at least
     * 3", naming the points whose rows were written with intervals but lack one of
     * {@code estimates}' where the point has a value. The reason is the row's note when its group has
     * no interval at all; a row with intervals that lacks only some gets none.
     */
    static List<String> missing(List<BiasVarianceRow> points, List<Estimate> estimates) {
        Map<String, List<Integer>> codeSizesByReason = new LinkedHashMap<>();
        for (BiasVarianceRow row : points) {
            if (lacksAnInterval(row, estimates)) {
                String reason = NONE.equals(row.getIntervalMethod()) && row.getIntervalNote() != null
                        ? ": " + row.getIntervalNote() : "";
                codeSizesByReason.computeIfAbsent(reason, ignored -> new ArrayList<>()).add(row.getCodeSize());
            }
        }
        List<String> lines = new ArrayList<>();
        codeSizesByReason.forEach((reason, codeSizes) -> lines.add("no interval at code size "
                + codeSizes.stream().map(String::valueOf).collect(Collectors.joining(", ")) + reason));
        return lines;
    }

    /** True when the row was written with intervals but one of {@code estimates} has a value and no interval. */
    static boolean lacksAnInterval(BiasVarianceRow row, List<Estimate> estimates) {
        return row.getIntervalMethod() != null && estimates.stream().anyMatch(estimate ->
                estimate.hasIntervalColumns() && estimate.value(row) != null && !estimate.hasInterval(row));
    }
}
