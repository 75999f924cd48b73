package org.aesweep.bench;

import java.util.Locale;
import java.util.Map;

/**
 * The benchmark's result as a Markdown table, with a same-machine peer's epoch times (PyTorch,
 * from submit/bench/pytorch_autoencoder.py) beside aesweep's where given.
 */
public final class BenchmarkReport {
    private BenchmarkReport() {
    }

    /** @param peer steady-epoch seconds of the peer implementation by architecture; may be empty */
    public static String format(TrainingBenchmark.Result result, Map<String, PeerEpochs> peer, String peerName,
                                String header) {
        StringBuilder text = new StringBuilder();
        text.append(header).append(String.format(Locale.ROOT,
                "%nGEMM peak (1024^3 float product, %d thread(s)): %.1f GFLOP/s. Steady epochs (the first of every"
                        + " run left out): median (min-max, n).%n%n", result.cores(), result.peakFlops() / 1e9));
        text.append("| architecture | params | s/epoch, plain loop | samples/s | FLOP floor s | share of floor"
                + " | s/epoch via SweepJob | " + peerName + " s/epoch | aesweep / " + peerName + " |\n");
        text.append("|---|---:|---|---:|---:|---:|---|---|---:|\n");
        for (TrainingBenchmark.ArchitectureRow row : result.architectures()) {
            double floor = row.flopsPerEpoch() / result.peakFlops();
            PeerEpochs peerEpochs = peer.get(row.architecture());
            text.append(String.format(Locale.ROOT, "| %s | %,d | %s | %,.0f | %.2f | %.1f%% | %s | %s | %s |%n",
                    row.architecture(), row.parameters(), row.plainSeconds().describe("%.2f"),
                    row.trainSamples() / row.plainSeconds().median(), floor,
                    100 * floor / row.plainSeconds().median(), row.sparkSeconds().describe("%.2f"),
                    peerEpochs == null ? "-" : peerEpochs.describe("%.2f"),
                    peerEpochs == null ? "-" : String.format(Locale.ROOT, "%.2f",
                            row.plainSeconds().median() / peerEpochs.seconds().median())));
        }
        text.append("\nWhole runs (plain loop): wall seconds from start to committed rows, split into training"
                + " epochs, the epochs' test-set evaluations, and after training (the rest: final training loss"
                + " and codes, probes, model, rows and commit, and building the network); the last column is"
                + " after training over training (target <= 20% at 5 epochs on the full set).\n\n"
                + "| architecture | epochs | run wall s | training s | evaluation s | after training s"
                + " | after / training |\n|---|---:|---|---|---|---|---|\n");
        for (TrainingBenchmark.ArchitectureRow row : result.architectures()) {
            text.append(String.format(Locale.ROOT, "| %s | %d | %s | %s | %s | %s | %s |%n", row.architecture(),
                    row.epochs(), row.runWallSeconds().describe("%.1f"), row.runTrainingSeconds().describe("%.1f"),
                    row.runEvaluationSeconds().describe("%.1f"), row.afterTrainingSeconds().describe("%.2f"),
                    row.afterTrainingShare().describe("%.2f")));
        }
        double overhead = result.sparkWallSeconds().median() / result.plainWallSeconds().median() - 1;
        text.append(String.format(Locale.ROOT, "%nAll runs of the grid, wall seconds per repetition: plain loop %s,"
                        + " SweepJob's runner on local-mode Spark %s: Spark's overhead %+.1f%% (target <= 10%%).%n",
                result.plainWallSeconds().describe("%.1f"), result.sparkWallSeconds().describe("%.1f"),
                100 * overhead));
        if (!result.averaging().isEmpty()) {
            text.append("\n| parameter averaging, shallow | s/epoch | final test loss |\n|---|---|---:|\n");
            for (TrainingBenchmark.AveragingRow row : result.averaging()) {
                text.append(String.format(Locale.ROOT, "| %d worker(s), 1 thread each | %s | %.5f |%n",
                        row.workers(), row.seconds().describe("%.2f"), row.finalTestLoss()));
            }
        }
        TrainingBenchmark.FusionRow fusion = result.fusion();
        if (fusion != null) {
            text.append(String.format(Locale.ROOT, "%n| %d shallow replicates, %d epochs | wall s | training s"
                            + " | runs/hour |%n|---|---:|---:|---:|%n| one at a time | %.1f | %.1f | %.0f |%n"
                            + "| fused in one network | %.1f | %.1f | %.0f |%n%nFused: %.2fx the runs per hour"
                            + " (target >= 3x); training alone %.2fx.%n", fusion.runs(), fusion.epochs(),
                    fusion.aloneWallSeconds(), fusion.aloneTrainingSeconds(),
                    fusion.runs() * 3600 / fusion.aloneWallSeconds(), fusion.fusedWallSeconds(),
                    fusion.fusedTrainingSeconds(), fusion.runs() * 3600 / fusion.fusedWallSeconds(),
                    fusion.runsPerHourRatio(), fusion.aloneTrainingSeconds() / fusion.fusedTrainingSeconds()));
        }
        TrainingBenchmark.SweepRow sweep = result.sweep();
        if (sweep != null) {
            text.append(String.format(Locale.ROOT, "%nA sweep as users run one: %d shallow runs (code sizes %s x %d"
                            + " replicate(s), %d epochs) by SweepJob's runner with one core per task, %d tasks at a"
                            + " time: %.1f s wall, %.0f runs/hour. Per run: wall %s s, of which training %s s.%n",
                    sweep.runs(), sweep.codeSizes(), sweep.replicates(), sweep.epochs(), sweep.concurrentTasks(),
                    sweep.wallSeconds(), sweep.runsPerHour(), sweep.runWallSeconds().describe("%.1f"),
                    sweep.runTrainingSeconds().describe("%.1f")));
        }
        TrainingBenchmark.MemoryRow memory = result.memory();
        if (memory != null) {
            text.append(String.format(Locale.ROOT, "%nMemory: a sweep of %d one-epoch runs on local-mode Spark took"
                            + " %.0f s; the driver's live heap (after full GCs; in local mode it holds the executor"
                            + " too) went from %.0f MiB to %.0f MiB (%+.0f MiB). Peak resident set of the JVM over the"
                            + " whole benchmark: %.0f MiB.%n", memory.runs(), memory.seconds(), memory.heapBeforeMib(),
                    memory.heapAfterMib(), memory.heapAfterMib() - memory.heapBeforeMib(), memory.peakRssMib()));
        }
        return text.toString();
    }
}
