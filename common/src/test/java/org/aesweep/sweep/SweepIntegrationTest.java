package org.aesweep.sweep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.aesweep.BadInputException;
import org.aesweep.analysis.BootstrapSettings;
import org.aesweep.analysis.PcaBaseline;
import org.aesweep.analysis.PcaBaselines;
import org.aesweep.analysis.SavedRun;
import org.aesweep.data.IdxReader;
import org.aesweep.data.LabeledImages;
import org.aesweep.plan.PlannedRun;
import org.aesweep.plan.SweepPlan;
import org.aesweep.report.Aggregation;
import org.aesweep.report.CodeDecoding;
import org.aesweep.report.DecodeRequest;
import org.aesweep.spark.SparkSessions;
import org.aesweep.spec.FusionMode;
import org.aesweep.spec.FusionSpec;
import org.aesweep.spec.NoiseKind;
import org.aesweep.spec.ParameterAveragingSpec;
import org.aesweep.spec.RunConfig;
import org.aesweep.spec.TrainingMode;
import org.aesweep.tables.SweepTables;
import org.aesweep.tables.Table;
import org.aesweep.tables.TableCatalog;
import org.aesweep.tables.TableLayout;
import org.aesweep.tables.avro.BiasVarianceRow;
import org.aesweep.tables.avro.EpochMetricRow;
import org.aesweep.tables.avro.LatentCodeRow;
import org.aesweep.tables.avro.RunRow;
import org.aesweep.testing.LocalFiles;
import org.aesweep.testing.SyntheticImages;
import org.aesweep.testing.TestRuns;
import org.aesweep.train.TrainingArrays;
import org.apache.avro.Schema;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sweep and aggregation on a real local-mode Spark with Kryo, over generated IDX files: every
 * table is read back with Spark and with parquet-avro and checked for schema, row counts and values.
 */
class SweepIntegrationTest {
    private static final int TRAIN = 300;
    private static final int TEST = 60;
    private static final int EPOCHS = 3;

    @TempDir
    static Path work;

    private static SparkSession spark;
    private static TableLayout layout;
    private static SweepTables tables;
    private static List<RunConfig> runs;
    private static SweepOutcome first;

    @BeforeAll
    static void runSweepAndAggregate() throws Exception {
        Path data = work.resolve("synthetic");
        SyntheticImages.writeDataset(data, TRAIN, TEST);
        runs = new ArrayList<>();
        for (int code : new int[] {4, 16}) {
            for (int replicate = 0; replicate < 2; replicate++) {
                runs.add(TestRuns.shallow(code).dataset(data.toString()).epochs(EPOCHS).replicate(replicate).build());
            }
        }
        runs.add(TestRuns.shallow(8).deep(List.of(32)).dataset(data.toString()).epochs(EPOCHS)
                .noise(NoiseKind.GAUSSIAN, 0.2).build());
        layout = new TableLayout(work.resolve("out").toString(), "it");
        spark = SparkSessions.create("aesweep-test", "local[2]");
        // Fusion on, so the fused path runs through Spark too: the shallow replicates pair up. The deep
        // run is estimated to cost more than the rest of the sweep per task slot, so it takes both cores.
        List<PlannedRun> planned = runs.stream().map(run -> new PlannedRun(run, TrainingMode.LOCAL,
                run.architecture().label().equals("deep") ? 10 : 1)).toList();
        SweepPlan plan = new SweepPlan(List.of(), planned, ParameterAveragingSpec.defaults(),
                new FusionSpec(FusionMode.ON, FusionSpec.DEFAULT_MAX_RUNS), 0, 0, 0, 0);
        tables = new SweepTables(TableCatalog.open(spark, layout.root().toString()), layout);
        first = new SweepDriver(spark, tables.catalog()).run(new SweepSettings(work.toString(), layout), plan, false, RunsNotInGrid.REFUSE);
        new Aggregation(spark).run(tables, work.toString(), BootstrapSettings.DEFAULTS);
    }

    @AfterAll
    static void stopSpark() {
        spark.stop();
    }

    @Test
    void everyRunSucceedsAndNothingIsLeftInStaging() throws IOException {
        assertTrue(first.allSucceeded(), first.toString());
        assertEquals(runs.size(), first.trained().size());
        assertEquals(0, first.skipped());
        try (Stream<Path> staged = Files.walk(work.resolve("out/_staging"))) {
            assertEquals(0, staged.filter(Files::isRegularFile).count());
        }
        for (RunConfig run : runs) {
            assertTrue(Files.size(LocalFiles.of(layout.modelFile(run.runId()))) > 0);
        }
    }

