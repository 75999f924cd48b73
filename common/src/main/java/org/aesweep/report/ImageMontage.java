package org.aesweep.report;

import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.List;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/** Lays grey-scale images out in a grid, each scaled up and captioned (or in a labelled table), and writes a PNG. */
public final class ImageMontage {
    private static final int SCALE = 4;
    private static final int CAPTION_HEIGHT = 16;
    private static final int GAP = 6;
    private static final int COLUMNS = 10;

    private ImageMontage() {
    }

    /** @param images each rows*cols intensities in [0, 1], row-major */
    public static void write(List<float[]> images, List<String> captions, int rows, int cols, Path png,
                             Configuration conf) throws IOException {
        int columns = Math.min(COLUMNS, images.size());
        int gridRows = (images.size() + columns - 1) / columns;
        int tileWidth = cols * SCALE + GAP;
        int tileHeight = rows * SCALE + CAPTION_HEIGHT + GAP;
        BufferedImage canvas = new BufferedImage(columns * tileWidth + GAP, gridRows * tileHeight + GAP,
                BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = Canvases.open(canvas);
        graphics.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        for (int i = 0; i < images.size(); i++) {
            int left = GAP + (i % columns) * tileWidth;
            int top = GAP + (i / columns) * tileHeight;
            drawImage(canvas, images.get(i), rows, cols, left, top);
            graphics.drawString(captions.get(i), left, top + rows * SCALE + CAPTION_HEIGHT - 4);
        }
        graphics.dispose();
        ChartFiles.write(canvas, png, conf);
    }

    /**
     * A table of images: row r shows {@code images.get(r)} after its label, and column c is captioned
     * above with {@code columnLabels.get(c)}; rows may be shorter than the captions.
     *
     * @param images rows of images, each rows*cols intensities in [0, 1], row-major
     */
    public static void writeTable(List<String> rowLabels, List<String> columnLabels, List<List<float[]>> images,
                                  int rows, int cols, Path png, Configuration conf) throws IOException {
        Font font = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
        FontMetrics metrics = Canvases.metrics(font);
        int labelWidth = 3 * GAP + rowLabels.stream().mapToInt(metrics::stringWidth).max().orElse(0);
        int tileWidth = cols * SCALE + GAP;
        int tileHeight = rows * SCALE + GAP;
        BufferedImage canvas = new BufferedImage(labelWidth + columnLabels.size() * tileWidth + GAP,
                CAPTION_HEIGHT + images.size() * tileHeight + GAP, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = Canvases.open(canvas);
        graphics.setFont(font);
        for (int c = 0; c < columnLabels.size(); c++) {
            graphics.drawString(columnLabels.get(c), labelWidth + c * tileWidth, CAPTION_HEIGHT - 4);
        }
        for (int r = 0; r < images.size(); r++) {
            int top = CAPTION_HEIGHT + r * tileHeight;
            graphics.drawString(rowLabels.get(r), GAP, top + rows * SCALE / 2 + 4);
            for (int c = 0; c < images.get(r).size(); c++) {
                drawImage(canvas, images.get(r).get(c), rows, cols, labelWidth + c * tileWidth, top);
            }
        }
        graphics.dispose();
        ChartFiles.write(canvas, png, conf);
    }

    private static void drawImage(BufferedImage canvas, float[] pixels, int rows, int cols, int left, int top) {
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                int grey = Math.round(Math.max(0f, Math.min(1f, pixels[r * cols + c])) * 255);
                int rgb = (grey << 16) | (grey << 8) | grey;
                for (int dy = 0; dy < SCALE; dy++) {
                    for (int dx = 0; dx < SCALE; dx++) {
                        canvas.setRGB(left + c * SCALE + dx, top + r * SCALE + dy, rgb);
                    }
                }
            }
        }
    }
}
