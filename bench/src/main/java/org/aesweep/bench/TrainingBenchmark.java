package org.aesweep.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.aesweep.BadInputException;
import org.aesweep.outputs.RunSummary;
import org.aesweep.plan.PlannedRun;
import org.aesweep.plan.RunBatch;
import org.aesweep.plan.RunCostModel;
import org.aesweep.plan.SweepPlan;
import org.aesweep.plan.SweepPreflight;
import org.aesweep.plan.SweepRequest;
import org.aesweep.spark.ExecutorDataCache;
import org.aesweep.spark.ExecutorThreads;
import org.aesweep.spark.SparkSessions;
import org.aesweep.sweep.RunTask;
import org.aesweep.sweep.RunsNotInGrid;
import org.aesweep.sweep.SweepDriver;
import org.aesweep.sweep.SweepSettings;
import org.aesweep.tables.AppendRuns;
import org.aesweep.tables.SweepTables;
import org.aesweep.tables.TableCatalog;
import org.aesweep.tables.TableLayout;
import org.aesweep.tables.avro.EpochMetricRow;
import org.aesweep.tables.avro.RunRow;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Measures what a sweep's runs cost on this machine, through the production code paths: each run
 * of the benchmark's grids trained by a plain loop over {@link RunTask} and by {@link SweepDriver} on
 * local-mode Spark (one task at a time with all cores, so both use the same threads), alternating,
 * several times, after an untimed two-epoch warm-up of each run; then, on the first grid's data,
 * one shallow run with parameter averaging on 1 and 2 workers. Epoch times come back from the epoch_metrics tables the runs
 * wrote; the first epoch of every run is warm-up and left out.
 */
public final class TrainingBenchmark {
    private static final Logger LOG = LoggerFactory.getLogger(TrainingBenchmark.class);
    private static final int FIRST_STEADY_EPOCH = 2;
    private static final int TINY_CODE_SIZES = 5;
    private static final List<Integer> SWEEP_CODE_SIZES = List.of(8, 32, 64);

    /**
     * @param grids       the grids whose runs are timed, each with its own data limits (the first also
     *                    serves the fusion, sweep, averaging and memory rows); architecture labels
     *                    must differ across grids
     * @param repetitions how often each path trains every run
     * @param cores       local-mode cores, and threads of each timed run
     */
    public record Settings(List<String> grids, String dataRoot, String outRoot, int repetitions, int cores) {
        public Settings {
            grids = List.copyOf(grids);
            if (grids.isEmpty()) {
                throw new IllegalArgumentException("no grid to time");
            }
        }
    }

    /**
     * One architecture's steady epochs, by the plain loop and through Spark, and where its whole runs'
     * time went: training epochs, the epochs' test-set evaluations, and the rest, which is the work
     * after the last epoch (final training loss and codes, probes, model, rows, commit) and the
     * run's set-up (building its network).
     */
    public record ArchitectureRow(String architecture, int epochs, long parameters, long trainSamples,
                                  double flopsPerEpoch,
                                  Spread plainSeconds, Spread sparkSeconds, Spread runWallSeconds,
                                  Spread runTrainingSeconds, Spread runEvaluationSeconds,
                                  Spread afterTrainingSeconds, Spread afterTrainingShare) {
    }

    /** Parameter averaging's steady epochs at one worker count. */
    public record AveragingRow(int workers, Spread seconds, double finalTestLoss) {
    }

    /**
     * The driver's heap around a sweep of many tiny runs (live data after a full GC; in local mode
     * the executor shares the JVM, its data cache warmed before) and the JVM's peak resident set.
     */
    public record MemoryRow(int runs, double seconds, double heapBeforeMib, double heapAfterMib, double peakRssMib) {
    }

