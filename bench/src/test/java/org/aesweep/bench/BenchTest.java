package org.aesweep.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.aesweep.jobs.cli.ExitCodes;
import org.aesweep.testing.RealData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmark through its command line on a small slice of real Fashion-MNIST: every timed path
 * writes its tables, and the table names both architectures, the Spark overhead, parameter
 * averaging and the peer's ratio. (Its figures mean nothing at this size; submit/bench.sh measures.)
 */
class BenchTest {
    @TempDir
    Path work;

    @Test
    void timesEveryPathAndWritesTheTable() throws Exception {
        Path grid = work.resolve("small.yaml");
        Files.writeString(grid, String.join("\n", "dataset: fashion-mnist", "code_sizes: [8]",
                "architectures: [shallow, {name: deep, hidden: [64]}]",
                "training: {epochs: 3, batch_size: 256, optimizer: adam, learning_rate: 0.001, loss: bce, seed: 7}",
                "data: {train_limit: 1500, test_limit: 300}", ""));
        // A second grid with its own images and batch, as the conv/LSTM and batch-32 grids have.
        Path second = work.resolve("second.yaml");
        Files.writeString(second, String.join("\n", "dataset: fashion-mnist", "code_sizes: [8]",
                "architectures: [{name: conv, hidden: [4, 8], label: conv-small}]",
                "training: {epochs: 2, batch_size: 64, optimizer: adam, learning_rate: 0.001, loss: bce, seed: 7}",
                "data: {train_limit: 256, test_limit: 64}", ""));
        Path peer = work.resolve("pytorch.txt");
        Files.writeString(peer, "shallow epoch 2 0.5 s\nRESULT shallow steady_median=0.010 min=0.009 max=0.020 n=2\n"
                + "RESULT conv-small steady_median=0.5 min=0.5 max=0.5 n=1 threads=1\n");
        Path out = work.resolve("out");

        int exit = Bench.run(new String[] {"--grid", grid + "," + second, "--data", RealData.root().toString(),
                "--out", out.toString(), "--repetitions", "1", "--cores", "2", "--averaging-workers", "1",
                "--fused-runs", "3", "--sweep-replicates", "1", "--memory-runs", "10",
                "--peer-results", peer.toString()});

        assertEquals(0, exit);
        String table = Files.readString(out.resolve("bench.md"), StandardCharsets.UTF_8);
        assertTrue(table.matches("(?s).*\\n\\| shallow \\| 13,336 \\| [0-9.]+ \\([^)]*n=2\\) \\|.*"), table);
        assertTrue(table.matches("(?s).*\\n\\| deep \\| [0-9,]+ \\|.*\\| - \\| - \\|\\n.*"), table);
        assertTrue(table.contains("0.01 (0.01-0.02, n=2)"), table);
        assertTrue(table.matches("(?s).*\\n\\| conv-small \\| [0-9,]+ \\| [0-9.]+ \\([^)]*n=1\\) \\|.*"
                + "\\| 0.50 \\(0.50-0.50, n=1\\), 1 thread \\| [0-9.]+ \\|\\n.*"), table);
        assertTrue(table.contains("Spark's overhead"), table);
        assertTrue(table.contains("| 1 worker(s), 1 thread each |"), table);
        assertTrue(table.matches("(?s).*\\| 3 shallow replicates, 3 epochs \\|.*\\| fused in one network \\| [0-9.]+ \\|"
                + ".*Fused: [0-9.]+x the runs per hour.*"), table);
        assertTrue(table.matches("(?s).*A sweep as users run one: 3 shallow runs \\(code sizes \\[8, 32, 64\\] x 1"
                + " replicate\\(s\\), 3 epochs\\).* 2 tasks at a time: [0-9.]+ s wall, [0-9]+ runs/hour.*"), table);
        assertTrue(table.matches("(?s).*a sweep of 10 one-epoch runs.*Peak resident set of the JVM over the whole"
                + " benchmark: [1-9][0-9]+ MiB.*"), table);
        for (String sweep : new String[] {"warm-up", "plain-1", "spark-1", "paramavg-1", "fusion-alone", "fusion-fused",
                "sweep", "memory"}) {
            assertTrue(Files.isDirectory(out.resolve("tables/runs/sweep_id=" + sweep)), sweep);
        }
    }

    @Test
    void anOutputDirectoryWithEarlierTablesIsRefusedBeforeAnyTraining() throws Exception {
        Path out = work.resolve("used");
        Files.createDirectories(out.resolve("tables/runs/sweep_id=timed"));
        java.io.ByteArrayOutputStream errors = new java.io.ByteArrayOutputStream();
        java.io.PrintStream original = System.err;
        int exit;
        try {
            System.setErr(new java.io.PrintStream(errors, true, StandardCharsets.UTF_8));
            String grid = RealData.repository().resolve("conf/grids/bench.yaml").toString();
            exit = Bench.run(new String[] {"--grid", grid, "--data", RealData.root().toString(), "--out", out.toString()});
        } finally {
            System.setErr(original);
        }
        assertEquals(ExitCodes.BAD_INPUT, exit);
        assertTrue(errors.toString(StandardCharsets.UTF_8).contains("already holds an earlier benchmark's tables"),
                errors.toString(StandardCharsets.UTF_8));
        assertTrue(Files.notExists(out.resolve("bench.md")));
    }

    @Test
    void peerResultLinesAreParsedAndOtherLinesIgnored() throws Exception {
        Path peer = work.resolve("peer.txt");
        Files.writeString(peer, "torch 1.13\nRESULT deep steady_median=1.458 min=1.325 max=1.909 n=6\nnoise\n"
                + "TRIAL conv threads=2 steady_median=9.0 min=9.0 max=9.0 n=2\n"
                + "RESULT conv steady_median=8.1 min=8.0 max=8.5 n=2 threads=1\n");
        assertEquals(Map.of("deep", new PeerEpochs(new Spread(1.458, 1.325, 1.909, 6), 0),
                "conv", new PeerEpochs(new Spread(8.1, 8.0, 8.5, 2), 1)), Bench.peerResults(peer.toString()));
    }

    @Test
    void spreadTakesTheMiddleOfAnEvenCount() {
        assertEquals(new Spread(2.5, 1, 4, 4), Spread.of(java.util.List.of(4.0, 1.0, 3.0, 2.0)));
        assertEquals(new Spread(3, 1, 9, 3), Spread.of(java.util.List.of(9.0, 3.0, 1.0)));
    }

    @Test
    void badOptionsAreRefusedBeforeAnythingRuns() throws Exception {
        assertEquals(2, Bench.run(new String[] {"--out", work.toString(), "--repetitions", "0"}));
        assertEquals(2, Bench.run(new String[] {"--out", work.toString(), "--averaging-workers", "1,x"}));
        assertTrue(Files.notExists(work.resolve("bench.md")));
    }
}
