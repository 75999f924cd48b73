package org.aesweep.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.aesweep.analysis.PcaBaselines;
import org.aesweep.tables.avro.BiasVarianceRow;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Writes a sweep's report as one self-contained {@code index.html}: the plots embedded as data URIs
 * (no server, no CDN, opens from disk or as an e-mail attachment). A contents list on top, then a
 * section per kind of picture (so curves compare side by side within a section), each opened by a
 * sentence on what it shows, then the bias_variance and latent-probe tables.
 */
public final class HtmlReport {
    private static final String STYLE = "body{font-family:sans-serif;margin:2em;max-width:1300px}"
            + "table{border-collapse:collapse;font-size:13px}td,th{border:1px solid #bbb;padding:3px 6px;"
            + "text-align:right}th{background:#eee}img{max-width:100%;margin:4px 0}"
            + ".row{display:flex;gap:12px}.row>div{flex:1 1 0;min-width:0}p.note{color:#444;max-width:62em}"
            + ".ci{color:#555;white-space:nowrap}";

    /** A latent-probe summary line: mean over replicates of one grid point. */
    public record ProbeSummary(String architecture, String noise, int codeSize, int runs, double knn1, double knn5,
                               double meanActivation, double deadUnits, double topTwoVariance) {
    }

    private HtmlReport() {
    }

    /**
     * The pictures a report shows, in its order.
     *
     * @param curves         per curve its loss-vs-code-size plot and its bias-variance plot, named
     *                       {@code <kind>_<curve>.png}
     * @param varianceSplits per curve with a crossed replicate design, its variance split, named
     *                       {@code variance-split_<curve>.png}
     * @param byCodeSize     per curve, the same test images reconstructed at every code size
     * @param denoising      per curve with input noise, clean, noisy and reconstructed test images
     * @param reconstructions per code size, every curve's reconstructions of the same test images
     */
    public record Pictures(List<Path> overviews, List<Path> curves, List<Path> varianceSplits,
                           List<Path> learningCurves, List<Path> byCodeSize,
                           List<Path> denoising, List<Path> reconstructions, List<Path> codeValues,
                           List<Path> latentScatters, List<Path> classMeans, List<Path> weights) {
    }

    /** A section of the report: its anchor, heading and the sentence that opens it. */
    private record Section(String id, String heading, String note) {
    }

