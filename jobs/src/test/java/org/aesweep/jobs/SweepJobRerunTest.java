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
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.aesweep.spark.SparkSessions;
import org.aesweep.tables.TableCatalog;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reruns in local mode: a rerun of a finished sweep changes nothing, leftovers of killed attempts
 * are cleared, --overwrite retrains everything and swaps it in whole, and diverged runs give exit
 * code 1 unless --allow-failures, on the attempt that trained them and on every retry after it.
 */
class SweepJobRerunTest {
    @TempDir
    Path work;

    @Test
    void rerunChangesNothingAndOverwriteReplacesEveryRun() throws Exception {
        Path out = work.resolve("out");
        Path grid = grid("optimizer: adam\n  learning_rate: 0.001");
        assertEquals(0, sweep(grid, out, "r"));
        Map<String, Long> finished = listing(out);
        Map<String, Object> firstStarts = startTimes(out);

        // What a killed attempt leaves: a staging directory, the models of an unfinished overwrite,
        // and a table file no snapshot references.
        Files.createDirectories(out.resolve("_staging/sweep_id=r/abc-attempt")).resolve("x");
        Files.createDirectories(out.resolve("models/.sweep_id=r.overwrite-old"));
        Path uncommitted = out.resolve("tables/runs/sweep_id=r/run-abc-killed.parquet");
        Files.copy(Files.list(out.resolve("tables/runs/sweep_id=r")).filter(p -> p.toString().endsWith(".parquet"))
                .findFirst().orElseThrow(), uncommitted);
        String rerun = stdoutOf(() -> sweep(grid, out, "r"));
        assertTrue(rerun.contains("0 run(s) trained") && rerun.contains("2 kept"), rerun);
        assertFalse(Files.exists(uncommitted), "a file no attempt committed is deleted");
        assertEquals(finished, listing(out), "a rerun of a finished sweep leaves the same files");
        assertEquals(firstStarts, startTimes(out), "and the same rows");
        assertFalse(Files.exists(out.resolve("models/.sweep_id=r.overwrite-old")));
        assertFalse(Files.exists(out.resolve("_staging/sweep_id=r")));

        assertEquals(0, sweep(grid, out, "other"));
        Map<String, Long> other = listing(out, "sweep_id=other");
        assertEquals(0, sweep(grid, out, "r", "--overwrite"));
        assertEquals(other, listing(out, "sweep_id=other"), "another sweep id in the same root is untouched");
        Map<String, Long> overwritten = listing(out);
        assertEquals(finished.keySet().stream().filter(name -> name.startsWith("models/")).toList(),
                overwritten.keySet().stream().filter(name -> name.startsWith("models/")).toList(),
                "an overwrite publishes the same models");
        for (String table : List.of("runs", "epoch_metrics", "latent_codes", "latent_probes")) {
            assertEquals(1, currentFiles(out, table, "r"), table + " is compacted into one file after the overwrite");
        }
        Map<String, Object> secondStarts = startTimes(out);
        assertEquals(firstStarts.keySet(), secondStarts.keySet());
        for (String runId : firstStarts.keySet()) {
            Timestamp before = (Timestamp) firstStarts.get(runId);
            assertTrue(((Timestamp) secondStarts.get(runId)).after(before), "run " + runId + " was retrained");
        }
        try (Stream<Path> all = Files.walk(out)) {
            assertFalse(all.anyMatch(path -> path.getFileName().toString().startsWith(".sweep_id=")),
                    "no hidden partitions left");
        }
    }

    @Test
    void aResumeAfterTheSpecChangedRefusesItsOldRunsUnlessToldToDropThem() throws Exception {
        Path out = work.resolve("out");
        Path grid = grid("optimizer: adam\n  learning_rate: 0.001");
        assertEquals(0, sweep(grid, out, "e"));
        Map<String, Object> before = startTimes(out, "e");

        String refusal = stderrOf(() -> sweep(grid, out, "e", "--set", "training.epochs=3"), 2);
        assertTrue(refusal.contains("sweep e holds 2 committed run(s) that this spec does not have")
                && refusal.contains("--drop-runs-not-in-grid"), refusal);
        assertEquals(before, startTimes(out, "e"), "the refused attempt changed no row");

        assertEquals(0, sweep(grid, out, "e", "--set", "training.epochs=3", "--drop-runs-not-in-grid"));
        Map<String, Object> after = startTimes(out, "e");
        assertEquals(2, after.size(), "only the edited spec's runs remain");
        assertTrue(after.keySet().stream().noneMatch(before::containsKey), after.keySet().toString());
        for (String runId : before.keySet()) {
            assertFalse(Files.exists(out.resolve("models/sweep_id=e/" + runId + ".zip")), "the dropped run's model");
        }
        for (String runId : after.keySet()) {
            assertTrue(Files.exists(out.resolve("models/sweep_id=e/" + runId + ".zip")), "the new run's model");
        }
    }