    /**
     * Replicates of one shallow run trained one at a time and fused into one network, by the same
     * run task in this JVM: whole-run wall seconds (outputs included) and the epochs' share.
     */
    public record FusionRow(int runs, int epochs, double aloneWallSeconds, double aloneTrainingSeconds,
                            double fusedWallSeconds, double fusedTrainingSeconds) {
        public double runsPerHourRatio() {
            return aloneWallSeconds / fusedWallSeconds;
        }
    }

    /**
     * A sweep as users run one: shallow runs at several code sizes and replicates, trained by
     * SweepJob's runner with one core per task, so tasks run side by side as on an executor. Code
     * size 8 is there because it is not a multiple of the vector width: a kernel's partial vectors
     * once slowed every later run in the JVM, which runs of one code size at a time never show.
     */
    public record SweepRow(List<Integer> codeSizes, int replicates, int epochs, int runs, int concurrentTasks,
                           double wallSeconds, Spread runWallSeconds, Spread runTrainingSeconds) {
        public double runsPerHour() {
            return runs * 3600 / wallSeconds;
        }
    }

    public record Result(double peakFlops, int cores, List<ArchitectureRow> architectures, Spread plainWallSeconds,
                         Spread sparkWallSeconds, List<AveragingRow> averaging, FusionRow fusion, SweepRow sweep,
                         MemoryRow memory) {
    }

    private final Settings settings;
    private final Configuration conf = new Configuration();
    /** One catalog for the whole benchmark, plain loops and Spark sweeps alike: one pool on its SQLite file. */
    private TableCatalog catalog;

    public TrainingBenchmark(Settings settings) {
        this.settings = settings;
    }

    /**
     * @param fusedRuns        replicates of the fusion comparison (0 skips it)
     * @param sweepReplicates  replicates per code size of the user-like sweep (0 skips it)
     * @param memoryRuns       runs of the heap check (0 skips it)
     */
    public Result run(List<Integer> averagingWorkers, int fusedRuns, int sweepReplicates, int memoryRuns)
            throws IOException, BadInputException {
        refuseEarlierTables();
        try (TableCatalog opened = TableCatalog.open(new SparkConf(), settings.outRoot(), conf)) {
            catalog = opened;
            return measure(averagingWorkers, fusedRuns, sweepReplicates, memoryRuns);
        }
    }

    private Result measure(List<Integer> averagingWorkers, int fusedRuns, int sweepReplicates, int memoryRuns)
            throws IOException, BadInputException {
        List<SweepPlan> plans = new ArrayList<>();
        for (String grid : settings.grids()) {
            plans.add(plan(grid, List.of()));
        }
        ExecutorThreads.configureForCurrentTask();
        double peak = GemmPeak.flopsPerSecond();
        LOG.info("bench: GEMM peak {} GFLOP/s", Math.round(peak / 1e9));
        for (String grid : settings.grids()) {
            SweepPlan warmUp = plan(grid, List.of("training.epochs=2"));
            // Data sets are cached per JVM: load them before anything is timed.
            ExecutorDataCache.get(settings.dataRoot(), warmUp.local().get(0).config(), conf);
            // Every path (training, scoring, probes, Parquet) compiled by the JIT before the first timed
            // run: otherwise the first plain-loop repetition pays for it and Spark looks faster than no Spark.
            trainInPlainLoop(warmUp, layout("warm-up"));
        }

        List<Double> plainWall = new ArrayList<>();
        List<Double> sparkWall = new ArrayList<>();
        List<String> plainSweeps = new ArrayList<>();
        List<String> sparkSweeps = new ArrayList<>();
        try (SparkSession spark = session(settings.cores())) {
            for (int repetition = 1; repetition <= settings.repetitions(); repetition++) {
                String plainId = "plain-" + repetition;
                String sparkId = "spark-" + repetition;
                double plainSeconds = 0;
                double sparkSeconds = 0;
                for (SweepPlan plan : plans) {
                    plainSeconds += trainInPlainLoop(plan, layout(plainId));
                    sparkSeconds += trainOnSpark(spark, plan, layout(sparkId));
                }
                plainWall.add(plainSeconds);
                plainSweeps.add(plainId);
                sparkWall.add(sparkSeconds);
                sparkSweeps.add(sparkId);
            }
        }
        List<ArchitectureRow> architectures = new ArrayList<>();
        for (SweepPlan plan : plans) {
            architectures.addAll(architectureRows(plan, plainSweeps, sparkSweeps));
        }
        FusionRow fusion = fusedRuns > 1 ? compareFusion(fusedRuns) : null;
        List<AveragingRow> averaging = new ArrayList<>();
        MemoryRow memory = null;
        SweepRow sweep = null;
        try (SparkSession spark = session(1)) {
            if (sweepReplicates > 0) {
                sweep = timeSweep(spark, sweepReplicates);
            }
            for (int workers : averagingWorkers) {
                averaging.add(trainWithParameterAveraging(spark, workers));
            }
            if (memoryRuns > 0) {
                memory = measureDriverHeap(spark, memoryRuns);
            }
        }
        return new Result(peak, settings.cores(), architectures, Spread.of(plainWall), Spread.of(sparkWall),
                averaging, fusion, sweep, memory);
    }

