package org.aesweep.cli;

import java.io.PrintWriter;
import java.util.Optional;

import org.apache.commons.cli.CommandLine;

/** The aggregation job's command line: which sweep, under which output root. */
public record AggregateArguments(String outRoot, String sweepId, String master) {
    public static final String COMMAND = "AggregateJob --sweep-id <id> [options]";

    /** Empty when help was requested and printed. */
    public static Optional<AggregateArguments> parse(String[] args, PrintWriter out) throws BadInputException {
        Optional<CommandLine> parsed = JobCommandLine.parse(COMMAND, JobCommandLine.commonOptions(), args, out);
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        CommandLine line = parsed.get();
        String sweepId = JobCommandLine.sweepId(line);
        return Optional.of(new AggregateArguments(line.getOptionValue(JobCommandLine.OUT, SweepArguments.DEFAULT_OUT),
                sweepId, line.getOptionValue(JobCommandLine.MASTER)));
    }
}