    private static final Section OVERVIEW = new Section("overview", "Overview",
            "Test loss and the variance over replicates against code size (drawn when some grid point has"
                    + " two or more replicates), every curve in one chart; shaded bands around the variance are its"
                    + " confidence intervals, where the aggregation computed them. In black,"
                    + " dashed in MSE and dotted in BCE: the PCA baseline, the best linear reconstruction at each code"
                    + " size (test images projected on the first k principal components of the sweep's training"
                    + " images: after train_limit and the validation holdout, at most "
                    + String.format(Locale.ROOT, "%,d", PcaBaselines.MAX_FIT_IMAGES) + " of them; the legend says how"
                    + " many). In MSE it is the optimum a linear autoencoder trained with MSE reaches. For runs trained"
                    + " on BCE it is the BCE of the PCA reconstruction clipped into [1e-7, 1-1e-7]: a projection can"
                    + " leave [0, 1], where BCE is undefined.");
    private static final Section CURVES = new Section("curves", "Loss and bias-variance per curve",
            "Left: final train and test loss (mean and one standard deviation over replicates) with the PCA"
                    + " baseline in the same loss. Right: the risk of the clean test reconstructions split in the"
                    + " curve's loss, with the PCA baseline in that loss: risk = bias² + variance in per-element"
                    + " squared error for MSE curves, risk = noise + bias + variance in per-element BCE for BCE"
                    + " curves. Shaded bands around risk, bias and variance are their confidence intervals where the"
                    + " aggregation computed them: the legend names the level and method once, and lists the code"
                    + " sizes whose points have no interval, and why.");
    static final String VARIANCE_SPLIT = "Left: this crossed design's variance (D data splits x S seeds) split"
            + " by the law of total variance (Neal et al. 2018) into the part from the training data, the spread"
            + " of the data splits' expected predictions, and the part from initialisation and minibatch order,"
            + " the expected spread over seeds on one data split, with their confidence bands; the parts are"
            + " unbiased estimates, so sampling noise can push one below 0 (a grey line then marks 0).";
    private static final Section LEARNING = new Section("learning-curves", "Learning curves",
            "Per curve a panel per code size, all on one loss axis: train, validation (runs with data.validation"
                    + " only) and test loss after each epoch, means over replicates; faint red lines are each"
                    + " replicate's test loss. A test loss still falling at the last epoch means the runs stopped"
                    + " before they converged.");
    private static final Section BY_CODE_SIZE = new Section("reconstructions-by-code-size",
            "Reconstructions across code sizes",
            "Per curve the first test image of each class (top row) and its reconstruction at every code size"
                    + " (first replicate), a row per code size.");
    private static final Section DENOISING = new Section("denoising", "Denoising",
            "Per curve with input noise: the clean test images, one seeded draw of the curve's noise on them (its"
                    + " runs' noise model), and each code size's reconstruction of the noisy images (first"
                    + " replicate).");
    private static final Section RECONSTRUCTIONS = new Section("reconstructions", "Reconstructions per code size",
            "Per code size the first test image of each class, then its reconstruction by each architecture and"
                    + " noise level (first replicate), a row each.");
    private static final Section CODE_VALUES = new Section("code-values", "Code values",
            "Histograms of every unit of every test code (first replicate, the sweep's lowest noise level), a panel"
                    + " per code size and a line per architecture, on a log count axis: a sparse code piles up at"
                    + " zero.");
    private static final Section LATENT = new Section("latent-space", "Latent space",
            "Test codes coloured by class (first replicate): the code itself when it has 2 units, else its first two"
                    + " principal components, and a t-SNE map.");
    private static final Section CLASS_MEANS = new Section("class-means", "Class-mean codes decoded",
            "Each class's mean test code decoded back to an image (first replicate).");
    private static final Section WEIGHTS = new Section("weights", "First-layer weights",
            "Dense encoders only, first replicate: one tile per hidden unit, each scaled to its own range.");
    private static final Section BIAS_VARIANCE = new Section("bias-variance-table", "bias_variance",
            "The bias_variance table: a row per grid point, losses as means over replicates, and confidence"
                    + " intervals in brackets after their values where the aggregation computed them.");
    private static final Section PROBES = new Section("latent-probes", "latent_probes (mean over replicates)",
            "k-nearest-neighbour accuracy of the test codes and their sparsity, per grid point.");
    private static final List<Section> CONTENTS = List.of(OVERVIEW, CURVES, LEARNING, BY_CODE_SIZE, DENOISING,
            RECONSTRUCTIONS, CODE_VALUES, LATENT, CLASS_MEANS, WEIGHTS, BIAS_VARIANCE, PROBES);

