package org.aesweep.tables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import org.aesweep.spec.RunConfig;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.TableProperties;
import org.junit.jupiter.api.Test;

/** Expiring old snapshots by the tables' history setting: {@link ExpireHistory}. */
class ExpireHistoryTest extends TableTestBase {
    @Test
    void snapshotsOlderThanTheTablesSettingExpireWithTheFilesOnlyTheyReferenced() throws Exception {
        load(Table.RUNS).updateProperties().set(TableProperties.MAX_SNAPSHOT_AGE_MS, "1").commit();
        RunFiles replaced = writeRun(SWEEP, run(0));
        RunFiles current = writeRun(SWEEP, run(1));
        RunFiles later = writeRun(OTHER_SWEEP, run(2));
        AppendRuns.commit(catalog, SWEEP, List.of(replaced));
        ReplaceSweep.replace(catalog, SWEEP, Map.of(Table.RUNS, List.of(current.file(Table.RUNS))));
        // Iceberg deletes a file once the snapshot that removed it is expired too, or a later commit
        // has dropped the manifest that records the removal: here another sweep's append.
        AppendRuns.commit(catalog, OTHER_SWEEP, List.of(later));
        waitPastOneMillisecond();

        ExpireHistory.expire(catalog);

        org.apache.iceberg.Table runs = load(Table.RUNS);
        assertEquals(1, count(runs.snapshots()));
        assertFalse(Files.exists(local(replaced.file(Table.RUNS))));
        assertTrue(Files.exists(local(current.file(Table.RUNS))));
        assertTrue(Files.exists(local(later.file(Table.RUNS))));
        assertEquals(Map.of(run(1).runId(), 1L), rowsPerRun(Table.RUNS, SWEEP));
        assertEquals(Map.of(run(2).runId(), 1L), rowsPerRun(Table.RUNS, OTHER_SWEEP));
    }

    @Test
    void tablesAtTheDefaultSettingKeepTheirHistory() throws Exception {
        load(Table.RUNS).updateProperties().set(TableProperties.MAX_SNAPSHOT_AGE_MS, "1").commit();
        RunFiles replaced = writeRun(SWEEP, run(0));
        AppendRuns.commit(catalog, SWEEP, List.of(replaced));
        ReplaceSweep.replace(catalog, SWEEP, Map.of(Table.LATENT_CODES, List.of()));
        waitPastOneMillisecond();

        ExpireHistory.expire(catalog);

        // latent_codes keeps the snapshot that held the run's codes, and the file.
        assertEquals(2, count(load(Table.LATENT_CODES).snapshots()));
        assertTrue(Files.exists(local(replaced.file(Table.LATENT_CODES))));
    }

    @Test
    void withTheDefaultSettingNothingExpiresAndTimeTravelReadsTheOldRows() throws Exception {
        RunConfig old = run(0);
        RunFiles replaced = writeRun(SWEEP, old);
        AppendRuns.commit(catalog, SWEEP, List.of(replaced));
        long before = load(Table.RUNS).currentSnapshot().snapshotId();
        ReplaceSweep.replace(catalog, SWEEP, Map.of(Table.RUNS, List.of(writeRun(SWEEP, run(1)).file(Table.RUNS))));
        waitPastOneMillisecond();

        ExpireHistory.expire(catalog);

        org.apache.iceberg.Table runs = load(Table.RUNS);
        assertEquals(2, count(runs.snapshots()));
        assertTrue(Files.exists(local(replaced.file(Table.RUNS))));
        List<String> ids = read(runs, runs.newScan().useSnapshot(before)).stream()
                .map(row -> (String) row.getField("run_id")).toList();
        assertEquals(List.of(old.runId()), ids);
    }

    @Test
    void theCurrentSnapshotIsKeptHoweverOld() throws Exception {
        load(Table.RUNS).updateProperties().set(TableProperties.MAX_SNAPSHOT_AGE_MS, "1").commit();
        AppendRuns.commit(catalog, SWEEP, List.of(writeRun(SWEEP, run(0))));
        waitPastOneMillisecond();

        ExpireHistory.expire(catalog);

        assertEquals(Map.of(run(0).runId(), 1L), rowsPerRun(Table.RUNS, SWEEP));
    }

    @Test
    void tablesWithoutSnapshotsAreSkipped() {
        Map<Table, String> before = metadataLocations();

        ExpireHistory.expire(catalog);

        assertEquals(before, metadataLocations());
    }

    /** Snapshot ages are whole milliseconds: a snapshot made now is not yet older than 1 ms. */
    private static void waitPastOneMillisecond() throws InterruptedException {
        Thread.sleep(5);
    }

    private static int count(Iterable<Snapshot> snapshots) {
        int count = 0;
        for (Snapshot ignored : snapshots) {
            count++;
        }
        return count;
    }
}
