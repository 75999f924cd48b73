package org.aesweep.report;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;

import javax.imageio.ImageIO;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;

/** Writes the report's charts and images as PNG files on any Hadoop file system, under file-safe names. */
final class ChartFiles {
    private ChartFiles() {
    }

    static Path write(XYChart chart, Path file, Configuration conf) throws IOException {
        try (OutputStream out = file.getFileSystem(conf).create(file, true)) {
            out.write(BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG));
        }
        return file;
    }

    static Path write(BufferedImage image, Path file, Configuration conf) throws IOException {
        try (OutputStream out = file.getFileSystem(conf).create(file, true)) {
            ImageIO.write(image, "png", out);
        }
        return file;
    }

    /** A title as a file name: runs of anything but letters, digits, '.', '=' and '-' become '_'. */
    static String fileSafe(String title) {
        return title.replaceAll("[^A-Za-z0-9.=-]+", "_");
    }
}