    @Test
    void divergedRunsFailTheSweepUnlessFailuresAreAllowed() throws Exception {
        Path out = work.resolve("out");
        // A linear net with squared error has nothing to saturate: this step size overflows to Inf/NaN.
        Path grid = grid("optimizer: sgd\n  learning_rate: 1.0e+38\n  loss: mse\narchitectures: [linear]");
        String report = stdoutOf(() -> {
            assertEquals(1, sweep(grid, out, "d"));
            return 0;
        });
        assertTrue(report.contains("diverged"), report);
        // A scheduler's retry trains nothing new, and still reports the sweep's diverged runs.
        String retry = stdoutOf(() -> {
            assertEquals(1, sweep(grid, out, "d"));
            return 0;
        });
        assertTrue(retry.contains("0 run(s) trained now") && retry.contains("2 kept as committed by an earlier attempt"), retry);
        assertTrue(retry.contains("sweep d now: 0 ok, 2 diverged, 0 failed, 0 not committed"), retry);
        assertEquals(0, sweep(grid, out, "d2", "--allow-failures"));
        try (SparkSession spark = SparkSessions.create("rerun-test", "local[1]");
             TableCatalog catalog = TableCatalog.open(spark, out.toString())) {
            List<Row> runs = spark.table("aesweep.sweeps.runs").collectAsList();
            assertEquals(4, runs.size(), "2 runs in each of two sweep ids, none duplicated by the retry");
            assertTrue(runs.stream().allMatch(row -> "diverged".equals(row.getAs("status"))), runs.toString());
        }
    }

    private Path grid(String optimizer) throws IOException {
        Path data = IdxFixtures.dataset(work.resolve("data"), 200, 20, 28);
        return Files.writeString(work.resolve("spec.yaml"), "dataset: " + data + "\ncode_sizes: [2, 4]\n"
                + "training:\n  epochs: 2\n  batch_size: 32\n  " + optimizer + "\n");
    }

    private static int sweep(Path grid, Path out, String sweepId, String... more) throws Exception {
        String[] base = {"--grid", grid.toString(), "--out", out.toString(), "--sweep-id", sweepId,
                "--master", "local[2]"};
        String[] all = Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return SweepJob.run(all);
    }

    /** Every file under the tables and models, with its size. */
    private static Map<String, Long> listing(Path out) throws IOException {
        return listing(out, "sweep_id=r");
    }

    /** Every file of one partition under the tables and models, with its size. */
    private static Map<String, Long> listing(Path out, String partition) throws IOException {
        try (Stream<Path> files = Stream.concat(Files.walk(out.resolve("tables")), Files.walk(out.resolve("models")))) {
            return files.filter(Files::isRegularFile).filter(path -> path.toString().contains("/" + partition + "/"))
                    .collect(Collectors.toMap(
                    path -> out.relativize(path).toString(), SweepJobRerunTest::size, (a, b) -> a, TreeMap::new));
        }
    }

    private static long size(Path file) {
        try {
            // The marker records how many runs were skipped, so only its presence must match.
            return file.getFileName().toString().equals("_SUCCESS") ? 0 : Files.size(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The data files of the table's current snapshot that hold the sweep's rows. */
    private static long currentFiles(Path out, String table, String sweepId) throws Exception {
        try (SparkSession spark = SparkSessions.create("rerun-test", "local[1]");
             TableCatalog catalog = TableCatalog.open(spark, out.toString())) {
            return spark.sql("SELECT count(*) FROM aesweep.sweeps." + table + ".files WHERE partition.sweep_id = '"
                    + sweepId + "'").first().getLong(0);
        }
    }

    private static Map<String, Object> startTimes(Path out) throws Exception {
        return startTimes(out, "r");
    }

    /** Each committed run of the sweep id, with when it started. */
    private static Map<String, Object> startTimes(Path out, String sweepId) throws Exception {
        try (SparkSession spark = SparkSessions.create("rerun-test", "local[1]");
             TableCatalog catalog = TableCatalog.open(spark, out.toString())) {
            return spark.table("aesweep.sweeps.runs").where("sweep_id = '" + sweepId + "'").collectAsList().stream()
                    .collect(Collectors.toMap(row -> row.getAs("run_id"), row -> row.getAs("started_at"),
                            (a, b) -> a, TreeMap::new));
        }
    }

    private interface Job {
        int run() throws Exception;
    }

    private static String stdoutOf(Job job) throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            job.run();
        } finally {
            System.setOut(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

    /** What the job printed on stderr, checking its exit code. */
    private static String stderrOf(Job job, int expectedExitCode) throws Exception {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            assertEquals(expectedExitCode, job.run());
        } finally {
            System.setErr(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