    /** @param losses the loss each curve's runs trained on, for the bias_variance table */
    public static Path write(String sweepId, Pictures pictures, List<BiasVarianceRow> rows, Map<Curve, String> losses,
                             List<ProbeSummary> probes, Path reportDir, Configuration conf) throws IOException {
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>aesweep ")
                .append(escape(sweepId)).append("</title><style>").append(STYLE).append("</style></head><body>")
                .append("<h1>aesweep sweep ").append(escape(sweepId)).append("</h1>")
                .append("<p>Losses are per-element means. Risk, bias and variance split the loss of the clean test"
                        + " reconstructions over replicates in the loss the runs trained with. MSE runs: risk = bias²"
                        + " + variance in squared error, around the replicates' mean (Yang et al. 2020). BCE runs:"
                        + " risk = noise + bias + variance, with noise the entropy of the test images, bias the KL"
                        + " divergence from them to the replicates' normalised geometric mean and variance the mean"
                        + " KL divergence from that mean to each replicate (Pfau 2013).</p><ul>");
        for (Section section : CONTENTS) {
            html.append("<li><a href=\"#").append(section.id()).append("\">").append(escape(section.heading()))
                    .append("</a></li>");
        }
        html.append("</ul>");
        FileSystem fs = reportDir.getFileSystem(conf);
        heading(html, OVERVIEW);
        side(html, pictures.overviews(), fs);
        heading(html, CURVES);
        curves(html, pictures.curves(), pictures.varianceSplits(), fs);
        heading(html, LEARNING);
        byCurve(html, pictures.learningCurves(), fs);
        heading(html, BY_CODE_SIZE);
        byCurve(html, pictures.byCodeSize(), fs);
        heading(html, DENOISING);
        if (pictures.denoising().isEmpty()) {
            html.append("<p>No run of this sweep had input noise.</p>");
        }
        byCurve(html, pictures.denoising(), fs);
        heading(html, RECONSTRUCTIONS);
        byCurve(html, pictures.reconstructions(), fs);
        heading(html, CODE_VALUES);
        byCurve(html, pictures.codeValues(), fs);
        heading(html, LATENT);
        byCurve(html, pictures.latentScatters(), fs);
        heading(html, CLASS_MEANS);
        byCurve(html, pictures.classMeans(), fs);
        heading(html, WEIGHTS);
        byCurve(html, pictures.weights(), fs);
        heading(html, BIAS_VARIANCE);
        biasVarianceTable(html, rows, losses);
        heading(html, PROBES);
        probeTable(html, probes);
        html.append("</body></html>\n");
        Path file = new Path(reportDir, "index.html");
        try (OutputStream out = fs.create(file, true)) {
            out.write(html.toString().getBytes(StandardCharsets.UTF_8));
        }
        return file;
    }

    private static void heading(StringBuilder html, Section section) {
        html.append("<h2 id=\"").append(section.id()).append("\">").append(escape(section.heading()))
                .append("</h2><p class=\"note\">").append(escape(section.note())).append("</p>");
    }

    /**
     * The pictures grouped by what they show, each group under its caption with its pictures side by
     * side: a picture named {@code <kind>_<subject>.png} shows {@code <subject>}, its '_' read as spaces.
     */
    private static void byCurve(StringBuilder html, List<Path> pngs, FileSystem fs) throws IOException {
        Map<String, List<Path>> bySubject = new LinkedHashMap<>();
        for (Path png : pngs) {
            bySubject.computeIfAbsent(caption(png), ignored -> new ArrayList<>()).add(png);
        }
        for (Map.Entry<String, List<Path>> subject : bySubject.entrySet()) {
            html.append("<h3>").append(escape(subject.getKey())).append("</h3>");
            side(html, subject.getValue(), fs);
        }
    }

    /**
     * Per curve its loss and decomposition charts side by side, and below them, for a crossed
     * design, its variance split beside the sentence that says what it shows.
     */
    private static void curves(StringBuilder html, List<Path> curves, List<Path> splits, FileSystem fs)
            throws IOException {
        Map<String, List<Path>> bySubject = new LinkedHashMap<>();
        for (Path png : curves) {
            bySubject.computeIfAbsent(caption(png), ignored -> new ArrayList<>()).add(png);
        }
        Map<String, Path> splitBySubject = new LinkedHashMap<>();
        splits.forEach(png -> splitBySubject.put(caption(png), png));
        for (Map.Entry<String, List<Path>> subject : bySubject.entrySet()) {
            html.append("<h3>").append(escape(subject.getKey())).append("</h3>");
            side(html, subject.getValue(), fs);
            Path split = splitBySubject.get(subject.getKey());
            if (split != null) {
                html.append("<div class=\"row\">");
                image(html, split, fs);
                html.append("<div><p class=\"note\">").append(escape(VARIANCE_SPLIT)).append("</p></div></div>");
            }
        }
    }

    static String caption(Path png) {
        String name = png.getName().replaceFirst("\\.png$", "");
        return name.substring(name.indexOf('_') + 1).replace('_', ' ').replace("code=", "code size ");
    }

    /** Pictures side by side, sharing the page's width. */
    private static void side(StringBuilder html, List<Path> pngs, FileSystem fs) throws IOException {
        html.append("<div class=\"row\">");
        for (Path png : pngs) {
            image(html, png, fs);
        }
        html.append("</div>");
    }

