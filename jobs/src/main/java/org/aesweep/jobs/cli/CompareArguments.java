package org.aesweep.jobs.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.aesweep.BadInputException;
import org.aesweep.tables.TableLayout;
import org.apache.commons.cli.CommandLine;

/** The comparison tool's command line: an output root and two or more sweep ids. */
public record CompareArguments(String outRoot, List<String> sweepIds) {
    public static final String COMMAND = "CompareSweeps --sweep-id <baseline> --sweep-id <other> [...] [--out <dir>]";

    public CompareArguments {
        sweepIds = List.copyOf(sweepIds);
    }

    /** Empty when help was requested and printed. */
    public static Optional<CompareArguments> parse(String[] args, PrintWriter out) throws BadInputException {
        Optional<CommandLine> parsed = JobCommandLine.parse(COMMAND, JobCommandLine.commonOptions(), args, out);
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        CommandLine line = parsed.get();
        List<String> sweepIds = new ArrayList<>();
        for (String sweepId : line.getOptionValues(JobCommandLine.SWEEP_ID)) {
            if (!TableLayout.isValidSweepId(sweepId)) {
                throw new BadInputException("--sweep-id: " + TableLayout.describeSweepIdRule(sweepId));
            }
            sweepIds.add(sweepId);
        }
        if (sweepIds.size() < 2) {
            throw new BadInputException("--sweep-id: name at least two sweeps to compare (the first is the baseline)");
        }
        return Optional.of(new CompareArguments(line.getOptionValue(JobCommandLine.OUT, SweepArguments.DEFAULT_OUT),
                sweepIds));
    }
}
