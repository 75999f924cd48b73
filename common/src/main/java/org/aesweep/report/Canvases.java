package org.aesweep.report;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/** The white canvases the report's montages and chart grids are drawn on, with anti-aliased black text. */
final class Canvases {
    private Canvases() {
    }

    /** A white RGB canvas and a graphics on it that draws in black. */
    static Graphics2D open(BufferedImage canvas) {
        Graphics2D graphics = canvas.createGraphics();
        graphics.setColor(Color.WHITE);
        graphics.fillRect(0, 0, canvas.getWidth(), canvas.getHeight());
        graphics.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        graphics.setColor(Color.BLACK);
        return graphics;
    }

    /** How wide text in {@code font} comes out on such a canvas, to size one before drawing. */
    static FontMetrics metrics(Font font) {
        Graphics2D scratch = open(new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB));
        FontMetrics metrics = scratch.getFontMetrics(font);
        scratch.dispose();
        return metrics;
    }
}
