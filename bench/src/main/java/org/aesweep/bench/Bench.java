package org.aesweep.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.aesweep.BadInputException;
import org.aesweep.jobs.cli.ExitCodes;
import org.aesweep.jobs.cli.ParsedCommandLine;

/**
 * The training benchmark behind submit/bench.sh: times the bench grid's runs on this machine (see
 * {@link TrainingBenchmark}), prints a Markdown table and writes it to {@code <out>/bench.md}.
 */
public final class Bench {
    private static final Pattern PEER_RESULT =
            Pattern.compile("RESULT (\\S+) steady_median=([0-9.]+) min=([0-9.]+) max=([0-9.]+) n=(\\d+)(?: threads=(\\d+))?");

    private Bench() {
    }

    public static void main(String[] args) {
        System.exit(ExitCodes.of(() -> run(args)));
    }

    public static int run(String[] args) throws Exception {
        ParsedCommandLine<BenchArguments> line = ParsedCommandLine.of(args, BenchArguments::parse);
        if (line.finished()) {
            return line.exitCode();
        }
        BenchArguments arguments = line.arguments();
        TrainingBenchmark.Result result;
        try {
            result = new TrainingBenchmark(new TrainingBenchmark.Settings(arguments.grids(), arguments.dataRoot(),
                    arguments.outRoot(), arguments.repetitions(), arguments.cores()))
                    .run(arguments.averagingWorkers(), arguments.fusedRuns(), arguments.sweepReplicates(),
                            arguments.memoryRuns());
        } catch (BadInputException e) {
            System.err.println("aesweep: " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
        String table = BenchmarkReport.format(result, peerResults(arguments.peerResults()), "PyTorch",
                "## aesweep benchmark, " + Instant.now() + ", " + String.join(", ", arguments.grids()));
        System.out.println();
        System.out.println(table);
        Path file = Path.of(arguments.outRoot(), "bench.md");
        Files.writeString(file, table, StandardCharsets.UTF_8);
        System.out.println("table written to " + file);
        return ExitCodes.OK;
    }

    /** The peer's "RESULT <architecture> steady_median=... [threads=N]" lines; empty without a file. */
    static Map<String, PeerEpochs> peerResults(String file) throws IOException {
        Map<String, PeerEpochs> results = new LinkedHashMap<>();
        if (file == null) {
            return results;
        }
        for (String text : Files.readAllLines(Path.of(file), StandardCharsets.UTF_8)) {
            Matcher match = PEER_RESULT.matcher(text);
            if (match.find()) {
                results.put(match.group(1), new PeerEpochs(new Spread(Double.parseDouble(match.group(2)),
                        Double.parseDouble(match.group(3)), Double.parseDouble(match.group(4)),
                        Integer.parseInt(match.group(5))), match.group(6) == null ? 0 : Integer.parseInt(match.group(6))));
            }
        }
        return results;
    }
}
