package org.aesweep.tables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Deleting files in a sweep's partitions that no snapshot references: {@link RemoveOrphans}. */
class RemoveOrphansTest extends TableTestBase {
    @Test
    void aFileNeverCommittedIsDeleted() throws Exception {
        AppendRuns.commit(catalog, SWEEP, List.of(writeRun(SWEEP, run(0))));
        // An attempt that died before the driver committed it.
        RunFiles orphan = writeRun(SWEEP, run(1));

        int deleted = RemoveOrphans.remove(catalog, layout(SWEEP));

        assertEquals(Table.perRunInCommitOrder().size(), deleted);
        for (Table table : Table.perRunInCommitOrder()) {
            assertFalse(Files.exists(local(orphan.file(table))), table.name());
        }
    }

    @Test
    void anOrphanInATableWithNoSnapshotIsDeleted() throws Exception {
        RunFiles orphan = writeRun(SWEEP, run(0));

        RemoveOrphans.remove(catalog, layout(SWEEP));

        assertFalse(Files.exists(local(orphan.file(Table.RUNS))));
    }

    @Test
    void filesOfTheCurrentAndOfOlderSnapshotsAreKept() throws Exception {
        RunFiles replaced = writeRun(SWEEP, run(0));
        AppendRuns.commit(catalog, SWEEP, List.of(replaced));
        RunFiles current = writeRun(SWEEP, run(1));
        ReplaceSweep.replace(catalog, SWEEP, filesOf(current));
        RunFiles orphan = writeRun(SWEEP, run(2));

        int deleted = RemoveOrphans.remove(catalog, layout(SWEEP));

        assertEquals(Table.perRunInCommitOrder().size(), deleted);
        for (Table table : Table.perRunInCommitOrder()) {
            assertTrue(Files.exists(local(replaced.file(table))), table.name());
            assertTrue(Files.exists(local(current.file(table))), table.name());
            assertFalse(Files.exists(local(orphan.file(table))), table.name());
        }
    }

    @Test
    void filesOfACompactedSweepAreKept() throws Exception {
        AppendRuns.commit(catalog, SWEEP, List.of(writeRun(SWEEP, run(0)), writeRun(SWEEP, run(1))));
        CompactSweep.compact(catalog, layout(SWEEP));
        List<String> before = sorted(rows(Table.LATENT_CODES, SWEEP));

        assertEquals(0, RemoveOrphans.remove(catalog, layout(SWEEP)));
        assertEquals(before, sorted(rows(Table.LATENT_CODES, SWEEP)));
    }

    @Test
    void otherSweepsPartitionsAreNotTouched() throws Exception {
        RunFiles otherOrphan = writeRun(OTHER_SWEEP, run(0));

        int deleted = RemoveOrphans.remove(catalog, layout(SWEEP));

        assertEquals(0, deleted);
        for (Table table : Table.perRunInCommitOrder()) {
            assertTrue(Files.exists(local(otherOrphan.file(table))), table.name());
        }
    }

    @Test
    void filesThatAreNotParquetAreKept() throws Exception {
        AppendRuns.commit(catalog, SWEEP, List.of(writeRun(SWEEP, run(0))));
        // A finished sweep's summary sits in the runs partition beside the data files.
        java.nio.file.Path marker = local(layout(SWEEP).successMarker().toString());
        Files.writeString(marker, "{}");

        RemoveOrphans.remove(catalog, layout(SWEEP));

        assertTrue(Files.exists(marker));
    }
}
