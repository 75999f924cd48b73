package org.aesweep.bench;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.aesweep.BadInputException;
import org.aesweep.jobs.cli.JobCommandLine;
import org.aesweep.jobs.cli.SweepArguments;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * The benchmark's command line.
 *
 * @param peerResults a file with a peer's "RESULT ..." lines (submit/bench/pytorch_autoencoder.py), or null
 */
public record BenchArguments(List<String> grids, String dataRoot, String outRoot, int repetitions, int cores,
                             List<Integer> averagingWorkers, int fusedRuns, int sweepReplicates, int memoryRuns,
                             String peerResults) {
    public static final String COMMAND = "Bench --out <dir> [options]";

    public static final String DEFAULT_GRIDS =
            "conf/grids/bench.yaml,conf/grids/bench-conv-lstm.yaml,conf/grids/bench-batch32.yaml";

    public BenchArguments {
        grids = List.copyOf(grids);
        averagingWorkers = List.copyOf(averagingWorkers);
    }

    public static Options options() {
        Options options = new Options();
        options.addOption(Option.builder().longOpt("grid").hasArg().argName("spec.yaml,...")
                .desc("the runs to time, comma-separated grids, the first also for the fusion, sweep, averaging"
                        + " and memory rows (default " + DEFAULT_GRIDS + ")").build());
        options.addOption(Option.builder().longOpt("data").hasArg().argName("dir")
                .desc("data root (default ./data)").build());
        options.addOption(Option.builder().longOpt(JobCommandLine.OUT).hasArg().argName("dir").required()
                .desc("where the timed runs write their tables, and bench.md").build());
        options.addOption(Option.builder().longOpt("repetitions").hasArg().argName("n")
                .desc("times each path trains every run (default 3)").build());
        options.addOption(Option.builder().longOpt("cores").hasArg().argName("n")
                .desc("local-mode cores and threads per timed run (default: all)").build());
        options.addOption(Option.builder().longOpt("averaging-workers").hasArg().argName("list")
                .desc("parameter-averaging worker counts to time, comma-separated; none to skip (default 1,2)").build());
        options.addOption(Option.builder().longOpt("fused-runs").hasArg().argName("n")
                .desc("replicates of the fusion comparison, one at a time vs fused; 0 to skip (default 8)").build());
        options.addOption(Option.builder().longOpt("sweep-replicates").hasArg().argName("n")
                .desc("replicates per code size (8, 32, 64) of a shallow sweep run with one core per task, as users"
                        + " run one; 0 to skip (default 2)").build());
        options.addOption(Option.builder().longOpt("memory-runs").hasArg().argName("n")
                .desc("runs of the driver-heap check, a sweep of tiny runs; 0 to skip (default 100)").build());
        options.addOption(Option.builder().longOpt("peer-results").hasArg().argName("file")
                .desc("a peer's RESULT lines, e.g. from submit/bench/pytorch_autoencoder.py").build());
        options.addOption(Option.builder().longOpt(JobCommandLine.VERBOSE).desc("keep Spark's INFO logging").build());
        options.addOption(Option.builder("h").longOpt(JobCommandLine.HELP).desc("print this help and exit").build());
        return options;
    }

    /** Empty when help was requested and printed. */
    public static Optional<BenchArguments> parse(String[] args, PrintWriter out) throws BadInputException {
        Optional<CommandLine> parsed = JobCommandLine.parse(COMMAND, options(), args, out);
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        CommandLine line = parsed.get();
        int repetitions = positive(line, "repetitions", 3);
        int cores = positive(line, "cores", Runtime.getRuntime().availableProcessors());
        List<Integer> workers = new ArrayList<>();
        String list = line.getOptionValue("averaging-workers", "1,2");
        if (!list.equals("none")) {
            for (String item : list.split(",")) {
                workers.add(parsePositive("--averaging-workers", item.trim()));
            }
        }
        int fusedRuns = runsOrNone(line, "fused-runs", 8);
        int sweepReplicates = runsOrNone(line, "sweep-replicates", 2);
        int memoryRuns = runsOrNone(line, "memory-runs", 100);
        List<String> grids = new ArrayList<>();
        for (String grid : line.getOptionValue("grid", DEFAULT_GRIDS).split(",")) {
            if (!grid.isBlank()) {
                grids.add(grid.trim());
            }
        }
        if (grids.isEmpty()) {
            throw new BadInputException("--grid: expected one or more grid files, got '" + line.getOptionValue("grid") + "'");
        }
        return Optional.of(new BenchArguments(grids,
                line.getOptionValue("data", SweepArguments.DEFAULT_DATA), line.getOptionValue(JobCommandLine.OUT),
                repetitions, cores, workers, fusedRuns, sweepReplicates, memoryRuns,
                line.getOptionValue("peer-results")));
    }

    /** A positive run count, or 0 where the option says to skip that part. */
    private static int runsOrNone(CommandLine line, String option, int fallback) throws BadInputException {
        return "0".equals(line.getOptionValue(option)) ? 0 : positive(line, option, fallback);
    }

    private static int positive(CommandLine line, String option, int fallback) throws BadInputException {
        return line.hasOption(option) ? parsePositive("--" + option, line.getOptionValue(option)) : fallback;
    }

    private static int parsePositive(String option, String text) throws BadInputException {
        try {
            int value = Integer.parseInt(text);
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new BadInputException(option + ": expected a positive whole number, got '" + text + "'");
    }
}
