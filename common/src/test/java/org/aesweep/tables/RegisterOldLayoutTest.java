package org.aesweep.tables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.aesweep.BadInputException;
import org.aesweep.spec.RunConfig;
import org.aesweep.tables.avro.EpochMetricRow;
import org.aesweep.tables.avro.LatentCodeRow;
import org.aesweep.tables.avro.RunRow;
import org.aesweep.testing.LocalFiles;
import org.aesweep.testing.OldLayoutRoot.Era;
import org.aesweep.testing.OldLayoutRoot;
import org.aesweep.testing.TableFooters;
import org.aesweep.testing.TestRuns;
import org.apache.hadoop.conf.Configuration;
import org.apache.iceberg.DataFile;
import org.apache.spark.SparkConf;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Registering an old layout's sweep commits each table's rows once, from one new file, whatever
 * state an earlier registration or an old compaction left; and the old files it leaves are orphans
 * that the sweep's next attempt may delete without losing a row.
 */
class RegisterOldLayoutTest {
    private static final RunConfig FIRST = TestRuns.shallow(4).build();
    private static final RunConfig SECOND = TestRuns.shallow(8).build();
    private static final RunConfig THIRD = TestRuns.shallow(16).build();

    @TempDir
    Path work;

    private final Configuration conf = new Configuration();

    @Test
    void aRunsOwnFileSupersedesItsRowsInACompactedFile() throws Exception {
        OldLayoutRoot old = new OldLayoutRoot(work.resolve("out"));
        old.compacted("s", List.of(FIRST, SECOND), Era.MILLIS);
        // SECOND trained again after the compaction (it had no runs row then), into its own files.
        old.perRunFiles("s", SECOND, Era.OLDEST_READABLE);

        try (TableCatalog catalog = open(old)) {
            SweepRegistration registration = RegisterOldLayout.register(catalog, "s");

            assertEquals(2L, registration.registered().get(Table.RUNS));
            SweepTables tables = new SweepTables(catalog, old.layout("s"));
            assertEquals(Set.of(FIRST.runId(), SECOND.runId()), tables.committedRunIds());
            List<EpochMetricRow> epochs = tables.allRows(EpochMetricRow.class);
            assertEquals(2 * FIRST.recipe().epochs(), epochs.size());
            for (EpochMetricRow epoch : epochs) {
                // The compacted file's rows have evaluation_seconds, SECOND's own (older) file has not.
                assertEquals(epoch.getRunId().equals(FIRST.runId()) ? 0.5 : null, epoch.getEvaluationSeconds());
            }
            assertEquals(2 * OldLayoutRoot.SAMPLES, tables.allRows(LatentCodeRow.class).size());
            for (Table table : Table.perRunInCommitOrder()) {
                List<DataFile> files = DataFileDescriber.currentFiles(catalog.load(table), DataFileDescriber.inSweep("s"));
                assertEquals(1, files.size(), table.toString());
                TableFooters.assertTodaysSchema(new org.apache.hadoop.fs.Path(files.get(0).location()), table, conf);
            }
        }
    }

    @Test
    void aSweepIsRefusedWhileItsOldFilesAreUnregisteredAndAcceptedAfterwards() throws Exception {
        OldLayoutRoot old = new OldLayoutRoot(work.resolve("out"));
        old.perRunFiles("s", FIRST, Era.MILLIS);

        try (TableCatalog catalog = open(old)) {
            BadInputException refused = assertThrows(BadInputException.class,
                    () -> RegisterOldLayout.refuseUnregistered(catalog, old.layout("s")));
            assertTrue(refused.getMessage().contains("register them first"), refused.getMessage());
            // Another sweep id of the same root has nothing to register.
            RegisterOldLayout.refuseUnregistered(catalog, old.layout("fresh"));

            RegisterOldLayout.register(catalog, "s");
            RegisterOldLayout.refuseUnregistered(catalog, old.layout("s"));
        }
    }

    @Test
    void aRegistrationThatDiedCompletesAndTakesNoFileOfTodaysLayout() throws Exception {
        OldLayoutRoot old = new OldLayoutRoot(work.resolve("out"));
        TableLayout layout = old.layout("s");
        // A registration that committed epoch_metrics and died: epoch_metrics is in the catalog ...
        old.perRunFile("s", FIRST, Era.OLDEST_READABLE, Table.EPOCH_METRICS);
        try (TableCatalog catalog = open(old)) {
            assertEquals(Map.of(Table.EPOCH_METRICS, (long) FIRST.recipe().epochs()),
                    RegisterOldLayout.register(catalog, "s").registered());
        }
        old.perRunFile("s", FIRST, Era.OLDEST_READABLE, Table.RUNS);
        old.perRunFile("s", FIRST, Era.OLDEST_READABLE, Table.LATENT_PROBES);
        Path codes = LocalFiles.of(old.compactedFile("s", List.of(FIRST), Era.OLDEST_READABLE, Table.LATENT_CODES));
        // ... and had written latent_codes without committing it. Files of today's sweep attempts, and
        // hidden directories of the old layout's unfinished compactions, hold no rows of the old layout either.
        Files.copy(codes, LocalFiles.of(OldLayoutFiles.registeredFile(layout, Table.LATENT_CODES)));
        Files.copy(codes, codes.resolveSibling("run-" + FIRST.runId() + "-" + UUID.randomUUID() + ".parquet"));
        Path hidden = Files.createDirectories(codes.getParent().resolveSibling(".sweep_id=s.compact-" + UUID.randomUUID()));
        Files.copy(codes, hidden.resolve("part-" + UUID.randomUUID() + ".parquet"));

        try (TableCatalog catalog = open(old)) {
            SweepRegistration registration = RegisterOldLayout.register(catalog, "s");

            SweepTables tables = new SweepTables(catalog, layout);
            assertEquals(FIRST.recipe().epochs(), tables.allRows(EpochMetricRow.class).size());
            assertEquals(OldLayoutRoot.SAMPLES, tables.allRows(LatentCodeRow.class).size());
            assertEquals(1, tables.allRows(RunRow.class).size());
            assertEquals(Set.of(Table.EPOCH_METRICS), registration.inCatalog());
            assertEquals(Set.of(Table.RUNS, Table.LATENT_CODES, Table.LATENT_PROBES), registration.registered().keySet());
            assertEquals(Set.of("s"), RegisterOldLayout.sweepIds(catalog));
        }
    }

