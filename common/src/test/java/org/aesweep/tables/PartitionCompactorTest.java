package org.aesweep.tables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.aesweep.analysis.ClassMeanCodes;
import org.aesweep.analysis.SavedRun;
import org.aesweep.analysis.TrainingModeComparison;
import org.aesweep.plan.SweepPlan;
import org.aesweep.spark.SparkSessions;
import org.aesweep.spec.RunConfig;
import org.aesweep.sweep.SweepDriver;
import org.aesweep.sweep.SweepOutcome;
import org.aesweep.sweep.SweepSettings;
import org.aesweep.testing.SyntheticImages;
import org.aesweep.testing.TestRuns;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compaction leaves one file per table partition with every row once, and everything that reads a
 * run back (resume, saved runs, class-mean codes, the training-mode comparison) still finds it; runs
 * added later are merged by the next compaction without duplicates.
 */
class PartitionCompactorTest {
    private static final int TEST = 30;

    @TempDir
    Path work;

    @Test
    void compactedPartitionsKeepEveryRowOnceAndStayReadable() throws Exception {
        Path data = work.resolve("synthetic");
        SyntheticImages.writeDataset(data, 120, TEST);
        RunConfig first = TestRuns.shallow(2).dataset(data.toString()).epochs(1).build();
        RunConfig second = TestRuns.shallow(4).dataset(data.toString()).epochs(1).build();
        RunConfig later = TestRuns.shallow(6).dataset(data.toString()).epochs(1).build();
        TableLayout layout = new TableLayout(work.resolve("out").toString(), "c");
        Configuration conf = new Configuration();
        SweepSettings settings = new SweepSettings(work.toString(), layout);

        try (SparkSession spark = SparkSessions.create("aesweep-compaction", "local[2]")) {
            assertTrue(new SweepDriver(spark).run(settings, SweepPlan.allLocal(List.of(first, second))).allSucceeded());
            assertEquals(4, PartitionCompactor.compact(layout, conf));
            assertOneFilePerTable(layout);
            assertEquals(java.util.Set.of(first.runId(), second.runId()), CommittedRuns.list(layout, conf));
            assertEquals(first, SavedRun.load(layout, first.runId(), conf).config());
            assertTrue(ClassMeanCodes.of(layout, second.runId(), conf).size() > 1);
            assertEquals(0, PartitionCompactor.compact(layout, conf), "nothing new to compact");

            SweepOutcome resumed = new SweepDriver(spark).run(settings,
                    SweepPlan.allLocal(List.of(first, second, later)));
            assertEquals(2, resumed.skipped(), "compacted runs count as committed");
            assertEquals(1, resumed.trained().size());
            PartitionCompactor.compact(layout, conf);
            assertOneFilePerTable(layout);
            assertEquals(3, spark.read().parquet(layout.tablePartition(Table.RUNS).toString()).count());
            assertEquals(3, spark.read().parquet(layout.tablePartition(Table.RUNS).toString())
                    .select("run_id").distinct().count());
            assertEquals(3 * TEST, spark.read().parquet(layout.tablePartition(Table.LATENT_CODES).toString()).count());
            assertEquals(3, spark.read().parquet(layout.tablePartition(Table.EPOCH_METRICS).toString()).count());
            List<TrainingModeComparison.Row> compared = TrainingModeComparison.read(layout.root().toString(),
                    List.of(layout.sweepId()), conf);
            assertEquals(List.of(first.runId(), second.runId(), later.runId()).stream().sorted().toList(),
                    compared.stream().map(TrainingModeComparison.Row::runId).toList());
            for (TrainingModeComparison.Row row : compared) {
                assertEquals("local", row.trainingMode());
                assertEquals(1, row.epochs());
                assertTrue(row.secondsPerEpoch() > 0 && Double.isFinite(row.finalTestLoss()), row.toString());
            }
        }
        assertTrue(Files.exists(Path.of(layout.tablePartition(Table.RUNS).toString(), "_SUCCESS")));
    }

    private static void assertOneFilePerTable(TableLayout layout) throws Exception {
        for (Table table : List.of(Table.RUNS, Table.EPOCH_METRICS, Table.LATENT_CODES, Table.LATENT_PROBES)) {
            try (Stream<Path> files = Files.list(Path.of(layout.tablePartition(table).toString()))) {
                assertEquals(1, files.filter(path -> path.getFileName().toString().endsWith(".parquet")).count(),
                        table.directoryName());
            }
            Path parent = Path.of(layout.tablePartition(table).toString()).getParent();
            try (Stream<Path> siblings = Files.list(parent)) {
                assertEquals(1, siblings.filter(path -> !path.getFileName().toString().endsWith(".crc")).count(),
                        "no hidden leftovers next to " + table.directoryName());
            }
        }
    }
}
