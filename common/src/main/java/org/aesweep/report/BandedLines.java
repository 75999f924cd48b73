package org.aesweep.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.aesweep.tables.avro.BiasVarianceRow;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Lines against code size with the confidence bands of their points, on one chart. A band is a
 * translucent polygon in its line's colour, from the interval's lower ends across the points and
 * back along the upper ends; every band lies beneath every line. Each run of adjacent points with
 * an interval makes one polygon, so a point without an interval breaks the band and shows as a bare
 * point, never as a zero-width band; a lone point with an interval between two without shows as a
 * capped stroke from its low to its high end, like an error bar. One legend entry, a grey swatch,
 * says what the bands are; the bands themselves stay out of the legend.
 *
 * <p>XChart's theme hands out colours, markers and strokes in the order series are added, bands
 * included, so every line gets explicitly what the theme gives the n-th series: a chart without
 * intervals looks as it did before bands existed.
 */
final class BandedLines {
    private static final int BAND_ALPHA = 45;
    private static final int BAND_EDGE_ALPHA = 90;
    private static final BasicStroke BAND_EDGE = new BasicStroke(1f);
    private static final Color SWATCH = new Color(120, 120, 120, 70);
    static final String BAND_SUFFIX = " (interval)";
    /** Half the width of a lone interval's caps, in log2 code size: about a marker's width at 800 pixels. */
    private static final double LONE_CAP = 0.04;

    private BandedLines() {
    }

    /**
     * A line to draw.
     *
     * @param points   the curve's points in ascending code size; points without a value are skipped
     * @param estimate the column drawn, whose interval columns give the band
     * @param marker   its marker; null for the theme's
     */
    record Line(String name, List<BiasVarianceRow> points, Estimate estimate, Marker marker) {
    }

    /** The legend entry of the lines' bands, e.g. "bands: 95% percentile bootstrap, 1000 draws"; empty without. */
    static Optional<String> bandsLabel(List<Line> lines) {
        List<BiasVarianceRow> points = new ArrayList<>();
        List<Estimate> estimates = new ArrayList<>();
        for (Line line : lines) {
            points.addAll(line.points());
            estimates.add(line.estimate());
        }
        return IntervalTexts.bandsLabel(points, estimates);
    }

    /** Legend entries {@link #draw} adds: a line each, and one for the bands if there are any. */
    static int legendEntries(List<Line> lines) {
        return lines.size() + (bandsLabel(lines).isPresent() ? 1 : 0);
    }

    /** Draws every band, then every line, then the bands' legend swatch. */
    static void draw(XYChart chart, List<Line> lines) {
        for (int n = 0; n < lines.size(); n++) {
            Color colour = themeColour(chart, n);
            band(lines.get(n)).ifPresent(band -> addBand(chart, band, colour));
        }
        for (int n = 0; n < lines.size(); n++) {
            addLine(chart, lines.get(n), n);
        }
        bandsLabel(lines).ifPresent(label -> {
            XYSeries swatch = legendOnly(chart, label);
            swatch.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
            swatch.setFillColor(SWATCH);
            swatch.setLineColor(SWATCH);
            swatch.setLineStyle(BAND_EDGE);
        });
    }

    /** A legend entry of text alone, for what a chart's lines cannot say. */
    static void note(XYChart chart, String text) {
        legendOnly(chart, text).setLineStyle(SeriesLines.NONE);
    }

