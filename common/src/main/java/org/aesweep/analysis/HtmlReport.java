package org.aesweep.analysis;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

import org.aesweep.io.avro.BiasVarianceRow;
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
    public record Pictures(List<Path> overviews, List<Path> curves, List<Path> latentScatters) {
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
        html.append("<h2>Latent space (first replicate; the code itself when it has 2 units, else its first two"
                + " principal components)</h2>");
        for (Path plot : pictures.latentScatters()) {
            image(html, plot, fs);
        }
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

    private static void image(StringBuilder html, Path png, FileSystem fs) throws IOException {
        byte[] bytes;
        try (InputStream in = fs.open(png)) {
            bytes = in.readAllBytes();
        }
        html.append("<div><img alt=\"").append(escape(png.getName())).append("\" src=\"data:image/png;base64,")
                .append(Base64.getEncoder().encodeToString(bytes)).append("\"></div>");
    }

    private static void biasVarianceTable(StringBuilder html, List<BiasVarianceRow> rows) {
        html.append("<table><tr><th>dataset</th><th>architecture</th><th>noise</th><th>code size</th>"
                + "<th>replicates</th><th>split</th><th>train loss</th><th>test loss</th><th>risk</th><th>bias²</th>"
                + "<th>variance</th></tr>");
        for (BiasVarianceRow row : rows) {
            html.append("<tr><td>").append(escape(row.getDataset())).append("</td><td>")
                    .append(escape(row.getArchitecture())).append("</td><td>")
                    .append(escape(row.getNoiseKind() + " " + row.getNoiseLevel())).append("</td><td>")
                    .append(row.getCodeSize()).append("</td><td>").append(row.getReplicates()).append("</td><td>")
                    .append(escape(row.getReplicateSplit())).append("</td>")
                    .append(cell(row.getTrainLossMean())).append(cell(row.getTestLossMean()))
                    .append(cell(row.getRisk())).append(cell(row.getBiasSquared())).append(cell(row.getVariance()))
                    .append("</tr>");
        }
        html.append("</table>");
    }

    private static void probeTable(StringBuilder html, List<ProbeSummary> probes) {
        html.append("<table><tr><th>architecture</th><th>noise</th><th>code size</th><th>runs</th>"
                + "<th>1-NN, 10 labelled per class</th><th>5-NN</th><th>mean |activation|</th>"
                + "<th>dead units</th><th>top-2 PC variance</th></tr>");
        for (ProbeSummary probe : probes) {
            html.append("<tr><td>").append(escape(probe.architecture())).append("</td><td>")
                    .append(escape(probe.noise())).append("</td><td>").append(probe.codeSize()).append("</td><td>")
                    .append(probe.runs()).append("</td>").append(cell(probe.knn1())).append(cell(probe.knn5()))
                    .append(cell(probe.meanActivation())).append(cell(probe.deadUnits()))
                    .append(cell(probe.topTwoVariance())).append("</tr>");
        }
        html.append("</table>");
    }

    private static String cell(Double value) {
        return "<td>" + (value == null ? "" : String.format(Locale.ROOT, "%.5f", value)) + "</td>";
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
