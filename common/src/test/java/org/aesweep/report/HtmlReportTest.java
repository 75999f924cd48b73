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
    private static final String OLD_HEADER = "<tr><th>dataset</th><th>architecture</th><th>noise</th><th>loss</th>"
            + "<th>code size</th><th>replicates</th><th>split</th><th>train loss</th><th>test loss</th>"
            + "<th>risk</th><th>noise term (bce)</th><th>bias (bias² for mse)</th><th>variance</th></tr>";
    private static final String BOOTSTRAP = "95% percentile bootstrap, 1000 draws, seed 7 (resampled test images and"
            + " replicates)";

    /** A decomposed grid point of 8 replicates with 95% bootstrap intervals. */
    private static BiasVarianceRow withIntervals(int codeSize) {
        return BiasVarianceRow.newBuilder(ROW).setCodeSize(codeSize).setReplicates(8).setRisk(0.0123)
                .setRiskLow(0.0119).setRiskHigh(0.0128).setBias(0.0100).setBiasSquared(0.0100).setBiasLow(0.0097)
                .setBiasHigh(0.0104).setVariance(0.0023).setVarianceLow(0.0020).setVarianceHigh(0.0027)
                .setIntervalMethod("percentile_bootstrap").setIntervalLevel(0.95).setBootstrapDraws(1000)
                .setBootstrapSeed(7L).setIntervalNote("resampled test images and replicates").build();
    }

    /** A decomposed grid point of 2 replicates, too few for intervals. */
    private static BiasVarianceRow withoutIntervals(int codeSize) {
        return BiasVarianceRow.newBuilder(ROW).setCodeSize(codeSize).setReplicates(2).setRisk(0.02).setBias(0.018)
                .setBiasSquared(0.018).setVariance(0.002).setIntervalMethod("none")
                .setIntervalNote("2 replicates: intervals need at least 3").build();
    }

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
    void rowsWrittenBeforeIntervalsExistedShowTheTableAsBefore() throws Exception {
        String html = writeRows(List.of(ROW, BiasVarianceRow.newBuilder(ROW).setCodeSize(16).setReplicates(3)
                .setRisk(0.03).setBiasSquared(0.028).setVariance(0.002).build()));
        assertTrue(html.contains(OLD_HEADER), html);
        assertTrue(html.contains("<td>0.03000</td><td></td><td>0.02800</td><td>0.00200</td></tr>"), html);
        assertFalse(html.contains("Confidence intervals in brackets"));
        assertFalse(html.contains("class=\"ci\""));
    }

    @Test
    void eachEstimateShowsItsIntervalAndTheMethodIsSaidOnceWhenAllRowsAgree() throws Exception {
        String html = writeRows(List.of(withIntervals(8), withIntervals(16)));
        assertTrue(html.contains("<td>0.01230 <span class=\"ci\">[0.01190, 0.01280]</span></td><td></td>"
                + "<td>0.01000 <span class=\"ci\">[0.00970, 0.01040]</span></td>"
                + "<td>0.00230 <span class=\"ci\">[0.00200, 0.00270]</span></td></tr>"), html);
        assertTrue(html.contains("Confidence intervals in brackets: " + BOOTSTRAP + "</p><table>"), html);
        assertTrue(html.contains(OLD_HEADER), "no intervals column, no split columns");
    }

    @Test
    void rowsWhoseIntervalsDifferReferToTheirMethodByLetter() throws Exception {
        String html = writeRows(List.of(withoutIntervals(2), withIntervals(8), withoutIntervals(4)));
        assertTrue(html.contains("the intervals column says how each row's were computed:"
                + "<br>a: none (2 replicates: intervals need at least 3)<br>b: " + BOOTSTRAP + "</p>"), html);
        assertTrue(html.contains("<th>variance</th><th>intervals</th></tr>"), html);
        assertTrue(html.contains("<td>0.02000</td><td></td><td>0.01800</td><td>0.00200</td><td>a</td></tr>"), html);
        assertTrue(html.contains("[0.00200, 0.00270]</span></td><td>b</td></tr>"), html);
        assertEquals(2, html.split("<td>a</td></tr>").length - 1);
    }

    @Test
    void theVarianceSplitHasColumnsWhenARowHasIt() throws Exception {
        BiasVarianceRow crossed = BiasVarianceRow.newBuilder(withIntervals(8)).setReplicateSplit("crossed")
                .setVarianceData(-0.0001).setVarianceDataLow(-0.0004).setVarianceDataHigh(0.0003)
                .setVarianceInit(0.0024).setVarianceInitLow(0.0021).setVarianceInitHigh(0.0026).build();
        String html = writeRows(List.of(crossed, withIntervals(16)));
        assertTrue(html.contains("<th>variance</th><th>variance from data</th><th>variance from init and order</th>"
                + "</tr>"), html);
        assertTrue(html.contains("<td>-0.00010 <span class=\"ci\">[-0.00040, 0.00030]</span></td>"
                + "<td>0.00240 <span class=\"ci\">[0.00210, 0.00260]</span></td></tr>"), html);
        assertTrue(html.contains("[0.00200, 0.00270]</span></td><td></td><td></td></tr>"), "no split, empty cells");
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
    void intervalKeysRunFromAToZThenDouble() {
        assertEquals(List.of("a", "b", "z", "aa", "ab", "az", "ba"), java.util.stream.IntStream.of(0, 1, 25, 26, 27,
                51, 52).mapToObj(HtmlReport::letters).toList());
    }

    @Test
    void everyPictureIsEmbeddedAndNothingIsFetched() throws Exception {
        String html = write(List.of());
        assertEquals(9, html.split("<img ").length - 1);
        assertEquals(9, html.split("src=\"data:image/png;base64,").length - 1);
        assertFalse(html.contains("src=\"http"));
    }
}
