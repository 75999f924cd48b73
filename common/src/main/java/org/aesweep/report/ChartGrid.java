package org.aesweep.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;

/**
 * Small multiples: charts of one size laid out row by row under a title and one legend for all of
 * them, written as one PNG. XChart draws one plot per chart; this puts a panel per code size side by
 * side, so each panel keeps a few series however many code sizes a sweep has, and no legend covers
 * a panel's lines. The panels must give each key's series its key's colour.
 */
final class ChartGrid {
    static final int MAX_COLUMNS = 4;
    private static final int LINE_HEIGHT = 22;
    private static final int MARGIN = 8;
    private static final int KEY_LINE = 22;
    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 15);
    private static final Font KEYS = new Font(Font.SANS_SERIF, Font.PLAIN, 13);

    /** A legend entry: a series' name and colour. */
    record Key(String label, Color color) {
    }

    private ChartGrid() {
    }

    /** @param panels charts of equal size, in reading order, none showing its own legend */
    static Path write(String title, List<Key> keys, List<XYChart> panels, Path png, Configuration conf)
            throws IOException {
        int columns = Math.min(MAX_COLUMNS, panels.size());
        int rows = (panels.size() + columns - 1) / columns;
        int width = panels.get(0).getWidth();
        int height = panels.get(0).getHeight();
        int canvasWidth = Math.max(columns * width, 640);
        List<List<Key>> keyLines = keyLines(keys, canvasWidth);
        int header = LINE_HEIGHT * (1 + keyLines.size()) + MARGIN;
        BufferedImage canvas = new BufferedImage(canvasWidth, header + rows * height, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = Canvases.open(canvas);
        graphics.setFont(TITLE);
        graphics.drawString(title, MARGIN, LINE_HEIGHT - 6);
        graphics.setFont(KEYS);
        FontMetrics metrics = graphics.getFontMetrics();
        graphics.setStroke(new BasicStroke(3));
        for (int line = 0; line < keyLines.size(); line++) {
            int baseline = LINE_HEIGHT * (line + 2) - 6;
            int left = MARGIN;
            for (Key key : keyLines.get(line)) {
                graphics.setColor(key.color());
                graphics.drawLine(left, baseline - 5, left + KEY_LINE, baseline - 5);
                graphics.setColor(Color.BLACK);
                graphics.drawString(key.label(), left + KEY_LINE + 6, baseline);
                left += keyWidth(key, metrics);
            }
        }
        for (int i = 0; i < panels.size(); i++) {
            graphics.drawImage(BitmapEncoder.getBufferedImage(panels.get(i)), (i % columns) * width,
                    header + (i / columns) * height, null);
        }
        graphics.dispose();
        return ChartFiles.write(canvas, png, conf);
    }

    /** The keys in lines that fit the width, in order. */
    private static List<List<Key>> keyLines(List<Key> keys, int width) {
        FontMetrics metrics = Canvases.metrics(KEYS);
        List<List<Key>> lines = new ArrayList<>();
        int used = width;
        for (Key key : keys) {
            int keyWidth = keyWidth(key, metrics);
            if (used + keyWidth > width - MARGIN) {
                lines.add(new ArrayList<>());
                used = MARGIN;
            }
            lines.get(lines.size() - 1).add(key);
            used += keyWidth;
        }
        return lines;
    }

    private static int keyWidth(Key key, FontMetrics metrics) {
        return KEY_LINE + 6 + metrics.stringWidth(key.label()) + 24;
    }
}
