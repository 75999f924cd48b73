package org.aesweep.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import javax.imageio.ImageIO;

import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageMontageTest {
    /** The montage's layout: images scaled 4 times, 6 pixels apart, under a 16-pixel caption line. */
    private static final int SCALE = 4;
    private static final int GAP = 6;
    private static final int CAPTIONS = 16;

    @TempDir
    Path work;

    /** A 2 x 3 image of one grey level. */
    private static float[] flat(float value) {
        float[] image = new float[2 * 3];
        Arrays.fill(image, value);
        return image;
    }

    @Test
    void aTableHasARowPerLabelAndAColumnPerCaptionWithEachImageInItsCell() throws Exception {
        Path png = work.resolve("table.png");
        ImageMontage.writeTable(List.of("original", "code size 128"), List.of("Ankle boot", "Bag", "Coat"),
                List.of(List.of(flat(1f), flat(0f), flat(1f)), List.of(flat(0.5f), flat(0f))), 2, 3,
                new org.apache.hadoop.fs.Path(png.toString()), new Configuration());
        BufferedImage image = ImageIO.read(png.toFile());
        int cellWidth = 3 * SCALE + GAP;
        int cellHeight = 2 * SCALE + GAP;
        int labels = image.getWidth() - GAP - 3 * cellWidth;
        assertTrue(labels > 60, "the label column fits \"code size 128\": " + labels);
        assertEquals(CAPTIONS + 2 * cellHeight + GAP, image.getHeight());
        assertEquals(255, grey(image, labels, 0, 0));
        assertEquals(0, grey(image, labels, 0, 1));
        assertEquals(255, grey(image, labels, 0, 2));
        assertEquals(128, grey(image, labels, 1, 0));
        assertEquals(0, grey(image, labels, 1, 1));
        // The second row has two images: its third cell is the white background.
        assertEquals(255, grey(image, labels, 1, 2));
    }

    /** The grey level of the image in cell (row, column), the same at its first and last pixel column. */
    private static int grey(BufferedImage image, int labels, int row, int column) {
        int left = labels + column * (3 * SCALE + GAP);
        int y = CAPTIONS + row * (2 * SCALE + GAP) + SCALE;
        int first = image.getRGB(left, y) & 0xff;
        assertEquals(first, image.getRGB(left + 3 * SCALE - 1, y) & 0xff, "one image fills the cell");
        return first;
    }
}
