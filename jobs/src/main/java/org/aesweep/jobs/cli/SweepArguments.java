package org.aesweep.jobs.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;

import org.aesweep.BadInputException;
import org.aesweep.plan.SweepRequest;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * The sweep job's command line.
 *
 * @param overrides     spec keys replaced from the command line, as {@code dotted.key=value}
 * @param master        Spark master URL, or null to take spark-submit's (or local[*])
 * @param overwrite       retrain every run and replace the sweep's rows, instead of resuming
 * @param allowFailures   exit 0 even when some runs failed or diverged
 * @param retrainDiverged a resume trains diverged runs again too, not only failed ones
 * @param dropRunsNotInGrid a resume removes the rows of committed runs the spec no longer has
 *                          (otherwise they refuse it)
 */
public record SweepArguments(String grid, String dataRoot, String outRoot, String sweepId, List<String> overrides,
                             String master, boolean overwrite, boolean allowFailures, boolean retrainDiverged,
                             boolean dropRunsNotInGrid) {
    public static final String OVERWRITE = "overwrite";
    public static final String RESUME = "resume";
    public static final String ALLOW_FAILURES = "allow-failures";
    public static final String RETRAIN_DIVERGED = "retrain-diverged";
    public static final String DROP_RUNS_NOT_IN_GRID = "drop-runs-not-in-grid";

    public static final String COMMAND = "SweepJob --grid <spec.yaml> --sweep-id <id> [options]";
    public static final String DEFAULT_OUT = "aesweep-out";
    public static final String DEFAULT_DATA = "data";

    public SweepArguments {
        overrides = List.copyOf(overrides);
    }

    /** What the library's preflight checks and plans. */
    public SweepRequest request() {
        return new SweepRequest(grid, dataRoot, outRoot, overrides);
    }

    public static Options options() {
        Options options = JobCommandLine.commonOptions();
        options.addOption(Option.builder().longOpt("grid").hasArg().argName("spec.yaml").required()
                .desc("sweep spec (YAML), a local path or any Hadoop FileSystem URI").build());
        options.addOption(Option.builder().longOpt("data").hasArg().argName("dir or URI")
                .desc("data root holding mnist/ and fashion-mnist/ (default ./data, see submit/fetch-data.sh)")
                .build());
        options.addOption(Option.builder().longOpt("set").hasArg().argName("key=value")
                .desc("override a spec key, e.g. --set training.epochs=3 --set code_sizes=[2,8]; repeatable").build());
        options.addOption(Option.builder().longOpt(RESUME)
                .desc("keep the runs an earlier attempt of this sweep id committed ok or diverged, and train the"
                        + " others, failed ones included (the default)").build());
        options.addOption(Option.builder().longOpt(RETRAIN_DIVERGED)
                .desc("when resuming, train diverged runs again too").build());
        options.addOption(Option.builder().longOpt(DROP_RUNS_NOT_IN_GRID)
                .desc("when resuming after the spec changed, remove the rows of committed runs it no longer has"
                        + " (without this, such runs stop the sweep before it trains)").build());
        options.addOption(Option.builder().longOpt(OVERWRITE)
                .desc("retrain every run and replace this sweep id's rows when done; readers see the old"
                        + " results until then").build());
        options.addOption(Option.builder().longOpt(ALLOW_FAILURES)
                .desc("exit 0 even if some runs failed or diverged (they are still recorded)").build());
        return options;
    }

    /** Empty when help was requested and printed. */
    public static Optional<SweepArguments> parse(String[] args, PrintWriter out) throws BadInputException {
        Optional<CommandLine> parsed = JobCommandLine.parse(COMMAND, options(), args, out);
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        CommandLine line = parsed.get();
        String sweepId = JobCommandLine.sweepId(line);
        if (line.hasOption(OVERWRITE) && line.hasOption(RESUME)) {
            throw new BadInputException("--overwrite and --resume conflict: --resume keeps committed runs,"
                    + " --overwrite retrains them all; give one");
        }
        if (line.hasOption(OVERWRITE) && line.hasOption(RETRAIN_DIVERGED)) {
            throw new BadInputException("--overwrite retrains every run already; --retrain-diverged is for a resume");
        }
        if (line.hasOption(OVERWRITE) && line.hasOption(DROP_RUNS_NOT_IN_GRID)) {
            throw new BadInputException("--overwrite replaces every row of the sweep already; --drop-runs-not-in-grid"
                    + " is for a resume");
        }
        String[] sets = line.getOptionValues("set");
        return Optional.of(new SweepArguments(
                line.getOptionValue("grid"),
                line.getOptionValue("data", DEFAULT_DATA),
                line.getOptionValue(JobCommandLine.OUT, DEFAULT_OUT),
                sweepId,
                sets == null ? List.of() : List.of(sets),
                line.getOptionValue(JobCommandLine.MASTER),
                line.hasOption(OVERWRITE),
                line.hasOption(ALLOW_FAILURES),
                line.hasOption(RETRAIN_DIVERGED),
                line.hasOption(DROP_RUNS_NOT_IN_GRID)));
    }
}
