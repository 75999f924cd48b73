package org.aesweep.report;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

import javax.imageio.ImageIO;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/** Lays grey-scale images out in a grid, each scaled up and captioned, and writes a PNG. */
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
        Graphics2D graphics = canvas.createGraphics();
        graphics.setColor(Color.WHITE);
        graphics.fillRect(0, 0, canvas.getWidth(), canvas.getHeight());
        graphics.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        for (int i = 0; i < images.size(); i++) {
            int left = GAP + (i % columns) * tileWidth;
            int top = GAP + (i / columns) * tileHeight;
            drawImage(canvas, images.get(i), rows, cols, left, top);
            graphics.setColor(Color.BLACK);
            graphics.drawString(captions.get(i), left, top + rows * SCALE + CAPTION_HEIGHT - 4);
        }
        graphics.dispose();
        try (OutputStream out = png.getFileSystem(conf).create(png, true)) {
            ImageIO.write(canvas, "png", out);
        }
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
