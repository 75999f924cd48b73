package org.aesweep.jobs;

import java.io.FileNotFoundException;

import org.aesweep.jobs.cli.AggregateArguments;
import org.aesweep.jobs.cli.ExitCodes;
import org.aesweep.jobs.cli.ParsedCommandLine;
import org.aesweep.report.Aggregation;
import org.aesweep.spark.SparkSessions;
import org.aesweep.tables.QualifiedPaths;
import org.aesweep.tables.TableLayout;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;

/**
 * Reads a sweep's runs table and writes the bias_variance table and the loss-versus-code-size
 * plots under {@code <out>/reports/sweep_id=<id>/}.
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
            TableLayout layout = new TableLayout(QualifiedPaths.of(arguments.outRoot(), hadoopConf),
                    arguments.sweepId());
            Aggregation.Outcome outcome = new Aggregation(spark).run(layout,
                    QualifiedPaths.of(arguments.dataRoot(), hadoopConf));
            System.out.printf("%naggregate %s: %d group(s)%n", layout.sweepId(), outcome.rows().size());
            System.out.println("  bias_variance: " + outcome.table());
            for (Path plot : outcome.plots()) {
                System.out.println("  plot: " + plot);
            }
            System.out.println("  report: " + outcome.report());
            return ExitCodes.OK;
        } catch (FileNotFoundException e) {
            System.err.println("aesweep: " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
    }
}
