package org.aesweep.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.aesweep.tables.avro.BiasVarianceRow;
import org.aesweep.testing.LocalFiles;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReportTest {
    private static final List<String> SECTIONS = List.of("overview", "curves", "learning-curves",
            "reconstructions-by-code-size", "denoising", "reconstructions", "code-values", "latent-space",
            "class-means", "weights", "bias-variance-table", "latent-probes");

    private static final Curve CURVE = new Curve("mnist", "linear", "none", 0.0, 0.0);
    private static final BiasVarianceRow ROW = BiasVarianceRow.newBuilder().setDataset("mnist")
            .setArchitecture("linear").setNoiseKind("none").setNoiseLevel(0.0).setCodeSize(8).setReplicates(1)
            .setTrainLossMean(0.031).setTestLossMean(0.032).setFullTrainLossMean(0.031).build();

    @TempDir
    Path work;

    private List<org.apache.hadoop.fs.Path> pngs(String... names) throws Exception {
        List<org.apache.hadoop.fs.Path> pngs = new ArrayList<>();
        for (String name : names) {
            Path png = work.resolve(name);
            ImageIO.write(new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB), "png", png.toFile());
            pngs.add(new org.apache.hadoop.fs.Path(png.toString()));
        }
        return pngs;
    }

    private String write(List<org.apache.hadoop.fs.Path> denoising) throws Exception {
        return write(List.of(ROW), List.of(), denoising);
    }

    private String writeRows(List<BiasVarianceRow> rows) throws Exception {
        return write(rows, List.of(), List.of());
    }

    private String write(List<BiasVarianceRow> rows, List<org.apache.hadoop.fs.Path> varianceSplits,
                         List<org.apache.hadoop.fs.Path> denoising) throws Exception {
        HtmlReport.Pictures pictures = new HtmlReport.Pictures(pngs("overview_test-loss.png"),
                pngs("loss-vs-code-size_mnist_shallow_noise=none_0.0.png",
                        "bias-variance_mnist_shallow_noise=none_0.0.png"), varianceSplits,
                pngs("learning-curves_mnist_shallow_noise=none_0.0.png"),
                pngs("reconstructions-by-code-size_mnist_shallow_noise=none_0.0.png"), denoising,
                pngs("reconstructions_code=2.png"), pngs("code-values_mnist.png"),
                pngs("latent_mnist_shallow_noise=none_0.0_code=2.png", "tsne_mnist_shallow_noise=none_0.0_code=2.png"),
                List.of(), List.of());
        org.apache.hadoop.fs.Path index = HtmlReport.write("s1", pictures, rows, Map.of(CURVE, "mse"),
                List.of(), new org.apache.hadoop.fs.Path(work.toString()), new Configuration());
        return Files.readString(LocalFiles.of(index));
    }

    @Test
    void everySectionIsListedOnTopAndAppearsInThatOrder() throws Exception {
        String html = write(List.of());
        int previousLink = -1;
        int previous = -1;
        for (String section : SECTIONS) {
            int link = html.indexOf("<a href=\"#" + section + "\">");
            int at = html.indexOf("<h2 id=\"" + section + "\">");
            assertTrue(link > previousLink && at > previous, section + " after the one before");
            previousLink = link;
            previous = at;
        }
        assertTrue(html.contains("No run of this sweep had input noise."));
    }

    @Test
    void picturesOfOneSubjectShareACaptionAndARow() throws Exception {
        String html = write(pngs("denoising_mnist_shallow_noise=masking_0.3.png"));
        assertTrue(html.contains("<h3>mnist shallow noise=none 0.0</h3><div class=\"row\"><div><img alt=\""
                + "loss-vs-code-size_mnist_shallow_noise=none_0.0.png\""), html);
        // The loss plot and the decomposition in one row; so the PCA map and the t-SNE map of a grid point.
        assertEquals(2, html.split("<h3>mnist shallow noise=none 0.0 code size 2</h3><div class=\"row\">")[1]
                .split("</div></div>")[0].split("<img ").length - 1);
        assertTrue(html.contains("<h3>mnist shallow noise=masking 0.3</h3>"));
        assertTrue(html.contains("<h3>code size 2</h3>"), "a code size reads as one");
        assertFalse(html.contains("No run of this sweep had input noise."));
    }

    @Test
    void theBiasVarianceTableSaysWhichLossEachCurveTrainedOn() throws Exception {
        String html = write(List.of());
        assertTrue(html.contains("<th>noise</th><th>loss</th><th>code size</th>"), html);
        assertTrue(html.contains("<td>none 0.0</td><td>mse</td><td>8</td>"), html);
    }

    @Test
    void aCurvesVarianceSplitSitsBelowItsChartsBesideWhatItShows() throws Exception {
        String html = write(List.of(ROW), pngs("variance-split_mnist_shallow_noise=none_0.0.png"), List.of());
        String section = html.split("<h3>mnist shallow noise=none 0.0</h3>")[1].split("<h2 ")[0];
        assertTrue(section.matches("(?s)<div class=\"row\"><div><img alt=\"loss-vs-code-size_.*</div></div>"
                + "<div class=\"row\"><div><img alt=\"variance-split_mnist_shallow_noise=none_0.0.png\".*"), section);
        assertTrue(section.contains(HtmlReport.escape(HtmlReport.VARIANCE_SPLIT)));
        assertTrue(HtmlReport.VARIANCE_SPLIT.contains("Neal et al. 2018"));
        assertFalse(writeRows(List.of(ROW)).contains(HtmlReport.escape(HtmlReport.VARIANCE_SPLIT)),
                "no split, no sentence");
    }

    @Test
    void everyPictureIsEmbeddedAndNothingIsFetched() throws Exception {
        String html = write(List.of());
        assertEquals(9, html.split("<img ").length - 1);
        assertEquals(9, html.split("src=\"data:image/png;base64,").length - 1);
        assertFalse(html.contains("src=\"http"));
    }
}
