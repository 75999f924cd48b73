package org.aesweep.tables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.aesweep.spec.RunConfig;
import org.apache.iceberg.DataFile;
import org.junit.jupiter.api.Test;

/** Removing runs' rows before they train again: {@link RemoveRuns}. */
class RemoveRunsTest extends TableTestBase {
    @Test
    void aFailedRunsFilesAreRemoved() throws Exception {
        RunConfig finished = run(0);
        RunConfig failed = run(1);
        RunFiles failedFiles = writeFailedRun(SWEEP, failed);
        AppendRuns.commit(catalog, SWEEP, List.of(writeRun(SWEEP, finished), failedFiles));

        long removed = RemoveRuns.remove(catalog, layout(SWEEP), Set.of(failed.runId()));

        // One runs row and one epoch row.
        assertEquals(2, removed);
        assertEquals(Map.of(finished.runId(), 1L), rowsPerRun(Table.RUNS, SWEEP));
        assertEquals(Map.of(finished.runId(), (long) EPOCHS), rowsPerRun(Table.EPOCH_METRICS, SWEEP));
        for (Table table : List.of(Table.RUNS, Table.EPOCH_METRICS)) {
            List<String> current = files(table, SWEEP).stream().map(DataFile::location).toList();
            assertFalse(current.contains(failedFiles.file(table)), table.name());
            assertEquals(1, current.size(), table.name());
        }
    }

    @Test
    void aRunIsCutOutOfACompactedFileHoldingOtherRuns() throws Exception {
        RunConfig kept = run(0);
        RunConfig gone = run(1);
        RunConfig alsoKept = run(2);
        AppendRuns.commit(catalog, SWEEP, List.of(writeRun(SWEEP, kept), writeRun(SWEEP, gone),
                writeRun(SWEEP, alsoKept)));
        CompactSweep.compact(catalog, layout(SWEEP));
        String compacted = files(Table.LATENT_CODES, SWEEP).get(0).location();

        long removed = RemoveRuns.remove(catalog, layout(SWEEP), Set.of(gone.runId()));

        assertEquals(1 + EPOCHS + CODES + 1, removed);
        Map<String, Long> expectedCodes = Map.of(kept.runId(), (long) CODES, alsoKept.runId(), (long) CODES);
        assertEquals(expectedCodes, rowsPerRun(Table.LATENT_CODES, SWEEP));
        assertEquals(Map.of(kept.runId(), 1L, alsoKept.runId(), 1L), rowsPerRun(Table.RUNS, SWEEP));
        assertEquals(Map.of(kept.runId(), (long) EPOCHS, alsoKept.runId(), (long) EPOCHS),
                rowsPerRun(Table.EPOCH_METRICS, SWEEP));
        assertEquals(Map.of(kept.runId(), 1L, alsoKept.runId(), 1L), rowsPerRun(Table.LATENT_PROBES, SWEEP));
        // The compacted file is replaced by a copy, not edited: its snapshot still reads it whole.
        List<DataFile> current = files(Table.LATENT_CODES, SWEEP);
        assertEquals(1, current.size());
        assertNotEquals(compacted, current.get(0).location());
        assertEquals(2L * CODES, current.get(0).recordCount());
        assertTrue(java.nio.file.Files.exists(local(compacted)));
    }

    @Test
    void theCopyKeepsTheOtherRunsRowsAsTheyWere() throws Exception {
        RunConfig kept = run(0);
        AppendRuns.commit(catalog, SWEEP, List.of(writeRun(SWEEP, kept), writeRun(SWEEP, run(1))));
        CompactSweep.compact(catalog, layout(SWEEP));
        List<String> before = sorted(rows(Table.LATENT_CODES, SWEEP).stream()
                .filter(row -> kept.runId().equals(row.getField("run_id"))).toList());

        RemoveRuns.remove(catalog, layout(SWEEP), Set.of(run(1).runId()));

        assertEquals(before, sorted(rows(Table.LATENT_CODES, SWEEP)));
    }

    @Test
    void idsWithNoRowsCommitNothing() throws Exception {
        AppendRuns.commit(catalog, SWEEP, List.of(writeRun(SWEEP, run(0))));
        Map<Table, String> before = metadataLocations();

        long removed = RemoveRuns.remove(catalog, layout(SWEEP), Set.of(run(7).runId()));

        assertEquals(0, removed);
        assertEquals(before, metadataLocations());
    }

    @Test
    void anEmptySetCommitsNothing() throws Exception {
        AppendRuns.commit(catalog, SWEEP, List.of(writeRun(SWEEP, run(0))));
        Map<Table, String> before = metadataLocations();

        assertEquals(0, RemoveRuns.remove(catalog, layout(SWEEP), Set.of()));
        assertEquals(before, metadataLocations());
    }

    @Test
    void theSameRunInAnotherSweepIsUntouched() throws Exception {
        // A run id is the hash of the run's config, so two sweeps of one spec share them.
        RunConfig config = run(0);
        AppendRuns.commit(catalog, SWEEP, List.of(writeRun(SWEEP, config)));
        AppendRuns.commit(catalog, OTHER_SWEEP, List.of(writeRun(OTHER_SWEEP, config)));
        List<String> otherBefore = sorted(rows(Table.LATENT_CODES, OTHER_SWEEP));

        RemoveRuns.remove(catalog, layout(SWEEP), Set.of(config.runId()));

        assertEquals(Map.of(), rowsPerRun(Table.RUNS, SWEEP));
        assertEquals(Map.of(config.runId(), 1L), rowsPerRun(Table.RUNS, OTHER_SWEEP));
        assertEquals(otherBefore, sorted(rows(Table.LATENT_CODES, OTHER_SWEEP)));
    }

    @Test
    void theRunsTableChangesFirst() throws Exception {
        RunConfig config = run(0);
        AppendRuns.commit(catalog, SWEEP, List.of(writeRun(SWEEP, config)));

        try (CommitLog log = CommitLog.start()) {
            RemoveRuns.remove(catalog, layout(SWEEP), Set.of(config.runId()));

            assertEquals(List.of("runs", "latent_probes", "latent_codes", "epoch_metrics"), log.tables());
        }
    }

    @Test
    void aRunPartlyCommittedIsRemovedFromTheTablesItReached() throws Exception {
        // An attempt that died after its epoch_metrics append: rows there, no runs row.
        RunConfig config = run(0);
        RunFiles files = writeRun(SWEEP, config);
        AppendRuns.commit(catalog, SWEEP, List.of(new RunFiles(config.runId(),
                Map.of(Table.EPOCH_METRICS, files.file(Table.EPOCH_METRICS)))));

        long removed = RemoveRuns.remove(catalog, layout(SWEEP), Set.of(config.runId()));

        assertEquals(EPOCHS, removed);
        assertEquals(Map.of(), rowsPerRun(Table.EPOCH_METRICS, SWEEP));
    }
}
