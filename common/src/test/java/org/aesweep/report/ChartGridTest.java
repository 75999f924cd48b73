package org.aesweep.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;

class ChartGridTest {
    @TempDir
    Path work;

    @Test
    void panelsFillRowsOfFourUnderTheTitleAndOneLegend() throws Exception {
        List<XYChart> panels = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            XYChart panel = new XYChartBuilder().width(200).height(150).title("panel " + i).build();
            panel.addSeries("s", new double[] {1, 2}, new double[] {i, i + 1});
            panel.getStyler().setLegendVisible(false);
            panels.add(panel);
        }
        Color purple = new Color(0x9467bd);
        Path png = work.resolve("grid.png");
        ChartGrid.write("title", List.of(new ChartGrid.Key("train", purple)), panels,
                new org.apache.hadoop.fs.Path(png.toString()), new Configuration());
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(ChartGrid.MAX_COLUMNS * 200, image.getWidth());
        int header = image.getHeight() - 2 * 150;
        assertTrue(header > 30 && header < 80, "a title line and a legend line: " + header);
        boolean keyDrawn = false;
        for (int y = 0; y < header; y++) {
            for (int x = 0; x < 60; x++) {
                keyDrawn |= (image.getRGB(x, y) & 0xffffff) == purple.getRGB() - 0xff000000;
            }
        }
        assertTrue(keyDrawn, "the key's line in its colour");
        // The fifth panel starts the second row; the rest of that row stays white.
        assertEquals(Color.WHITE.getRGB(), image.getRGB(image.getWidth() - 10, image.getHeight() - 10));
    }

    @Test
    void keysTooManyForOneLineWrap() throws Exception {
        List<ChartGrid.Key> keys = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            keys.add(new ChartGrid.Key("sparse noise=salt_and_pepper 0." + i + " l1=1.0E-4", Color.RED));
        }
        XYChart panel = new XYChartBuilder().width(400).height(300).build();
        panel.addSeries("s", new double[] {1, 2}, new double[] {1, 2});
        Path png = work.resolve("wrapped.png");
        ChartGrid.write("title", keys, List.of(panel), new org.apache.hadoop.fs.Path(png.toString()),
                new Configuration());
        BufferedImage image = ImageIO.read(png.toFile());
        assertTrue(image.getHeight() - 300 > 4 * 20, "several legend lines: " + (image.getHeight() - 300));
    }
}
