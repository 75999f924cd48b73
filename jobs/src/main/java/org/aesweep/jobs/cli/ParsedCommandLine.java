package org.aesweep.jobs.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.aesweep.BadInputException;

/**
 * A job's parsed command line, or the exit code to return at once: 0 after printing --help, 2
 * after reporting bad arguments on stderr.
 */
public record ParsedCommandLine<T>(T arguments, int exitCode) {
    /** One of the cli package's parse methods. */
    public interface Parser<T> {
        Optional<T> parse(String[] args, PrintWriter out) throws BadInputException;
    }

    public static <T> ParsedCommandLine<T> of(String[] args, Parser<T> parser) {
        try {
            return parser.parse(args, stdout())
                    .map(arguments -> {
                        JobLogging.configure(args);
                        return new ParsedCommandLine<>(arguments, ExitCodes.OK);
                    })
                    .orElseGet(() -> new ParsedCommandLine<>(null, ExitCodes.OK));
        } catch (BadInputException e) {
            System.err.println("aesweep: " + e.getMessage());
            return new ParsedCommandLine<>(null, ExitCodes.BAD_INPUT);
        }
    }

    /** True when the job should return {@link #exitCode()} without running. */
    public boolean finished() {
        return arguments == null;
    }

    public static PrintWriter stdout() {
        return new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    }
}
