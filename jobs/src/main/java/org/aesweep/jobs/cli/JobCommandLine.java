package org.aesweep.jobs.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Optional;

import org.aesweep.BadInputException;
import org.aesweep.tables.TableLayout;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.HelpFormatter;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;

/**
 * Commons CLI parsing shared by the jobs: the options every job has ({@code --out},
 * {@code --sweep-id}, {@code --master}, {@code --verbose}, {@code --help}) and uniform usage errors.
 */
public final class JobCommandLine {
    public static final String OUT = "out";
    public static final String SWEEP_ID = "sweep-id";
    public static final String MASTER = "master";
    public static final String HELP = "help";
    public static final String VERBOSE = "verbose";

    private JobCommandLine() {
    }

    /** The shared options plus nothing else; jobs add their own. */
    public static Options commonOptions() {
        Options options = new Options();
        options.addOption(Option.builder().longOpt(OUT).hasArg().argName("dir or URI")
                .desc("output root holding tables/, models/ and reports/ (default ./aesweep-out)").build());
        options.addOption(Option.builder().longOpt(SWEEP_ID).hasArg().argName("id").required()
                .desc("name of the sweep; its rows go to the sweep_id=<id> partitions").build());
        options.addOption(Option.builder().longOpt(MASTER).hasArg().argName("url")
                .desc("Spark master when not launched by spark-submit (default local[*])").build());
        options.addOption(Option.builder().longOpt(VERBOSE)
                .desc("keep Spark's own INFO logging (default: Spark, Hadoop and DL4J log warnings only)").build());
        options.addOption(Option.builder("h").longOpt(HELP).desc("print this help and exit").build());
        return options;
    }

    /**
     * Parses {@code args}; empty when the user asked for help (which is then printed).
     *
     * @throws BadInputException with the problem and the usage text
     */
    public static Optional<CommandLine> parse(String command, Options options, String[] args, PrintWriter out)
            throws BadInputException {
        for (String arg : args) {
            if (arg.equals("-h") || arg.equals("--" + HELP)) {
                out.print(usage(command, options));
                out.flush();
                return Optional.empty();
            }
        }
        try {
            CommandLine line = new DefaultParser().parse(options, args);
            if (!line.getArgList().isEmpty()) {
                throw new BadInputException("unexpected argument(s) " + line.getArgList() + "\n" + usage(command, options));
            }
            return Optional.of(line);
        } catch (ParseException e) {
            throw new BadInputException(e.getMessage() + "\n" + usage(command, options));
        }
    }

    /** The --sweep-id value, checked: it becomes a directory name in every table. */
    public static String sweepId(CommandLine line) throws BadInputException {
        String sweepId = line.getOptionValue(SWEEP_ID);
        if (!TableLayout.isValidSweepId(sweepId)) {
            throw new BadInputException("--sweep-id: " + TableLayout.describeSweepIdRule(sweepId));
        }
        return sweepId;
    }

    public static String usage(String command, Options options) {
        StringWriter text = new StringWriter();
        new HelpFormatter().printHelp(new PrintWriter(text), 100, command, null, options, 2, 2,
                "Exit codes: 0 ok, 1 some runs failed or diverged, 2 bad input.", true);
        return text.toString();
    }
}
