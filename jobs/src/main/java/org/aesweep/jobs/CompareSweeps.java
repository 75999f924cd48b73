package org.aesweep.jobs;

import java.util.List;

import org.aesweep.BadInputException;
import org.aesweep.analysis.TrainingModeComparison;
import org.aesweep.jobs.cli.CompareArguments;
import org.aesweep.jobs.cli.ExitCodes;
import org.aesweep.jobs.cli.ParsedCommandLine;
import org.aesweep.tables.TableCatalog;
import org.apache.hadoop.conf.Configuration;

/**
 * Prints a table comparing the same runs across sweeps (seconds per epoch, final test loss and
 * its difference from the first sweep), e.g. local training against parameter averaging. Reads
 * the Parquet tables directly; no Spark session. Used by submit/benchmark-parameter-averaging.sh.
 */
public final class CompareSweeps {
    private CompareSweeps() {
    }

    public static void main(String[] args) {
        System.exit(ExitCodes.of(() -> run(args)));
    }

    public static int run(String[] args) throws Exception {
        ParsedCommandLine<CompareArguments> line = ParsedCommandLine.of(args, CompareArguments::parse);
        if (line.finished()) {
            return line.exitCode();
        }
        CompareArguments arguments = line.arguments();
        List<TrainingModeComparison.Row> rows;
        try (TableCatalog catalog = ExistingOutput.catalog(arguments.outRoot())) {
            rows = TrainingModeComparison.read(catalog, arguments.sweepIds());
        } catch (BadInputException e) {
            System.err.println("aesweep: " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
        if (rows.isEmpty()) {
            System.err.println("aesweep: no committed runs under " + arguments.outRoot() + " for " + arguments.sweepIds());
            return ExitCodes.BAD_INPUT;
        }
        TrainingModeComparison.print(rows, System.out);
        return ExitCodes.OK;
    }
}
