package org.aesweep.jobs.cli;

import java.io.PrintWriter;
import java.util.Optional;

import org.aesweep.BadInputException;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * The registration tool's command line: an output root, and optionally the one sweep to register.
 *
 * @param sweepId the sweep to register, or null for every sweep under the root
 */
public record RegisterArguments(String outRoot, String sweepId) {
    public static final String COMMAND = "RegisterTables [--out <dir>] [--sweep-id <id>]";

    public static Options options() {
        // The shared options, but --sweep-id is optional here and there is no Spark master to name.
        Options common = JobCommandLine.commonOptions();
        Options options = new Options();
        options.addOption(common.getOption(JobCommandLine.OUT));
        options.addOption(Option.builder().longOpt(JobCommandLine.SWEEP_ID).hasArg().argName("id")
                .desc("register only this sweep (default: every sweep_id=<id> directory under <out>/tables)").build());
        options.addOption(common.getOption(JobCommandLine.VERBOSE));
        options.addOption(common.getOption(JobCommandLine.HELP));
        return options;
    }

    /** Empty when help was requested and printed. */
    public static Optional<RegisterArguments> parse(String[] args, PrintWriter out) throws BadInputException {
        Optional<CommandLine> parsed = JobCommandLine.parse(COMMAND, options(), args, out);
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        CommandLine line = parsed.get();
        String sweepId = line.hasOption(JobCommandLine.SWEEP_ID) ? JobCommandLine.sweepId(line) : null;
        return Optional.of(new RegisterArguments(line.getOptionValue(JobCommandLine.OUT, SweepArguments.DEFAULT_OUT),
                sweepId));
    }
}