    /**
     * A sweep skips the runs an earlier attempt committed, so an output directory that already
     * holds benchmark tables would time nothing on Spark; it is refused before any training.
     */
    private void refuseEarlierTables() throws IOException, BadInputException {
        Path tables = TableLayout.tablesRoot(settings.outRoot());
        if (tables.getFileSystem(conf).exists(tables)) {
            throw new BadInputException("--out " + settings.outRoot() + " already holds an earlier benchmark's tables ("
                    + tables + "): its sweeps would skip the runs committed there and time nothing; give a new"
                    + " directory");
        }
    }

    private FusionRow compareFusion(int runs) throws IOException, BadInputException {
        List<String> replicates = List.of("architectures=[shallow]", "replicates=" + runs, "fusion.max_runs=" + runs);
        SweepPlan plan = plan(replicates);
        long start = System.nanoTime();
        trainInPlainLoop(plan, layout("fusion-alone"));
        double alone = seconds(start);
        RunTask task = new RunTask(new SweepSettings(settings.dataRoot(), layout("fusion-fused")), conf);
        start = System.nanoTime();
        commit("fusion-fused", task.execute(new RunBatch(plan.local())));
        double fused = seconds(start);
        return new FusionRow(runs, plan.local().get(0).config().recipe().epochs(), alone,
                totalTrainingSeconds("fusion-alone"), fused, totalTrainingSeconds("fusion-fused") / runs);
    }

    /** The sweep's epoch seconds summed over its runs (a fused run records the fused epoch's time). */
    private double totalTrainingSeconds(String sweepId) throws IOException {
        return runTrainingSeconds(sweepId).stream().mapToDouble(Double::doubleValue).sum();
    }

    /** Each run's summed epoch seconds in one sweep, whatever its architecture. */
    private List<Double> runTrainingSeconds(String sweepId) throws IOException {
        return epochTimesByRun(List.of(sweepId)).values().stream().map(times -> times[0]).toList();
    }

    private SweepRow timeSweep(SparkSession spark, int replicates) throws IOException, BadInputException {
        String sweepId = "sweep";
        SweepPlan plan = plan(List.of("architectures=[shallow]", "code_sizes=" + SWEEP_CODE_SIZES,
                "replicates=" + replicates));
        long start = System.nanoTime();
        new SweepDriver(spark, catalog).run(new SweepSettings(settings.dataRoot(), layout(sweepId)), plan, false, RunsNotInGrid.KEEP);
        double wall = seconds(start);
        List<Double> runWalls = new ArrayList<>();
        for (RunRow row : rows(sweepId, RunRow.class)) {
            runWalls.add(row.getWallSeconds());
        }
        return new SweepRow(SWEEP_CODE_SIZES, replicates, plan.local().get(0).config().recipe().epochs(), plan.local().size(),
                settings.cores(), wall, Spread.of(runWalls), Spread.of(runTrainingSeconds(sweepId)));
    }

