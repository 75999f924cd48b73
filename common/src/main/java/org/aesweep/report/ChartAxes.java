package org.aesweep.report;

import java.math.BigDecimal;
import java.math.MathContext;

import org.knowm.xchart.XYChart;

/**
 * Axes a reader can read off. Code sizes span orders of magnitude and are usually powers of two, so
 * they are plotted at log2(code size) on a linear axis whose ticks are labelled with the code size
 * itself (2, 4, 8, ... 128): XChart's own logarithmic axis labels decades only, so a 2..64 grid
 * would show one tick, "10". Values are labelled as plain decimals (0.0032, not .0032 or 3.2E-3).
 */
final class ChartAxes {
    private static final MathContext TICK_DIGITS = new MathContext(3);

    private ChartAxes() {
    }

    /** Where a code size sits on a code-size axis. */
    static double codeSizePosition(int codeSize) {
        return Math.log(codeSize) / Math.log(2);
    }

    /** Labels the x axis's ticks with the code sizes their positions stand for, and the y axis's as decimals. */
    static void codeSizeAxis(XYChart chart) {
        chart.setCustomXAxisTickLabelsFormatter(position -> plain(Math.pow(2, position)));
        plainYTicks(chart);
    }

    static void plainYTicks(XYChart chart) {
        chart.setCustomYAxisTickLabelsFormatter(ChartAxes::plain);
    }

    /** A value with three significant digits, without exponent or trailing zeros. */
    static String plain(double value) {
        if (value == 0 || !Double.isFinite(value)) {
            return value == 0 ? "0" : Double.toString(value);
        }
        return new BigDecimal(value).round(TICK_DIGITS).stripTrailingZeros().toPlainString();
    }
}
