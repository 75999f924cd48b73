package org.aesweep.tables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.List;
import java.util.Set;

import org.aesweep.spec.RunConfig;
import org.aesweep.tables.avro.EpochMetricRow;
import org.aesweep.tables.avro.LatentCodeRow;
import org.aesweep.tables.avro.RunRow;
import org.junit.jupiter.api.Test;

/**
 * A sweep's rows as the current snapshots hold them: {@link SweepTables}. The partition
 * directories also keep files of replaced snapshots and of attempts not committed, which it must
 * not read.
 */
class SweepTablesTest extends TableTestBase {
    @Test
    void allRowsReadsOnlyTheCurrentSnapshot() throws Exception {
        RunFiles replaced = writeRun(SWEEP, run(0));
        AppendRuns.commit(catalog, SWEEP, List.of(replaced));
        RunConfig current = run(1);
        ReplaceSweep.replace(catalog, SWEEP, filesOf(writeRun(SWEEP, current)));
        writeRun(SWEEP, run(2));
        assertTrue(Files.exists(local(replaced.file(Table.RUNS))));

        SweepTables tables = new SweepTables(catalog, layout(SWEEP));

        assertEquals(List.of(current.runId()), tables.allRows(RunRow.class).stream().map(RunRow::getRunId).toList());
        assertEquals(CODES, tables.allRows(LatentCodeRow.class).size());
    }

    @Test
    void rowsOfARunReadOnlyTheCurrentSnapshot() throws Exception {
        RunConfig replaced = run(0);
        AppendRuns.commit(catalog, SWEEP, List.of(writeRun(SWEEP, replaced)));
        RunConfig current = run(1);
        ReplaceSweep.replace(catalog, SWEEP, filesOf(writeRun(SWEEP, current)));

        SweepTables tables = new SweepTables(catalog, layout(SWEEP));

        assertEquals(List.of(), tables.rows(EpochMetricRow.class, replaced.runId()));
        assertEquals(EPOCHS, tables.rows(EpochMetricRow.class, current.runId()).size());
    }

    @Test
    void committedRunIdsAreThoseWithARunsRowNow() throws Exception {
        AppendRuns.commit(catalog, SWEEP, List.of(writeRun(SWEEP, run(0)), writeRun(SWEEP, run(1))));
        RemoveRuns.remove(catalog, layout(SWEEP), Set.of(run(0).runId()));
        // An attempt still running (or dead) has written its runs file but not committed it.
        writeRun(SWEEP, run(2));

        assertEquals(Set.of(run(1).runId()), new SweepTables(catalog, layout(SWEEP)).committedRunIds());
    }

    @Test
    void aRunIsReadOutOfACompactedFileAlone() throws Exception {
        AppendRuns.commit(catalog, SWEEP, List.of(writeRun(SWEEP, run(0)), writeRun(SWEEP, run(1)),
                writeRun(SWEEP, run(2))));
        CompactSweep.compact(catalog, layout(SWEEP));

        List<LatentCodeRow> codes = new SweepTables(catalog, layout(SWEEP)).rows(LatentCodeRow.class, run(1).runId());

        assertEquals(CODES, codes.size());
        codes.forEach(row -> assertEquals(run(1).runId(), row.getRunId()));
    }

    @Test
    void otherSweepsRowsAreNotRead() throws Exception {
        AppendRuns.commit(catalog, SWEEP, List.of(writeRun(SWEEP, run(0))));
        AppendRuns.commit(catalog, OTHER_SWEEP, List.of(writeRun(OTHER_SWEEP, run(0)), writeRun(OTHER_SWEEP, run(1))));

        SweepTables tables = new SweepTables(catalog, layout(SWEEP));

        assertEquals(1, tables.allRows(RunRow.class).size());
        assertEquals(EPOCHS, tables.rows(EpochMetricRow.class, run(0).runId()).size());
        assertEquals(Set.of(run(0).runId()), tables.committedRunIds());
    }

    @Test
    void aSweepWithNoCommitsHasNoRows() throws Exception {
        writeRun(SWEEP, run(0));

        SweepTables tables = new SweepTables(catalog, layout(SWEEP));

        assertEquals(List.of(), tables.allRows(RunRow.class));
        assertEquals(Set.of(), tables.committedRunIds());
    }
}