    /** A sweep of {@code runs} one-epoch shallow runs on 600 images, after a warm-up sweep of 10. */
    private MemoryRow measureDriverHeap(SparkSession spark, int runs) throws IOException, BadInputException {
        int replicates = (runs + TINY_CODE_SIZES - 1) / TINY_CODE_SIZES;
        new SweepDriver(spark, catalog).run(new SweepSettings(settings.dataRoot(), layout("memory-warm-up")),
                plan(tinyRuns(2)), false, RunsNotInGrid.KEEP);
        double before = liveHeapMib();
        long start = System.nanoTime();
        new SweepDriver(spark, catalog).run(new SweepSettings(settings.dataRoot(), layout("memory")),
                plan(tinyRuns(replicates)), false, RunsNotInGrid.KEEP);
        double seconds = seconds(start);
        return new MemoryRow(replicates * TINY_CODE_SIZES, seconds, before, liveHeapMib(), ProcessMemory.peakRssMib());
    }

    private static List<String> tinyRuns(int replicates) {
        return List.of("architectures=[shallow]", "code_sizes=[2,4,8,16,32]", "replicates=" + replicates,
                "training.epochs=1", "training.batch_size=128", "data.train_limit=600", "data.test_limit=100");
    }

    private static double liveHeapMib() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024.0 * 1024.0);
    }

    /** A sweep of the first grid's data and training recipe, as the overrides change it. */
    private SweepPlan plan(List<String> overrides) throws BadInputException {
        return plan(settings.grids().get(0), overrides);
    }

    private SweepPlan plan(String grid, List<String> overrides) throws BadInputException {
        return SweepPreflight.check(new SweepRequest(grid, settings.dataRoot(), settings.outRoot(), overrides), conf);
    }

    /** Local mode with {@code taskCpus} threads per task and as many cores as the settings give. */
    private SparkSession session(int taskCpus) {
        return SparkSessions.create("aesweep bench", "local[" + settings.cores() + "]",
                Map.of("spark.task.cpus", String.valueOf(taskCpus)));
    }

    private TableLayout layout(String sweepId) {
        return new TableLayout(settings.outRoot(), sweepId);
    }

    /** Trains and commits the runs one after another in this JVM, as the driver would commit them. */
    private double trainInPlainLoop(SweepPlan plan, TableLayout layout) {
        RunTask task = new RunTask(new SweepSettings(settings.dataRoot(), layout), conf);
        long start = System.nanoTime();
        for (PlannedRun run : plan.local()) {
            commit(layout.sweepId(), List.of(task.execute(run)));
        }
        return seconds(start);
    }

    private void commit(String sweepId, List<RunSummary> runs) {
        AppendRuns.commit(catalog, sweepId, runs.stream().map(RunSummary::files).toList());
    }

    private <T extends SpecificRecordBase> List<T> rows(String sweepId, Class<T> rowType) throws IOException {
        return new SweepTables(catalog, layout(sweepId)).allRows(rowType);
    }

    private double trainOnSpark(SparkSession spark, SweepPlan plan, TableLayout layout)
            throws IOException, BadInputException {
        long start = System.nanoTime();
        new SweepDriver(spark, catalog).run(new SweepSettings(settings.dataRoot(), layout), plan, false, RunsNotInGrid.KEEP);
        return seconds(start);
    }

    private AveragingRow trainWithParameterAveraging(SparkSession spark, int workers)
            throws IOException, BadInputException {
        String sweepId = "paramavg-" + workers;
        SweepPlan plan = plan(List.of("architectures=[shallow]", "parameter_averaging.cost_threshold=0",
                "parameter_averaging.workers=" + workers));
        new SweepDriver(spark, catalog).run(new SweepSettings(settings.dataRoot(), layout(sweepId)), plan, false, RunsNotInGrid.KEEP);
        List<Double> seconds = new ArrayList<>();
        for (List<Double> perArchitecture : steadyEpochSeconds(List.of(sweepId)).values()) {
            seconds.addAll(perArchitecture);
        }
        RunRow run = rows(sweepId, RunRow.class).get(0);
        return new AveragingRow(workers, Spread.of(seconds), run.getFinalTestLoss());
    }

    private List<ArchitectureRow> architectureRows(SweepPlan plan, List<String> plainSweeps, List<String> sparkSweeps)
            throws IOException {
        Map<String, List<Double>> plain = steadyEpochSeconds(plainSweeps);
        Map<String, List<Double>> viaSpark = steadyEpochSeconds(sparkSweeps);
        Map<String, RunRow> runRows = new HashMap<>();
        Map<String, double[]> epochTimes = epochTimesByRun(plainSweeps);
        Map<String, List<double[]>> runTimes = new HashMap<>();
        for (String sweepId : plainSweeps) {
            for (RunRow row : rows(sweepId, RunRow.class)) {
                runRows.put(row.getArchitecture(), row);
                double[] epochs = epochTimes.getOrDefault(sweepId + "/" + row.getRunId(), new double[2]);
                runTimes.computeIfAbsent(row.getArchitecture(), k -> new ArrayList<>())
                        .add(new double[] {row.getWallSeconds(), epochs[0], epochs[1]});
            }
        }
        List<ArchitectureRow> rows = new ArrayList<>();
        for (PlannedRun run : plan.local()) {
            String architecture = run.config().architecture().label();
            RunRow row = runRows.get(architecture);
            long samples = row.getTrainSamples();
            double flops = 2 * RunCostModel.trainingCost(run.config(), plan.imageRows(), plan.imageCols(), samples)
                    / run.config().recipe().epochs();
            List<double[]> times = runTimes.getOrDefault(architecture, List.of());
            rows.add(new ArchitectureRow(architecture, run.config().recipe().epochs(), row.getParameterCount(),
                    samples, flops,
                    Spread.of(plain.getOrDefault(architecture, List.of())),
                    Spread.of(viaSpark.getOrDefault(architecture, List.of())),
                    Spread.of(times.stream().map(t -> t[0]).toList()),
                    Spread.of(times.stream().map(t -> t[1]).toList()),
                    Spread.of(times.stream().map(t -> t[2]).toList()),
                    Spread.of(times.stream().map(t -> t[0] - t[1] - t[2]).toList()),
                    Spread.of(times.stream().map(t -> (t[0] - t[1] - t[2]) / t[1]).toList())));
        }
        return rows;
    }

    /** Steady-epoch seconds per architecture over the given sweeps' epoch_metrics tables. */
    private Map<String, List<Double>> steadyEpochSeconds(List<String> sweepIds) throws IOException {
        Map<String, List<Double>> seconds = new LinkedHashMap<>();
        for (String sweepId : sweepIds) {
            for (EpochMetricRow row : rows(sweepId, EpochMetricRow.class)) {
                if (row.getEpoch() >= FIRST_STEADY_EPOCH) {
                    seconds.computeIfAbsent(row.getArchitecture(), k -> new ArrayList<>()).add(row.getSeconds());
                }
            }
        }
        return seconds;
    }

    /**
     * Each run's summed epoch training seconds and evaluation seconds, keyed by sweep id / run id
     * (evaluation 0 where a table predates the column).
     */
    private Map<String, double[]> epochTimesByRun(List<String> sweepIds) throws IOException {
        Map<String, double[]> byRun = new HashMap<>();
        for (String sweepId : sweepIds) {
            for (EpochMetricRow row : rows(sweepId, EpochMetricRow.class)) {
                double[] sums = byRun.computeIfAbsent(sweepId + "/" + row.getRunId(), k -> new double[2]);
                sums[0] += row.getSeconds();
                Double evaluation = row.getEvaluationSeconds();
                sums[1] += evaluation == null ? 0 : evaluation;
            }
        }
        return byRun;
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
