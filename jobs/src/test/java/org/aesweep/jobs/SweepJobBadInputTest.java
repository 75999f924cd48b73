package org.aesweep.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.aesweep.testing.RealData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input is refused with one clear message and exit code 2, before Spark starts or anything is written. */
class SweepJobBadInputTest {
    @TempDir
    Path work;

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private PrintStream originalErr;
    private PrintStream originalOut;

    @BeforeEach
    void captureOutput() {
        originalErr = System.err;
        originalOut = System.out;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreOutput() {
        System.setErr(originalErr);
        System.setOut(originalOut);
    }

    @Test
    void helpPrintsUsageAndExitsZero() throws Exception {
        assertEquals(0, SweepJob.run(new String[] {"--help"}));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("--grid"));
        assertEquals(0, AggregateJob.run(new String[] {"--help"}));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("--sweep-id"));
        assertEquals(0, DecodeTool.run(new String[] {"--help"}));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("--class-means"));
    }

    @Test
    void theDecodeToolRefusesMissingPointsBadNumbersAndUnknownRuns() throws Exception {
        String[] base = {"--out", work.resolve("out").toString(), "--sweep-id", "t", "--run-id", "0123456789abcdef"};
        assertEquals(2, DecodeTool.run(base));
        assertTrue(errors().contains("--point or --class-means"), errors());
        assertEquals(2, DecodeTool.run(concat(base, "--point", "1,x")));
        assertTrue(errors().contains("'x' is not a number"), errors());
        assertEquals(2, DecodeTool.run(concat(base, "--class-means")));
        assertTrue(errors().contains("no output root at"), errors());
        java.nio.file.Files.createDirectories(work.resolve("out"));
        assertEquals(2, DecodeTool.run(concat(base, "--class-means")));
        assertTrue(errors().contains("has no committed row in aesweep.sweeps.runs"), errors());
    }

    @Test
    void theAggregateJobRefusesBadBootstrapOptionsBeforeItStarts() throws Exception {
        Path out = work.resolve("out");
        String[] base = {"--out", out.toString(), "--sweep-id", "t", "--master", "local[1]"};
        assertEquals(2, AggregateJob.run(concat(base, "--bootstrap-draws", "-5")));
        assertTrue(errors().contains("--bootstrap-draws must be 0 (no intervals) or more, got -5"), errors());
        assertEquals(2, AggregateJob.run(concat(base, "--bootstrap-draws", "many")));
        assertTrue(errors().contains("--bootstrap-draws 'many' is not a whole number"), errors());
        assertEquals(2, AggregateJob.run(concat(base, "--interval-level", "95")));
        assertTrue(errors().contains("--interval-level must lie strictly between 0 and 1"), errors());
        assertEquals(2, AggregateJob.run(concat(base, "--interval-level", "1")));
        assertEquals(2, AggregateJob.run(concat(base, "--interval-level", "NaN")));
        assertEquals(2, AggregateJob.run(concat(base, "--bootstrap-seed", "1.5")));
        assertTrue(errors().contains("--bootstrap-seed '1.5' is not a whole number"), errors());
        assertFalse(Files.exists(out), "nothing ran");
        assertEquals(0, AggregateJob.run(new String[] {"--help"}));
        String help = this.out.toString(StandardCharsets.UTF_8);
        assertTrue(help.contains("--bootstrap-draws") && help.contains("--interval-level")
                && help.contains("--bootstrap-seed"), help);
    }

    private static String[] concat(String[] base, String... more) {
        String[] all = java.util.Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }

    @Test
    void anUnknownArchitectureIsNamedWithItsLine() throws Exception {
        Path grid = spec("dataset: fashion-mnist\ncode_sizes: [2]\narchitectures: [shallow, convv]\n");
        assertRefused(grid, "convv");
        assertTrue(errors().contains(":3"), errors());
    }

    @Test
    void aMisspelledKeyGetsASuggestion() throws Exception {
        Path grid = spec("dataset: fashion-mnist\ncode_sizes: [2]\ntrainig:\n  epochs: 2\n");
        assertRefused(grid, "training");
    }

    @Test
    void aCodeSizeAsLargeAsTheInputIsRefused() throws Exception {
        assertRefused(spec("dataset: fashion-mnist\ncode_sizes: [784]\n"), "784");
    }

    @Test
    void earlyStoppingWithoutAValidationSplitIsRefused() throws Exception {
        assertRefused(spec("dataset: fashion-mnist\ncode_sizes: [2]\ntraining:\n  early_stopping_patience: 2\n"),
                "early stopping needs a validation split: set data.validation");
    }

    @Test
    void aValidationCountAsLargeAsTheTrainingSetIsRefusedOnceTheDataIsRead() throws Exception {
        // Without train_limit the spec alone cannot know the training set's size; the preflight can.
        assertRefused(spec("dataset: fashion-mnist\ncode_sizes: [2]\ndata:\n  validation: 60000\n"),
                "data.validation: 60000 must be below the 60000 training samples");
    }

    @Test
    void dataSetsOfDifferentImageSizesInOneSweepAreRefused() throws Exception {
        Path square28 = IdxFixtures.dataset(work.resolve("d28"), 20, 5, 28);
        Path square16 = IdxFixtures.dataset(work.resolve("d16"), 20, 5, 16);
        assertRefused(spec("dataset: [" + square28 + ", " + square16 + "]\ncode_sizes: [2]\n"),
                "the data sets of one sweep must share an image size");
        assertTrue(errors().contains(square16 + " 16x16"), errors());
    }

    @Test
    void aMissingDataSetIsRefusedNamingTheFiles() throws Exception {
        Path grid = spec("dataset: mnist\ncode_sizes: [2]\n");
        assertEquals(2, SweepJob.run(new String[] {"--grid", grid.toString(), "--data", work.resolve("nothing").toString(),
                "--out", work.resolve("out").toString(), "--sweep-id", "t"}));
        assertTrue(errors().contains("train-images-idx3-ubyte"), errors());
        assertFalse(Files.exists(work.resolve("out")));
    }

    @Test
    void aMissingSpecFileAndAnUnsafeSweepIdAreRefused() throws Exception {
        assertEquals(2, SweepJob.run(new String[] {"--grid", work.resolve("none.yaml").toString(), "--sweep-id", "t",
                "--out", work.resolve("out").toString()}));
        assertTrue(errors().contains("none.yaml"), errors());
        assertEquals(2, SweepJob.run(new String[] {"--grid", "x.yaml", "--sweep-id", "../x"}));
        assertTrue(errors().contains("--sweep-id"), errors());
        assertEquals(2, SweepJob.run(new String[] {"--sweep-id", "x"}));
        assertTrue(errors().contains("grid"), errors());
        assertFalse(Files.exists(work.resolve("out")));
    }

    private void assertRefused(Path grid, String expectedInMessage) throws Exception {
        int code = SweepJob.run(new String[] {"--grid", grid.toString(), "--data", RealData.root().toString(),
                "--out", work.resolve("out").toString(), "--sweep-id", "t"});
        assertEquals(2, code, errors());
        assertTrue(errors().contains(expectedInMessage), errors());
        assertFalse(Files.exists(work.resolve("out")), "nothing may be created under --out");
    }

    private Path spec(String yaml) throws IOException {
        Path file = work.resolve("spec.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    private String errors() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
