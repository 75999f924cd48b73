package org.aesweep.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.aesweep.jobs.cli.ExitCodes;
import org.aesweep.spark.SparkSessions;
import org.aesweep.tables.SweepTables;
import org.aesweep.tables.Table;
import org.aesweep.tables.TableCatalog;
import org.aesweep.tables.TableLayout;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Readers of a finished sweep see complete snapshots while the sweep is overwritten (every run
 * retrained, then each table's rows replaced in one commit) and compacted (each table's files
 * rewritten into one): two reader threads query every table over and over, one by name through
 * Spark SQL, one through {@link SweepTables} (the snapshot's files read with parquet-avro), and
 * must always find the finished sweep's row count, never fewer or more, and never a missing file.
 * (bias_variance, which only the aggregation fills, stays empty here; it is read all the same.)
 *
 * <p>The readers use the catalog of the job's own Spark session, whose single SQLite connection
 * (see TableCatalog) serves the job's commits and the reads in turn; EmbeddedCatalogThreadsTest
 * covers a second catalog on the same file.
 */
class SweepJobReadersSeeCompleteSnapshotsTest {
    private static final String SWEEP = "r";
    private static final int OVERWRITES = 2;
    /** Reads over one overwrite job (both readers, every table in turn), below which the test means little. */
    private static final int MIN_READS = 20;

    @TempDir
    Path work;

    @Test
    void readersSeeTheWholeSweepWhileItIsOverwrittenAndCompacted() throws Exception {
        String out = work.resolve("out").toString();
        Path grid = TinySweeps.grid(work, "[2, 4, 8]", "optimizer: adam\n  learning_rate: 0.001");
        assertEquals(ExitCodes.OK, TinySweeps.sweep(grid, out, SWEEP));
        Map<Table, Long> finished = rowCounts(out);
        assertEquals(3L, finished.get(Table.RUNS), finished.toString());

        for (int overwrite = 1; overwrite <= OVERWRITES; overwrite++) {
            // The session the job will get (getOrCreate). Spark SQL counts rows by reading the
            // files, not from the manifests' statistics.
            SparkSession spark = SparkSessions.create("aesweep readers test", "local[4]",
                    Map.of("spark.sql.iceberg.aggregate-push-down.enabled", "false"));
            TableCatalog catalog = TableCatalog.open(spark, out);
            Set<Long> runsSnapshots = new ConcurrentSkipListSet<>();
            List<Reader> readers = List.of(new Reader(Reader.SQL, spark, catalog, finished, runsSnapshots),
                    new Reader(Reader.FILES, spark, catalog, finished, runsSnapshots));
            List<Thread> threads = readers.stream().map(reader -> new Thread(reader, reader.how)).toList();
            threads.forEach(Thread::start);
            int exitCode;
            try {
                // The finished sweep is read first, then all through the job.
                for (Reader reader : readers) {
                    reader.awaitReads(Table.values().length);
                }
                readers.forEach(reader -> reader.jobRunning(true));
                exitCode = TinySweeps.sweepInSession(grid, out, SWEEP, "--overwrite");
                readers.forEach(reader -> reader.jobRunning(false));
            } finally {
                readers.forEach(Reader::stop);
                for (Thread thread : threads) {
                    thread.join(TimeUnit.MINUTES.toMillis(1));
                }
            }
            assertEquals(ExitCodes.OK, exitCode);
            for (Reader reader : readers) {
                assertEquals(List.of(), reader.problems(), "overwrite " + overwrite + ", " + reader.how);
                System.out.printf("overwrite %d, %s: %d reads, %d while the job ran: %s%n", overwrite, reader.how,
                        reader.reads(), reader.readsDuringJob(), reader.readsDuringJobByTable());
                for (Table table : Table.values()) {
                    assertTrue(reader.readsDuringJob(table) > 0, reader.how + " read " + table + " while the job ran");
                }
            }
            int readsDuringJob = readers.stream().mapToInt(Reader::readsDuringJob).sum();
            assertTrue(readsDuringJob > MIN_READS, readsDuringJob + " reads while the job ran");
            // At least the runs table's snapshot before the job and after it: reads went on while
            // the job committed.
            System.out.printf("overwrite %d: the runs table's snapshots seen: %s%n", overwrite, runsSnapshots);
            assertTrue(runsSnapshots.size() >= 2, "the reads spanned the job's commits: " + runsSnapshots);
            assertEquals(finished, rowCounts(out));
        }
    }

    private static Map<Table, Long> rowCounts(String out) throws Exception {
        Map<Table, Long> counts = new EnumMap<>(Table.class);
        try (TableCatalog catalog = TinySweeps.catalog(Map.of(), out)) {
            SweepTables tables = new SweepTables(catalog, new TableLayout(catalog.outRoot(), SWEEP));
            for (Table table : Table.values()) {
                counts.put(table, (long) tables.allRows(table.rowType()).size());
            }
        }
        return counts;
    }

    /** Reads every table of the sweep, one after another, one way, until stopped. */
    private static final class Reader implements Runnable {
        static final String SQL = "Spark SQL";
        static final String FILES = "SweepTables";

        private final String how;
        private final SparkSession spark;
        private final TableCatalog catalog;
        private final SweepTables tables;
        private final Map<Table, Long> expected;
        private final Set<Long> runsSnapshots;
        private final AtomicInteger reads = new AtomicInteger();
        private final Map<Table, AtomicInteger> readsDuringJob = new ConcurrentSkipListMap<>();
        private final List<String> problems = Collections.synchronizedList(new ArrayList<>());
        private volatile boolean stopped;
        private volatile boolean jobRunning;

        Reader(String how, SparkSession spark, TableCatalog catalog, Map<Table, Long> expected,
               Set<Long> runsSnapshots) {
            this.how = how;
            this.spark = spark;
            this.catalog = catalog;
            this.tables = new SweepTables(catalog, new TableLayout(catalog.outRoot(), SWEEP));
            this.expected = expected;
            this.runsSnapshots = runsSnapshots;
        }

        @Override
        public void run() {
            while (!stopped) {
                for (Table table : Table.values()) {
                    boolean duringJob = jobRunning;
                    try {
                        runsSnapshots.add(catalog.load(Table.RUNS).currentSnapshot().snapshotId());
                        long rows = how.equals(SQL) ? countBySql(table) : tables.allRows(table.rowType()).size();
                        if (rows != expected.get(table)) {
                            problems.add(table + ": " + rows + " rows, not " + expected.get(table));
                        }
                        reads.incrementAndGet();
                        if (duringJob) {
                            readsDuringJob.computeIfAbsent(table, key -> new AtomicInteger()).incrementAndGet();
                        }
                    } catch (Exception e) {
                        if (jobEnded(e)) {
                            return;
                        }
                        problems.add(table + ": " + e);
                    }
                }
            }
        }

        /**
         * Whether {@code failure} says the job has ended: it closes the catalog after its last
         * commit (Iceberg's pool then refuses clients), and then stops the Spark session.
         */
        private boolean jobEnded(Throwable failure) {
            for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
                if (cause instanceof IllegalStateException && String.valueOf(cause.getMessage())
                        .contains("closed pool")) {
                    return true;
                }
            }
            return how.equals(SQL) && spark.sparkContext().isStopped();
        }

        private long countBySql(Table table) {
            return spark.sql("SELECT count(*) FROM " + catalog.qualifiedName(table) + " WHERE sweep_id = '" + SWEEP
                    + "'").first().getLong(0);
        }

        void awaitReads(int count) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
            while (reads.get() < count && problems.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
        }

        void jobRunning(boolean running) {
            jobRunning = running;
        }

        void stop() {
            stopped = true;
        }

        int reads() {
            return reads.get();
        }

        int readsDuringJob() {
            return readsDuringJob.values().stream().mapToInt(AtomicInteger::get).sum();
        }

        int readsDuringJob(Table table) {
            AtomicInteger count = readsDuringJob.get(table);
            return count == null ? 0 : count.get();
        }

        String readsDuringJobByTable() {
            return readsDuringJob.toString();
        }

        List<String> problems() {
            synchronized (problems) {
                return List.copyOf(problems.subList(0, Math.min(problems.size(), 20)));
            }
        }
    }
}
