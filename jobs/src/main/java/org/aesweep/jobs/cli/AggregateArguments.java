package org.aesweep.jobs.cli;

import java.io.PrintWriter;
import java.util.Optional;

import org.aesweep.BadInputException;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/** The aggregation job's command line: which sweep, under which output root, with which data. */
public record AggregateArguments(String outRoot, String sweepId, String master, String dataRoot) {
    public static final String COMMAND = "AggregateJob --sweep-id <id> [options]";

    /** Empty when help was requested and printed. */
    public static Optional<AggregateArguments> parse(String[] args, PrintWriter out) throws BadInputException {
        Options options = JobCommandLine.commonOptions();
        options.addOption(Option.builder().longOpt("data").hasArg().argName("dir or URI")
                .desc("the data root the sweep read (default ./data); the bias/variance decomposition"
                        + " reconstructs its test set").build());
        Optional<CommandLine> parsed = JobCommandLine.parse(COMMAND, options, args, out);
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        CommandLine line = parsed.get();
        String sweepId = JobCommandLine.sweepId(line);
        return Optional.of(new AggregateArguments(line.getOptionValue(JobCommandLine.OUT, SweepArguments.DEFAULT_OUT),
                sweepId, line.getOptionValue(JobCommandLine.MASTER),
                line.getOptionValue("data", SweepArguments.DEFAULT_DATA)));
    }
}