    @Test
    void tablesHaveTheAvroSchemasColumnsAndOneRowSetPerRun() {
        assertColumns(Table.RUNS, RunRow.getClassSchema());
        assertColumns(Table.EPOCH_METRICS, EpochMetricRow.getClassSchema());
        assertColumns(Table.LATENT_CODES, LatentCodeRow.getClassSchema());
        assertColumns(Table.BIAS_VARIANCE, BiasVarianceRow.getClassSchema());

        assertEquals(runs.size(), read(Table.RUNS).count());
        assertEquals(runs.size() * EPOCHS, read(Table.EPOCH_METRICS).count());
        assertEquals(runs.size() * TEST, read(Table.LATENT_CODES).count());
        assertEquals(runs.size(), read(Table.RUNS).select("run_id").distinct().count());
        assertEquals(runs.stream().map(RunConfig::runId).sorted().collect(Collectors.toList()),
                read(Table.RUNS).select("run_id").orderBy("run_id").as(org.apache.spark.sql.Encoders.STRING())
                        .collectAsList());
    }

    @Test
    void endOfSweepSummaryHasOneLinePerCurveWithItsBestRunAndThePaths() throws IOException {
        List<SweepGroupSummary> groups =
                SweepGroupSummary.of(tables.allRows(RunRow.class));
        assertEquals(List.of("deep", "shallow"), groups.stream().map(SweepGroupSummary::architecture).toList());
        SweepGroupSummary shallow = groups.get(1);
        assertEquals(4, shallow.runs());
        assertEquals(4, shallow.ok());
        assertEquals("none:0.0", shallow.noise());
        Row best = read(Table.RUNS).where("architecture = 'shallow'").orderBy("final_test_loss")
                .select("final_test_loss", "code_size").first();
        assertEquals(best.getDouble(0), shallow.bestTestLoss(), 0.0);
        assertEquals(best.getInt(1), shallow.bestCodeSize());
        assertEquals("gaussian:0.2", groups.get(0).noise());

        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        SweepReport.print(first, groups, tables, new org.apache.hadoop.fs.Path(layout.root(), "duckdb.sql"),
                new PrintStream(printed, true, StandardCharsets.UTF_8));
        String text = printed.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("sweep it: 5 run(s) trained now (5 ok, 0 diverged, 0 failed), 0 kept as committed"), text);
        assertTrue(text.matches("(?s).*\\n[^\\n]*shallow +none:0.0 +- +4 +4 +0 +0 +" + String.format(
                java.util.Locale.ROOT, "%.5f", best.getDouble(0)) + " +" + best.getInt(1) + "\\n.*"), text);
        assertTrue(text.contains("aesweep.sweeps.latent_probes: " + layout.tableRoot(Table.LATENT_PROBES)), text);
        assertTrue(text.contains("duckdb -init " + work.resolve("out").resolve("duckdb.sql")), text);
        assertTrue(text.contains(layout.reportDir() + "/index.html"), text);
    }

    @Test
    void replicatesOfOneShallowNetworkTrainedFusedInPairsAndTheDeepRunAlone() {
        // The two replicates of each shallow code size share a network.
        assertEquals(List.of(2, 2, 2, 2), read(Table.RUNS).where("architecture = 'shallow'")
                .select("fused_runs").as(org.apache.spark.sql.Encoders.INT()).collectAsList());
        assertEquals(List.of(1), read(Table.RUNS).where("architecture = 'deep'")
                .select("fused_runs").as(org.apache.spark.sql.Encoders.INT()).collectAsList());
    }

    @Test
    void theStragglerTrainedWithBothCoresAndTheOthersWithOneEach() {
        assertEquals(List.of(2), read(Table.RUNS).where("architecture = 'deep'")
                .select("threads").as(org.apache.spark.sql.Encoders.INT()).collectAsList());
        assertEquals(List.of(1, 1, 1, 1), read(Table.RUNS).where("architecture = 'shallow'")
                .select("threads").as(org.apache.spark.sql.Encoders.INT()).collectAsList());
    }

    @Test
    void shallowTestLossFallsOverEpochs() {
        List<Row> curves = read(Table.EPOCH_METRICS).where("architecture = 'shallow'")
                .groupBy("run_id").pivot("epoch").avg("test_loss").collectAsList();
        assertEquals(4, curves.size());
        for (Row curve : curves) {
            assertTrue(curve.getDouble(EPOCHS) < curve.getDouble(1), curve.toString());
        }
    }

    @Test
    void latentCodesHaveTheRunsCodeSizeAndTestLabels() throws IOException {
        RunConfig run = runs.get(0);
        List<LatentCodeRow> codes = tables.rows(LatentCodeRow.class, run.runId());
        assertEquals(TEST, codes.size());
        for (LatentCodeRow code : codes) {
            assertEquals(run.architecture().codeSize(), code.getCode().size());
            assertEquals(code.getSampleIndex() % 10, code.getLabel());
        }
    }

    @Test
    void runsRowsCarryTheConfigAndFinalLosses() {
        Row deep = read(Table.RUNS).where("architecture = 'deep'").first();
        assertEquals("ok", deep.getAs("status"));
        assertEquals("gaussian", deep.getAs("noise_kind"));
        assertEquals(0.2, deep.<Double>getAs("noise_level"), 0.0);
        assertEquals("local", deep.getAs("training_mode"));
        assertEquals("cpu", deep.getAs("backend"));
        assertEquals(TRAIN, (int) deep.<Integer>getAs("train_samples"));
        assertTrue(deep.<Double>getAs("full_train_loss") > 0);
        Row lastEpoch = read(Table.EPOCH_METRICS).where("architecture = 'deep' and epoch = " + EPOCHS).first();
        assertEquals(lastEpoch.<Double>getAs("test_loss"), deep.<Double>getAs("final_test_loss"), 0.0);
        assertTrue(lastEpoch.<Double>getAs("denoising_test_loss") > 0);
    }

    @Test
    void biasVarianceHasOneRowPerGroupWithItsReplicateCountAndAPlotPerCurve() throws IOException {
        Dataset<Row> groups = read(Table.BIAS_VARIANCE);
        assertEquals(3, groups.count());
        Row shallow4 = groups.where("architecture = 'shallow' and code_size = 4").first();
        assertEquals(2, (int) shallow4.<Integer>getAs("replicates"));
        assertTrue(shallow4.<Double>getAs("train_loss_std") >= 0);
        Row deep = groups.where("architecture = 'deep'").first();
        assertEquals(1, (int) deep.<Integer>getAs("replicates"));
        assertNull(deep.getAs("test_loss_std"));
        assertNull(deep.getAs("variance"), "one replicate has no variance");
        assertTrue(shallow4.<Double>getAs("variance") > 0);

        List<Path> plots;
        try (Stream<Path> files = Files.list(LocalFiles.of(layout.reportDir()))) {
            plots = files.filter(p -> p.getFileName().toString()
                    .matches("(overview|loss-vs-code-size|bias-variance)_.*png")).collect(Collectors.toList());
        }
        // Two overviews, a loss curve per architecture, a decomposition for shallow (the one with replicates).
        assertEquals(5, plots.size(), plots.toString());
        for (Path plot : plots) {
            byte[] header = java.util.Arrays.copyOf(Files.readAllBytes(plot), 4);
            assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, header);
        }
    }

    @Test
    void thePcaBaselineIsFitOnTheSweepsTrainingImagesAndEvaluatedOnItsTestImagesAtItsCodeSizes() throws IOException {
        Map<String, PcaBaseline> baselines = PcaBaselines.compute(spark, tables, work.toString());
        String dataset = runs.get(0).data().dataset();
        assertEquals(List.of(dataset), List.copyOf(baselines.keySet()));
        PcaBaseline expected = PcaBaseline.fit(TrainingArrays.toMatrix(synthetic("train")),
                TrainingArrays.toMatrix(synthetic("t10k")), new int[] {4, 8, 16});
        assertEquals(TRAIN, baselines.get(dataset).fitImages());
        assertEquals(expected, baselines.get(dataset));
    }

    @Test
    void theReportHasLearningCurvesMontagesAndCodeValuesEachInItsSection() throws IOException {
        List<String> names;
        try (Stream<Path> files = Files.list(LocalFiles.of(layout.reportDir()))) {
            names = files.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
        }
        // A picture per curve, named after it: the dataset (a directory here), architecture and noise.
        for (String prefix : List.of("learning-curves_", "reconstructions-by-code-size_")) {
            assertEquals(2, names.stream().filter(name -> name.startsWith(prefix)).count(), prefix + " in " + names);
            assertTrue(names.stream().anyMatch(name -> name.startsWith(prefix)
                    && name.endsWith("_deep_noise=gaussian_0.2.png")), prefix + " in " + names);
        }
        List<String> denoising = names.stream().filter(name -> name.startsWith("denoising_")).toList();
        assertEquals(1, denoising.size(), "only deep is noisy: " + names);
        assertTrue(denoising.get(0).endsWith("_deep_noise=gaussian_0.2.png"), denoising.toString());
        assertEquals(1, names.stream().filter(name -> name.startsWith("code-values_")).count(), names.toString());
        String html = Files.readString(LocalFiles.of(layout.reportDir()).resolve("index.html"));
        for (String section : List.of("learning-curves", "reconstructions-by-code-size", "denoising", "code-values")) {
            assertTrue(html.contains("<h2 id=\"" + section + "\">"), section);
        }
    }

    /** The generated train or test set ("train" or "t10k"), read from its IDX files. */
    private static LabeledImages synthetic(String prefix) throws IOException {
        return IdxReader.read(new org.apache.hadoop.fs.Path(work.resolve("synthetic/" + prefix + "-images-idx3-ubyte")
                        .toString()),
                new org.apache.hadoop.fs.Path(work.resolve("synthetic/" + prefix + "-labels-idx1-ubyte").toString()),
                new Configuration());
    }

    @Test
    void aRerunSkipsCommittedRunsAndChangesNoFile() throws Exception {
        List<String> before = listing();
        SweepOutcome rerun = new SweepDriver(spark, tables.catalog()).run(new SweepSettings(work.toString(), layout),
                SweepPlan.allLocal(runs), false, RunsNotInGrid.REFUSE);
        assertEquals(runs.size(), rerun.skipped());
        assertTrue(rerun.trained().isEmpty());
        assertEquals(before, listing());
        assertEquals(runs.size(), read(Table.RUNS).count());
    }

    @Test
    void aSavedRunRestoresItsConfigAndReproducesItsStoredCodes() throws IOException {
        RunConfig run = runs.get(4);
        SavedRun saved = SavedRun.load(tables, run.runId());
        assertEquals(run, saved.config());
        assertEquals(run.runId(), saved.config().runId());

        LabeledImages test = synthetic("t10k");
        float[] code = saved.model().encode(TrainingArrays.toMatrix(test)).getRow(0).toFloatVector();
        LatentCodeRow stored = tables.rows(LatentCodeRow.class, run.runId()).stream()
                .filter(row -> row.getSampleIndex() == 0).findFirst().orElseThrow();
        for (int i = 0; i < code.length; i++) {
            assertEquals(stored.getCode().get(i), code[i], 1e-5);
        }
    }

    @Test
    void classMeansAndPointsDecodeIntoAMontageAndWrongSizedPointsAreRefused() throws Exception {
        RunConfig run = runs.get(0);
        Path png = work.resolve("decoded.png");
        DecodeRequest request = new DecodeRequest(layout.root().toString(), layout.sweepId(), run.runId(),
                List.of(new float[] {1f, 2f, 0f, 0.5f}), true, png.toString());
        CodeDecoding.run(request, tables.catalog());
        java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(png.toFile());
        // One point and ten class means: a full row of ten tiles, and a second row.
        assertTrue(image.getWidth() > 10 * 28 * 4 && image.getHeight() > 2 * 28 * 4,
                image.getWidth() + "x" + image.getHeight());

        DecodeRequest wrong = new DecodeRequest(layout.root().toString(), layout.sweepId(), run.runId(),
                List.of(new float[] {1f, 2f}), false, png.toString());
        BadInputException refused = assertThrows(BadInputException.class,
                () -> CodeDecoding.run(wrong, tables.catalog()));
        assertTrue(refused.getMessage().contains("code size 4"), refused.getMessage());
    }

    private static List<String> listing() throws IOException {
        Path tables = work.resolve("out/tables");
        try (Stream<Path> files = Files.walk(tables)) {
            return files.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().matches("[._].*"))
                    .map(p -> tables.relativize(p) + ":" + p.toFile().lastModified()).sorted()
                    .collect(Collectors.toList());
        }
    }

    private static Dataset<Row> read(Table table) {
        return tables.dataset(spark, table);
    }

    private static void assertColumns(Table table, Schema schema) {
        List<String> expected = schema.getFields().stream().map(Schema.Field::name).collect(Collectors.toList());
        // sweep_id is the table's partition column, not a column of the files.
        assertFalse(expected.contains("sweep_id"), table.directoryName());
        expected.add("sweep_id");
        assertEquals(expected, List.of(read(table).columns()), table.directoryName());
        assertEquals("string", read(table).schema().apply("sweep_id").dataType().simpleString());
    }
}