    /** The polygon outline of a line's band, its runs separated by NaN; empty when no point has an interval. */
    static Optional<Band> band(Line line) {
        List<BiasVarianceRow> points = line.points().stream().filter(row -> line.estimate().value(row) != null)
                .toList();
        List<Double> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        int start = 0;
        while (start < points.size()) {
            if (!line.estimate().hasInterval(points.get(start))) {
                start++;
                continue;
            }
            int end = start;
            while (end + 1 < points.size() && line.estimate().hasInterval(points.get(end + 1))) {
                end++;
            }
            if (!x.isEmpty()) {
                x.add(Double.NaN);
                y.add(Double.NaN);
            }
            if (start == end) {
                loneInterval(position(points.get(start)), line.estimate().low(points.get(start)),
                        line.estimate().high(points.get(start)), x, y);
                start++;
                continue;
            }
            for (int i = start; i <= end; i++) {
                x.add(position(points.get(i)));
                y.add(line.estimate().low(points.get(i)));
            }
            for (int i = end; i >= start; i--) {
                x.add(position(points.get(i)));
                y.add(line.estimate().high(points.get(i)));
            }
            // Back to the start, so the edge is stroked all round.
            x.add(position(points.get(start)));
            y.add(line.estimate().low(points.get(start)));
            start = end + 1;
        }
        return x.isEmpty() ? Optional.empty() : Optional.of(new Band(line.name() + BAND_SUFFIX,
                x.stream().mapToDouble(Double::doubleValue).toArray(),
                y.stream().mapToDouble(Double::doubleValue).toArray()));
    }

    /**
     * A point with an interval between points without one: a polygon without area whose edge is a
     * stroke from low to high with a cap at each end, as an error bar would draw it.
     */
    private static void loneInterval(double position, double low, double high, List<Double> x, List<Double> y) {
        double[][] outline = {{-LONE_CAP, low}, {LONE_CAP, low}, {0, low}, {0, high}, {-LONE_CAP, high},
                {LONE_CAP, high}, {0, high}, {0, low}, {-LONE_CAP, low}};
        for (double[] corner : outline) {
            x.add(position + corner[0]);
            y.add(corner[1]);
        }
    }

    /** A band's name and outline: x in code-size positions, NaN between separate runs. */
    record Band(String name, double[] x, double[] y) {
    }

    private static void addBand(XYChart chart, Band band, Color colour) {
        XYSeries series = chart.addSeries(band.name(), band.x(), band.y());
        series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
        series.setFillColor(withAlpha(colour, BAND_ALPHA));
        series.setLineColor(withAlpha(colour, BAND_EDGE_ALPHA));
        series.setLineStyle(BAND_EDGE);
        series.setMarker(SeriesMarkers.NONE);
        series.setShowInLegend(false);
    }

    private static void addLine(XYChart chart, Line line, int n) {
        List<BiasVarianceRow> points = line.points().stream().filter(row -> line.estimate().value(row) != null)
                .toList();
        if (points.isEmpty()) {
            return;
        }
        Color[] colours = chart.getStyler().getSeriesColors();
        Marker[] markers = chart.getStyler().getSeriesMarkers();
        BasicStroke[] strokes = chart.getStyler().getSeriesLines();
        XYSeries series = chart.addSeries(line.name(), points.stream().mapToDouble(BandedLines::position).toArray(),
                points.stream().mapToDouble(row -> line.estimate().value(row)).toArray());
        series.setLineColor(themeColour(chart, n));
        series.setMarkerColor(themeColour(chart, n));
        series.setMarker(line.marker() != null ? line.marker() : markers[n % markers.length]);
        // The theme moves to its next stroke each time it has used up its colours.
        series.setLineStyle(strokes[(n / colours.length) % strokes.length]);
    }

    private static Color themeColour(XYChart chart, int n) {
        Color[] colours = chart.getStyler().getSeriesColors();
        return colours[n % colours.length];
    }

    /** A series that draws nothing (one NaN point) and shows only its legend entry. */
    private static XYSeries legendOnly(XYChart chart, String label) {
        XYSeries series = chart.addSeries(label, new double[] {Double.NaN}, new double[] {Double.NaN});
        series.setMarker(SeriesMarkers.NONE);
        return series;
    }

    private static Color withAlpha(Color colour, int alpha) {
        return new Color(colour.getRed(), colour.getGreen(), colour.getBlue(), alpha);
    }

    private static double position(BiasVarianceRow row) {
        return ChartAxes.codeSizePosition(row.getCodeSize());
    }
}
