package org.aesweep.analysis;

import java.io.Serializable;

/**
 * A grid point's confidence intervals for its decomposition's parts, or why it has none.
 *
 * @param method       {@link #PERCENTILE_BOOTSTRAP} or {@link #NONE}
 * @param note         what was resampled, or why there are no intervals
 * @param level        the confidence level; null without intervals, as are draws, seed and every interval
 * @param varianceData null but for crossed designs, as is varianceInit
 */
public record ConfidenceIntervals(String method, String note, Double level, Integer draws, Long seed,
                                  Interval risk, Interval bias, Interval variance, Interval varianceData,
                                  Interval varianceInit) implements Serializable {
    public static final String PERCENTILE_BOOTSTRAP = "percentile_bootstrap";
    public static final String NONE = "none";

    /** The ends of one interval, low <= high. */
    public record Interval(double low, double high) implements Serializable {
        public boolean contains(double value) {
            return low <= value && value <= high;
        }
    }

    /** No intervals, for the reason {@code note}. */
    public static ConfidenceIntervals none(String note) {
        return new ConfidenceIntervals(NONE, note, null, null, null, null, null, null, null, null);
    }

    /** These intervals with {@code more} appended to the note. */
    public ConfidenceIntervals withNote(String more) {
        return new ConfidenceIntervals(method, note + "; " + more, level, draws, seed, risk, bias, variance,
                varianceData, varianceInit);
    }

    /** The low end of {@code interval}, null without one. */
    public static Double low(Interval interval) {
        return interval == null ? null : interval.low();
    }

    /** The high end of {@code interval}, null without one. */
    public static Double high(Interval interval) {
        return interval == null ? null : interval.high();
    }
}