    private static void image(StringBuilder html, Path png, FileSystem fs) throws IOException {
        byte[] bytes;
        try (InputStream in = fs.open(png)) {
            bytes = in.readAllBytes();
        }
        html.append("<div><img alt=\"").append(escape(png.getName())).append("\" src=\"data:image/png;base64,")
                .append(Base64.getEncoder().encodeToString(bytes)).append("\"></div>");
    }

    /**
     * A row per grid point, each estimate with its interval in brackets where it has one, the
     * variance's parts when a row has them, and how the intervals were computed: said once above the
     * table when every row agrees, else listed there under letters that an intervals column gives
     * per row (the descriptions are long, and a sweep has few of them).
     */
    private static void biasVarianceTable(StringBuilder html, List<BiasVarianceRow> rows, Map<Curve, String> losses) {
        boolean split = rows.stream().anyMatch(row -> row.getVarianceData() != null || row.getVarianceInit() != null);
        Map<String, String> intervalKeys = intervalKeys(rows);
        boolean intervalPerRow = intervalKeys.size() > 1;
        if (!intervalKeys.isEmpty()) {
            html.append("<p class=\"note\">Confidence intervals in brackets");
            if (intervalPerRow) {
                html.append("; the intervals column says how each row's were computed:");
                intervalKeys.forEach((description, key) -> html.append("<br>").append(key).append(": ")
                        .append(escape(description)));
            } else {
                html.append(": ").append(escape(intervalKeys.keySet().iterator().next()));
            }
            html.append("</p>");
        }
        List<String> headers = new ArrayList<>(List.of("dataset", "architecture", "noise", "loss", "code size",
                "replicates", "split", "train loss", "test loss", "risk", "noise term (bce)", "bias (bias² for mse)",
                "variance"));
        if (split) {
            headers.addAll(List.of("variance from data", "variance from init and order"));
        }
        if (intervalPerRow) {
            headers.add("intervals");
        }
        List<List<String>> cells = new ArrayList<>();
        for (BiasVarianceRow row : rows) {
            List<String> rowCells = new ArrayList<>(List.of(escape(row.getDataset()), escape(row.getArchitecture()),
                    escape(row.getNoiseKind() + " " + row.getNoiseLevel()),
                    escape(losses.getOrDefault(Curve.of(row), "")), Integer.toString(row.getCodeSize()),
                    Integer.toString(row.getReplicates()), escape(row.getReplicateSplit()),
                    number(row.getTrainLossMean()), number(row.getTestLossMean()), withInterval(row, Estimate.RISK),
                    number(row.getNoise()), withInterval(row, Estimate.BIAS), withInterval(row, Estimate.VARIANCE)));
            if (split) {
                rowCells.add(withInterval(row, Estimate.VARIANCE_DATA));
                rowCells.add(withInterval(row, Estimate.VARIANCE_INIT));
            }
            if (intervalPerRow) {
                rowCells.add(intervalKeys.getOrDefault(IntervalTexts.describe(row), ""));
            }
            cells.add(rowCells);
        }
        table(html, headers, cells);
    }

    /**
     * Each distinct description of the rows' intervals with a letter, in the rows' order; rows
     * written before intervals existed have none.
     */
    private static Map<String, String> intervalKeys(List<BiasVarianceRow> rows) {
        Map<String, String> keys = new LinkedHashMap<>();
        for (BiasVarianceRow row : rows) {
            String description = IntervalTexts.describe(row);
            if (!description.isEmpty() && !keys.containsKey(description)) {
                keys.put(description, letters(keys.size()));
            }
        }
        return keys;
    }

    /** a, b, ..., z, aa, ab, ...: the n-th key, from 0. */
    static String letters(int n) {
        String letter = String.valueOf((char) ('a' + n % 26));
        return n < 26 ? letter : letters(n / 26 - 1) + letter;
    }

    /** The estimate's value, then its interval in brackets where the row has one: "0.01230 [0.01190, 0.01280]". */
    static String withInterval(BiasVarianceRow row, Estimate estimate) {
        String value = number(estimate.value(row));
        if (!estimate.hasInterval(row)) {
            return value;
        }
        return value + " <span class=\"ci\">[" + number(estimate.low(row)) + ", " + number(estimate.high(row))
                + "]</span>";
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
