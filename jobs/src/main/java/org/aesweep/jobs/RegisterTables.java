package org.aesweep.jobs;

import java.util.List;
import java.util.Set;

import org.aesweep.BadInputException;
import org.aesweep.jobs.cli.ExitCodes;
import org.aesweep.jobs.cli.ParsedCommandLine;
import org.aesweep.jobs.cli.RegisterArguments;
import org.aesweep.tables.DuckDbViews;
import org.aesweep.tables.RegisterOldLayout;
import org.aesweep.tables.SweepRegistration;
import org.aesweep.tables.TableCatalog;

/**
 * Registers the tables of an output root written before aesweep kept them in a catalog, so their
 * sweeps need not be trained again (see {@link RegisterOldLayout}), then points DuckDB at the
 * tables. Registering again adds nothing. Needs no Spark; under spark-submit it uses the catalog
 * the Spark settings configure.
 * <pre>
 * submit/register-tables.sh -- --out aesweep-out
 * </pre>
 */
public final class RegisterTables {
    private RegisterTables() {
    }

    public static void main(String[] args) {
        System.exit(ExitCodes.of(() -> run(args)));
    }

    /** Runs the tool and returns its exit code (see {@link ExitCodes}); never calls System.exit. */
    public static int run(String[] args) throws Exception {
        ParsedCommandLine<RegisterArguments> line = ParsedCommandLine.of(args, RegisterArguments::parse);
        if (line.finished()) {
            return line.exitCode();
        }
        RegisterArguments arguments = line.arguments();
        boolean refused = false;
        try (TableCatalog catalog = ExistingOutput.catalogOfTables(arguments.outRoot())) {
            Set<String> sweepIds = RegisterOldLayout.sweepIds(catalog);
            if (arguments.sweepId() != null && !sweepIds.contains(arguments.sweepId())) {
                throw new BadInputException("no sweep_id=" + arguments.sweepId() + " directory in any table under "
                        + catalog.outRoot() + "/tables");
            }
            for (String sweepId : arguments.sweepId() == null ? sweepIds : Set.of(arguments.sweepId())) {
                SweepRegistration registration = RegisterOldLayout.register(catalog, sweepId);
                List<String> lines = registration.describe();
                lines.forEach(registration.refused() ? System.err::println : System.out::println);
                refused |= registration.refused();
            }
            System.out.println("for DuckDB: duckdb -init " + DuckDbViews.forCommandLine(DuckDbViews.write(catalog)));
        } catch (BadInputException e) {
            System.err.println("aesweep: " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
        // A sweep refused for a file no rerun can read is bad input; the other sweeps are registered.
        return refused ? ExitCodes.BAD_INPUT : ExitCodes.OK;
    }
}
