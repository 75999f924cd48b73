package org.aesweep.jobs;

import java.io.FileNotFoundException;

import org.aesweep.BadInputException;
import org.aesweep.jobs.cli.AggregateArguments;
import org.aesweep.jobs.cli.ExitCodes;
import org.aesweep.jobs.cli.ParsedCommandLine;
import org.aesweep.report.Aggregation;
import org.aesweep.spark.SparkSessions;
import org.aesweep.tables.DuckDbViews;
import org.aesweep.tables.QualifiedPaths;
import org.aesweep.tables.SweepTables;
import org.aesweep.tables.Table;
import org.aesweep.tables.TableCatalog;
import org.aesweep.tables.TableLayout;
import org.aesweep.tables.TableUpkeep;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;

/**
 * Reads a sweep's runs table and writes the bias_variance table (with bootstrap confidence intervals,
 * see {@link AggregateArguments}) and the loss-versus-code-size plots under
 * {@code <out>/reports/sweep_id=<id>/}.
 */
public final class AggregateJob {
    private AggregateJob() {
    }

    public static void main(String[] args) {
        System.exit(ExitCodes.of(() -> run(args)));
    }

    /** Runs the job and returns its exit code (see {@link ExitCodes}); never calls System.exit. */
    public static int run(String[] args) throws Exception {
        ParsedCommandLine<AggregateArguments> line = ParsedCommandLine.of(args, AggregateArguments::parse);
        if (line.finished()) {
            return line.exitCode();
        }
        AggregateArguments arguments = line.arguments();
        try (SparkSession spark = SparkSessions.create("aesweep aggregate " + arguments.sweepId(),
                arguments.master())) {
            Configuration hadoopConf = spark.sparkContext().hadoopConfiguration();
            String outRoot = QualifiedPaths.of(arguments.outRoot(), hadoopConf);
            try (TableCatalog catalog = TableCatalog.open(spark, outRoot)) {
                TableLayout layout = new TableLayout(outRoot, arguments.sweepId());
                Aggregation.Outcome outcome = new Aggregation(spark).run(new SweepTables(catalog, layout),
                        QualifiedPaths.of(arguments.dataRoot(), hadoopConf), arguments.bootstrap());
                Path duckDbViews = TableUpkeep.afterCommits(catalog);
                print(outcome, layout, catalog.qualifiedName(Table.BIAS_VARIANCE), duckDbViews);
                return ExitCodes.OK;
            }
        } catch (BadInputException | FileNotFoundException e) {
            System.err.println("aesweep: " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
    }

    private static void print(Aggregation.Outcome outcome, TableLayout layout, String table, Path duckDbViews) {
        System.out.printf("%naggregate %s: %d group(s)%n", layout.sweepId(), outcome.rows().size());
        System.out.println("  bias_variance: " + table + " (file " + outcome.table() + ")");
        System.out.println("  for DuckDB: duckdb -init " + DuckDbViews.forCommandLine(duckDbViews));
        for (Path plot : outcome.plots()) {
            System.out.println("  plot: " + plot);
        }
        System.out.println("  report: " + outcome.report());
    }
}
