package org.aesweep.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** The median of repeated measurements and their range, which the benchmark reports instead of a mean. */
public record Spread(double median, double min, double max, int count) {
    public static Spread of(List<Double> values) {
        if (values.isEmpty()) {
            return new Spread(Double.NaN, Double.NaN, Double.NaN, 0);
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        return new Spread(median, sorted.get(0), sorted.get(n - 1), n);
    }

    /** "3.21 (3.10-3.40, n=6)". */
    public String describe(String format) {
        return String.format(Locale.ROOT, format + " (" + format + "-" + format + ", n=%d)", median, min, max, count);
    }
}
