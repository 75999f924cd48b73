package org.aesweep.jobs;

import java.io.IOException;
import java.util.List;

import org.aesweep.BadInputException;
import org.aesweep.jobs.cli.ExitCodes;
import org.aesweep.jobs.cli.ParsedCommandLine;
import org.aesweep.jobs.cli.SweepArguments;
import org.aesweep.plan.SweepPlan;
import org.aesweep.plan.SweepPreflight;
import org.aesweep.spark.SparkSessions;
import org.aesweep.sweep.RunsNotInGrid;
import org.aesweep.sweep.SweepDriver;
import org.aesweep.sweep.SweepGroupSummary;
import org.aesweep.sweep.SweepOutcome;
import org.aesweep.sweep.SweepReport;
import org.aesweep.sweep.SweepSettings;
import org.aesweep.sweep.SweepState;
import org.aesweep.tables.QualifiedPaths;
import org.aesweep.tables.RegisterOldLayout;
import org.aesweep.tables.SweepTables;
import org.aesweep.tables.TableCatalog;
import org.aesweep.tables.TableLayout;
import org.aesweep.tables.TableUpkeep;
import org.aesweep.tables.avro.RunRow;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;

/**
 * Trains every run of a sweep spec on Spark and writes the runs, epoch_metrics and latent_codes
 * tables. Validates the spec and the data before Spark starts.
 * <pre>
 * spark-submit --class org.aesweep.jobs.SweepJob aesweep-jobs-*-spark.jar \
 *     --grid conf/grids/quickstart.yaml --data data --out aesweep-out --sweep-id quickstart
 * </pre>
 */
public final class SweepJob {
    private SweepJob() {
    }

    public static void main(String[] args) {
        System.exit(ExitCodes.of(() -> run(args)));
    }

    /** Runs the job and returns its exit code (see {@link ExitCodes}); never calls System.exit. */
    public static int run(String[] args) throws Exception {
        ParsedCommandLine<SweepArguments> line = ParsedCommandLine.of(args, SweepArguments::parse);
        if (line.finished()) {
            return line.exitCode();
        }
        SweepArguments arguments = line.arguments();
        SweepPlan plan;
        try {
            plan = SweepPreflight.check(arguments.request(), new Configuration());
        } catch (BadInputException e) {
            System.err.println("aesweep: " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
        try (SparkSession spark = SparkSessions.create("aesweep sweep " + arguments.sweepId(), arguments.master())) {
            // Spark's Hadoop configuration, spark.hadoop.* settings included, says what a relative path means.
            Configuration hadoopConf = spark.sparkContext().hadoopConfiguration();
            String outRoot = QualifiedPaths.of(arguments.outRoot(), hadoopConf);
            try (TableCatalog catalog = TableCatalog.open(spark, outRoot)) {
                TableLayout layout = new TableLayout(outRoot, arguments.sweepId());
                RegisterOldLayout.refuseUnregistered(catalog, layout);
                SweepSettings settings = new SweepSettings(QualifiedPaths.of(arguments.dataRoot(), hadoopConf),
                        layout);
                return train(arguments, plan, new SweepDriver(spark, catalog, true), settings,
                        new SweepTables(catalog, layout));
            } catch (BadInputException e) {
                System.err.println("aesweep: " + e.getMessage());
                return ExitCodes.BAD_INPUT;
            }
        }
    }

    private static int train(SweepArguments arguments, SweepPlan plan, SweepDriver driver, SweepSettings settings,
                             SweepTables tables) throws IOException, BadInputException {
        SweepOutcome outcome = arguments.overwrite()
                ? driver.overwrite(settings, plan)
                : driver.run(settings, plan, arguments.retrainDiverged(),
                        arguments.dropRunsNotInGrid() ? RunsNotInGrid.DROP : RunsNotInGrid.REFUSE);
        // Nothing of the sweep trains now: merge its files so BI tools open a handful.
        Path duckDbViews = TableUpkeep.afterSweep(tables.catalog(), tables.layout());
        List<RunRow> rows = tables.allRows(RunRow.class);
        SweepReport.print(outcome, SweepGroupSummary.of(rows), tables, duckDbViews, System.out);
        // The exit code is the sweep's state, not this attempt's: a retry that trains nothing
        // still fails while an earlier attempt's runs stand failed or diverged.
        SweepState state = SweepState.of(plan, rows);
        System.out.println("sweep " + arguments.sweepId() + " now: " + state.describe());
        return state.allOk() || arguments.allowFailures() ? ExitCodes.OK : ExitCodes.RUNS_FAILED;
    }
}
