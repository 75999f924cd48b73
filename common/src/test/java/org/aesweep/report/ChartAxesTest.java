package org.aesweep.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;

class ChartAxesTest {
    @Test
    void codeSizesArePlacedAtTheirBaseTwoLogarithm() {
        assertEquals(1.0, ChartAxes.codeSizePosition(2), 1e-12);
        assertEquals(7.0, ChartAxes.codeSizePosition(128), 1e-12);
        assertEquals(Math.log(100) / Math.log(2), ChartAxes.codeSizePosition(100), 1e-12);
    }

    @Test
    void ticksAreLabelledWithTheCodeSizesTheyStandFor() {
        XYChart chart = new XYChartBuilder().build();
        ChartAxes.codeSizeAxis(chart);
        List<String> labels = List.of(1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0).stream()
                .map(position -> chart.getStyler().getxAxisTickLabelsFormattingFunction().apply(position)).toList();
        assertEquals(List.of("2", "4", "8", "16", "32", "64", "128"), labels);
        // Between powers of two a tick reads as the code size it stands for, rounded.
        assertEquals("2.83", chart.getStyler().getxAxisTickLabelsFormattingFunction().apply(1.5));
    }

    @Test
    void valuesArePlainDecimalsWithThreeSignificantDigits() {
        assertEquals("0.0032", ChartAxes.plain(0.0032));
        assertEquals("0.5", ChartAxes.plain(0.5000000001));
        assertEquals("0.000005", ChartAxes.plain(5e-6));
        assertEquals("0.123", ChartAxes.plain(0.12345));
        assertEquals("1230", ChartAxes.plain(1234));
        assertEquals("-0.25", ChartAxes.plain(-0.25));
        assertEquals("0", ChartAxes.plain(0));
    }
}