    @Test
    void theOldFilesAreOrphansThatTheNextAttemptDeletesWithoutLosingARow() throws Exception {
        OldLayoutRoot old = new OldLayoutRoot(work.resolve("out"));
        old.compacted("s", List.of(FIRST, SECOND), Era.MILLIS);
        old.perRunFiles("s", THIRD, Era.OLDEST_READABLE);
        old.biasVariance("s", 2);
        TableLayout layout = old.layout("s");
        try (TableCatalog catalog = open(old)) {
            RegisterOldLayout.register(catalog, "s");
            SweepTables tables = new SweepTables(catalog, layout);
            List<RunRow> before = tables.allRows(RunRow.class);

            // What a sweep attempt at the id does first (SweepDriver's leftovers).
            int deleted = RemoveOrphans.remove(catalog, layout);

            // Per table: the compacted file, and THIRD's file in the per-run tables.
            assertEquals(4 * 2 + 1, deleted);
            assertEquals(before, tables.allRows(RunRow.class));
            assertEquals(3 * FIRST.recipe().epochs(), tables.allRows(EpochMetricRow.class).size());
            for (Table table : Table.values()) {
                List<String> left = parquetFiles(LocalFiles.of(layout.tablePartition(table)));
                assertEquals(1, left.size(), table + ": " + left);
                assertTrue(left.get(0).startsWith("part-registered-"), left.get(0));
            }
        }
    }

    @Test
    void aFileThatCannotBeReadRefusesItsWholeSweepAndLeavesNoFileBehind() throws Exception {
        OldLayoutRoot old = new OldLayoutRoot(work.resolve("out"));
        old.perRunFiles("bad", FIRST, Era.OLDEST_READABLE);
        old.perRunFiles("bad", SECOND, Era.UNREADABLE);
        old.biasVariance("bad", 1);
        TableLayout layout = old.layout("bad");
        try (TableCatalog catalog = open(old)) {
            SweepRegistration registration = RegisterOldLayout.register(catalog, "bad");

            assertTrue(registration.refused());
            assertTrue(registration.refusal().contains("train_limit"), registration.refusal());
            assertTrue(registration.refusal().contains("run-" + SECOND.runId()), registration.refusal());
            assertTrue(registration.registered().isEmpty());
            for (Table table : Table.values()) {
                assertTrue(DataFileDescriber.currentFiles(catalog.load(table), DataFileDescriber.inSweep("bad"))
                        .isEmpty(), table.toString());
                assertFalse(parquetFiles(LocalFiles.of(layout.tablePartition(table))).stream()
                        .anyMatch(name -> name.startsWith("part-registered-")), table.toString());
            }
        }
    }

    @Test
    void aSweepWhoseRunsAreInTheCatalogIsLeftAlone() throws Exception {
        OldLayoutRoot old = new OldLayoutRoot(work.resolve("out"));
        old.perRunFiles("s", FIRST, Era.MILLIS);
        try (TableCatalog catalog = open(old)) {
            RegisterOldLayout.register(catalog, "s");
            List<DataFile> registered = DataFileDescriber.currentFiles(catalog.load(Table.EPOCH_METRICS),
                    DataFileDescriber.inSweep("s"));
            // Files appearing later are not taken in, even in a table without rows of the sweep: in a
            // sweep the catalog holds, a part- file no snapshot references is one an aggregation or
            // compaction of today's aesweep wrote and did not commit.
            old.perRunFiles("s", SECOND, Era.MILLIS);
            old.biasVariance("s", 1);

            SweepRegistration again = RegisterOldLayout.register(catalog, "s");

            assertTrue(again.registered().isEmpty());
            assertEquals(List.of("sweep s, epoch_metrics: already registered", "sweep s, latent_codes: already registered",
                    "sweep s, latent_probes: already registered", "sweep s, runs: already registered"), again.describe());
            assertEquals(registered.stream().map(DataFile::location).toList(),
                    DataFileDescriber.currentFiles(catalog.load(Table.EPOCH_METRICS), DataFileDescriber.inSweep("s"))
                            .stream().map(DataFile::location).toList());
            assertTrue(DataFileDescriber.currentFiles(catalog.load(Table.BIAS_VARIANCE), DataFileDescriber.inSweep("s"))
                    .isEmpty());
        }
    }

    private TableCatalog open(OldLayoutRoot old) throws Exception {
        return TableCatalog.open(new SparkConf(false), old.outRoot(), conf);
    }

    private static List<String> parquetFiles(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".parquet")).sorted()
                    .collect(Collectors.toList());
        }
    }
}
