package org.aesweep.jobs.cli;

import java.io.PrintWriter;
import java.util.Optional;
import java.util.function.Function;

import org.aesweep.BadInputException;
import org.aesweep.analysis.BootstrapSettings;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * The aggregation job's command line: which sweep, under which output root, with which data, and how
 * the bias/variance decomposition bootstraps its confidence intervals.
 */
public record AggregateArguments(String outRoot, String sweepId, String master, String dataRoot,
                                 BootstrapSettings bootstrap) {
    public static final String COMMAND = "AggregateJob --sweep-id <id> [options]";
    static final String DRAWS = "bootstrap-draws";
    static final String LEVEL = "interval-level";
    static final String SEED = "bootstrap-seed";

    public static Options options() {
        Options options = JobCommandLine.commonOptions();
        options.addOption(Option.builder().longOpt("data").hasArg().argName("dir or URI")
                .desc("the data root the sweep read (default ./data); the bias/variance decomposition"
                        + " reconstructs its test set").build());
        options.addOption(Option.builder().longOpt(DRAWS).hasArg().argName("n")
                .desc("bootstrap draws behind each grid point's confidence intervals (default "
                        + BootstrapSettings.DEFAULT_DRAWS + "; 0: no intervals)").build());
        options.addOption(Option.builder().longOpt(LEVEL).hasArg().argName("level")
                .desc("confidence level of the intervals, in (0, 1) (default " + BootstrapSettings.DEFAULT_LEVEL
                        + ")").build());
        options.addOption(Option.builder().longOpt(SEED).hasArg().argName("seed")
                .desc("seed of the bootstrap draws, so intervals repeat (default " + BootstrapSettings.DEFAULT_SEED
                        + ")").build());
        return options;
    }

    /** Empty when help was requested and printed. */
    public static Optional<AggregateArguments> parse(String[] args, PrintWriter out) throws BadInputException {
        Optional<CommandLine> parsed = JobCommandLine.parse(COMMAND, options(), args, out);
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        CommandLine line = parsed.get();
        String sweepId = JobCommandLine.sweepId(line);
        return Optional.of(new AggregateArguments(line.getOptionValue(JobCommandLine.OUT, SweepArguments.DEFAULT_OUT),
                sweepId, line.getOptionValue(JobCommandLine.MASTER),
                line.getOptionValue("data", SweepArguments.DEFAULT_DATA), bootstrap(line)));
    }

    private static BootstrapSettings bootstrap(CommandLine line) throws BadInputException {
        int draws = number(line, DRAWS, BootstrapSettings.DEFAULT_DRAWS, Integer::valueOf, "a whole number");
        if (draws < 0) {
            throw new BadInputException("--" + DRAWS + " must be 0 (no intervals) or more, got " + draws);
        }
        double level = number(line, LEVEL, BootstrapSettings.DEFAULT_LEVEL, Double::valueOf, "a number");
        if (!(level > 0 && level < 1)) {
            throw new BadInputException("--" + LEVEL + " must lie strictly between 0 and 1 (0.95 for 95%), got "
                    + line.getOptionValue(LEVEL));
        }
        long seed = number(line, SEED, BootstrapSettings.DEFAULT_SEED, Long::valueOf, "a whole number");
        return new BootstrapSettings(draws, level, seed);
    }

    /** The option's value read by {@code parse}, or {@code fallback} when the option is absent. */
    private static <T> T number(CommandLine line, String option, T fallback, Function<String, T> parse, String kind)
            throws BadInputException {
        String value = line.getOptionValue(option);
        if (value == null) {
            return fallback;
        }
        try {
            return parse.apply(value.trim());
        } catch (NumberFormatException e) {
            throw new BadInputException("--" + option + " '" + value + "' is not " + kind);
        }
    }
}
