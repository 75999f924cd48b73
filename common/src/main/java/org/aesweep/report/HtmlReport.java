package org.aesweep.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

import org.aesweep.tables.avro.BiasVarianceRow;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Writes a sweep's report as one self-contained {@code index.html}: the plots embedded as data URIs
 * (no server, no CDN, opens from disk or as an e-mail attachment), the overviews on top, then one
 * section per curve, then the bias_variance and latent-probe tables.
 */
public final class HtmlReport {
    private static final String STYLE = "body{font-family:sans-serif;margin:2em;max-width:1200px}"
            + "table{border-collapse:collapse;font-size:13px}td,th{border:1px solid #bbb;padding:3px 6px;"
            + "text-align:right}th{background:#eee}img{max-width:100%;margin:4px 0}";

    /** A latent-probe summary line: mean over replicates of one grid point. */
    public record ProbeSummary(String architecture, String noise, int codeSize, int runs, double knn1, double knn5,
                               double meanActivation, double deadUnits, double topTwoVariance) {
    }

    private HtmlReport() {
    }

    /** The pictures a report shows, in its order. */
    public record Pictures(List<Path> overviews, List<Path> curves, List<Path> reconstructions,
                           List<Path> latentScatters, List<Path> classMeans, List<Path> weights) {
    }

    public static Path write(String sweepId, Pictures pictures, List<BiasVarianceRow> rows,
                             List<ProbeSummary> probes, Path reportDir, Configuration conf) throws IOException {
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>aesweep ")
                .append(escape(sweepId)).append("</title><style>").append(STYLE).append("</style></head><body>")
                .append("<h1>aesweep sweep ").append(escape(sweepId)).append("</h1>")
                .append("<p>Losses are per-element means; risk, bias² and variance are per-element squared errors"
                        + " of clean test reconstructions over replicates (Yang et al. 2020).</p>")
                .append("<h2>Overview</h2>");
        FileSystem fs = reportDir.getFileSystem(conf);
        for (Path plot : pictures.overviews()) {
            image(html, plot, fs);
        }
        html.append("<h2>Curves</h2>");
        for (Path plot : pictures.curves()) {
            html.append("<h3>").append(escape(plot.getName().replace(".png", ""))).append("</h3>");
            image(html, plot, fs);
        }
        html.append("<h2>Reconstructions (first test image of each class; a row per architecture and noise,"
                + " first replicate)</h2>");
        captioned(html, pictures.reconstructions(), "reconstructions_", fs);
        html.append("<h2>Latent space (first replicate; the code itself when it has 2 units, else its first two"
                + " principal components)</h2>");
        for (Path plot : pictures.latentScatters()) {
            image(html, plot, fs);
        }
        html.append("<h2>Class-mean codes decoded (first replicate)</h2>");
        captioned(html, pictures.classMeans(), "class-means_", fs);
        html.append("<h2>First-layer weights (dense encoders, first replicate, one tile per hidden unit)</h2>");
        captioned(html, pictures.weights(), "weights_", fs);
        html.append("<h2>bias_variance</h2>");
        biasVarianceTable(html, rows);
        html.append("<h2>latent_probes (mean over replicates)</h2>");
        probeTable(html, probes);
        html.append("</body></html>\n");
        Path file = new Path(reportDir, "index.html");
        try (OutputStream out = fs.create(file, true)) {
            out.write(html.toString().getBytes(StandardCharsets.UTF_8));
        }
        return file;
    }

    private static void captioned(StringBuilder html, List<Path> pngs, String prefix, FileSystem fs)
            throws IOException {
        for (Path png : pngs) {
            html.append("<h4>").append(escape(png.getName().replace(prefix, "").replace(".png", ""))).append("</h4>");
            image(html, png, fs);
        }
    }

    private static void image(StringBuilder html, Path png, FileSystem fs) throws IOException {
        byte[] bytes;
        try (InputStream in = fs.open(png)) {
            bytes = in.readAllBytes();
        }
        html.append("<div><img alt=\"").append(escape(png.getName())).append("\" src=\"data:image/png;base64,")
                .append(Base64.getEncoder().encodeToString(bytes)).append("\"></div>");
    }

    private static void biasVarianceTable(StringBuilder html, List<BiasVarianceRow> rows) {
        List<List<String>> cells = new ArrayList<>();
        for (BiasVarianceRow row : rows) {
            cells.add(List.of(escape(row.getDataset()), escape(row.getArchitecture()),
                    escape(row.getNoiseKind() + " " + row.getNoiseLevel()), Integer.toString(row.getCodeSize()),
                    Integer.toString(row.getReplicates()), escape(row.getReplicateSplit()),
                    number(row.getTrainLossMean()), number(row.getTestLossMean()), number(row.getRisk()),
                    number(row.getBiasSquared()), number(row.getVariance())));
        }
        table(html, List.of("dataset", "architecture", "noise", "code size", "replicates", "split", "train loss",
                "test loss", "risk", "bias²", "variance"), cells);
    }

    private static void probeTable(StringBuilder html, List<ProbeSummary> probes) {
        List<List<String>> cells = new ArrayList<>();
        for (ProbeSummary probe : probes) {
            cells.add(List.of(escape(probe.architecture()), escape(probe.noise()), Integer.toString(probe.codeSize()),
                    Integer.toString(probe.runs()), number(probe.knn1()), number(probe.knn5()),
                    number(probe.meanActivation()), number(probe.deadUnits()), number(probe.topTwoVariance())));
        }
        table(html, List.of("architecture", "noise", "code size", "runs", "1-NN, 10 labelled per class", "5-NN",
                "mean |activation|", "dead units", "top-2 PC variance"), cells);
    }

    /** An HTML table of already escaped cells. */
    private static void table(StringBuilder html, List<String> headers, List<List<String>> rows) {
        html.append("<table><tr>");
        headers.forEach(header -> html.append("<th>").append(escape(header)).append("</th>"));
        html.append("</tr>");
        for (List<String> row : rows) {
            html.append("<tr>");
            row.forEach(cell -> html.append("<td>").append(cell).append("</td>"));
            html.append("</tr>");
        }
        html.append("</table>");
    }

    private static String number(Double value) {
        return value == null ? "" : String.format(Locale.ROOT, "%.5f", value);
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
