package org.aesweep.tables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;

import org.aesweep.spec.RunConfig;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.data.Record;
import org.junit.jupiter.api.Test;

/** Committing finished runs' files: {@link AppendRuns}. */
class AppendRunsTest extends TableTestBase {
    @Test
    void twoRunsAppearInEveryPerRunTable() throws Exception {
        RunConfig first = run(0);
        RunConfig second = run(1);

        AppendRuns.commit(catalog, SWEEP, List.of(writeRun(SWEEP, first), writeRun(SWEEP, second)));

        assertEquals(Map.of(first.runId(), 1L, second.runId(), 1L), rowsPerRun(Table.RUNS, SWEEP));
        assertEquals(Map.of(first.runId(), (long) EPOCHS, second.runId(), (long) EPOCHS),
                rowsPerRun(Table.EPOCH_METRICS, SWEEP));
        assertEquals(Map.of(first.runId(), (long) CODES, second.runId(), (long) CODES),
                rowsPerRun(Table.LATENT_CODES, SWEEP));
        assertEquals(Map.of(first.runId(), 1L, second.runId(), 1L), rowsPerRun(Table.LATENT_PROBES, SWEEP));
    }

    @Test
    void eachFileIsInTheSweepsPartition() throws Exception {
        AppendRuns.commit(catalog, SWEEP, List.of(writeRun(SWEEP, run(0)), writeRun(SWEEP, run(1))));

        for (Table table : Table.perRunInCommitOrder()) {
            List<DataFile> files = files(table, SWEEP);
            assertEquals(2, files.size(), table.name());
            for (DataFile file : files) {
                assertEquals(SWEEP, file.partition().get(0, String.class), file.location());
            }
            for (Record row : rows(table)) {
                assertEquals(SWEEP, row.getField("sweep_id"), table.name());
            }
        }
    }

    @Test
    void theRunsTableIsCommittedLast() throws Exception {
        List<RunFiles> runs = List.of(writeRun(SWEEP, run(0)), writeRun(SWEEP, run(1)));

        try (CommitLog log = CommitLog.start()) {
            AppendRuns.commit(catalog, SWEEP, runs);

            assertEquals(List.of("epoch_metrics", "latent_codes", "latent_probes", "runs"), log.tables());
        }
    }

    @Test
    void oneAppendPerTableCommitsAllTheRuns() throws Exception {
        AppendRuns.commit(catalog, SWEEP, List.of(writeRun(SWEEP, run(0)), writeRun(SWEEP, run(1)),
                writeRun(SWEEP, run(2))));

        for (Table table : Table.perRunInCommitOrder()) {
            org.apache.iceberg.Table iceberg = load(table);
            assertEquals(1, iceberg.history().size(), table.name());
            assertEquals("3", iceberg.currentSnapshot().summary().get("added-data-files"), table.name());
        }
    }

    @Test
    void aFailedRunCommitsOnlyItsRunsAndEpochFiles() throws Exception {
        RunConfig failed = run(0);

        AppendRuns.commit(catalog, SWEEP, List.of(writeFailedRun(SWEEP, failed)));

        assertEquals(Map.of(failed.runId(), 1L), rowsPerRun(Table.RUNS, SWEEP));
        assertEquals(Map.of(failed.runId(), 1L), rowsPerRun(Table.EPOCH_METRICS, SWEEP));
        assertNull(load(Table.LATENT_CODES).currentSnapshot());
        assertNull(load(Table.LATENT_PROBES).currentSnapshot());
    }

    @Test
    void aFailedRunBesideAFinishedOneAddsNothingToTheLatentTables() throws Exception {
        RunConfig finished = run(0);

        AppendRuns.commit(catalog, SWEEP, List.of(writeRun(SWEEP, finished), writeFailedRun(SWEEP, run(1))));

        assertEquals(2, rowsPerRun(Table.RUNS, SWEEP).size());
        assertEquals(Map.of(finished.runId(), (long) CODES), rowsPerRun(Table.LATENT_CODES, SWEEP));
        assertEquals(1, files(Table.LATENT_CODES, SWEEP).size());
    }

    @Test
    void anEmptyListCommitsNothing() {
        Map<Table, String> before = metadataLocations();

        AppendRuns.commit(catalog, SWEEP, List.of());

        assertEquals(before, metadataLocations());
    }

    @Test
    void anotherSweepsRunsStayInTheirOwnPartition() throws Exception {
        RunConfig config = run(0);
        AppendRuns.commit(catalog, SWEEP, List.of(writeRun(SWEEP, config)));

        AppendRuns.commit(catalog, OTHER_SWEEP, List.of(writeRun(OTHER_SWEEP, config)));

        assertEquals(Map.of(config.runId(), 1L), rowsPerRun(Table.RUNS, SWEEP));
        assertEquals(Map.of(config.runId(), 1L), rowsPerRun(Table.RUNS, OTHER_SWEEP));
        assertEquals(OTHER_SWEEP, files(Table.RUNS, OTHER_SWEEP).get(0).partition().get(0, String.class));
    }
}
