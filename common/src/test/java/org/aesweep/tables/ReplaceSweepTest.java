package org.aesweep.tables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;

import org.aesweep.spec.RunConfig;
import org.apache.iceberg.OverwriteFiles;
import org.apache.iceberg.exceptions.ValidationException;
import org.junit.jupiter.api.Test;

/** Replacing a sweep's rows at the end of an --overwrite: {@link ReplaceSweep}. */
class ReplaceSweepTest extends TableTestBase {
    @Test
    void theSweepsRowsAreReplacedInEveryTableGiven() throws Exception {
        RunConfig old = run(0);
        RunConfig replacement = run(1);
        AppendRuns.commit(catalog, SWEEP, List.of(writeRun(SWEEP, old)));

        ReplaceSweep.replace(catalog, SWEEP, filesOf(writeRun(SWEEP, replacement)));

        assertEquals(Map.of(replacement.runId(), 1L), rowsPerRun(Table.RUNS, SWEEP));
        assertEquals(Map.of(replacement.runId(), (long) EPOCHS), rowsPerRun(Table.EPOCH_METRICS, SWEEP));
        assertEquals(Map.of(replacement.runId(), (long) CODES), rowsPerRun(Table.LATENT_CODES, SWEEP));
        assertEquals(Map.of(replacement.runId(), 1L), rowsPerRun(Table.LATENT_PROBES, SWEEP));
    }

    @Test
    void otherSweepsKeepTheirRows() throws Exception {
        RunConfig config = run(0);
        AppendRuns.commit(catalog, SWEEP, List.of(writeRun(SWEEP, config)));
        AppendRuns.commit(catalog, OTHER_SWEEP, List.of(writeRun(OTHER_SWEEP, config)));
        List<String> otherBefore = sorted(rows(Table.LATENT_CODES, OTHER_SWEEP));

        ReplaceSweep.replace(catalog, SWEEP, filesOf(writeRun(SWEEP, run(1))));

        assertEquals(otherBefore, sorted(rows(Table.LATENT_CODES, OTHER_SWEEP)));
        assertEquals(Map.of(config.runId(), 1L), rowsPerRun(Table.RUNS, OTHER_SWEEP));
    }

    @Test
    void aTableGivenNoFilesLosesTheSweepsRows() throws Exception {
        AppendRuns.commit(catalog, SWEEP, List.of(writeRun(SWEEP, run(0))));

        ReplaceSweep.replace(catalog, SWEEP, Map.of(Table.LATENT_CODES, List.of()));

        assertEquals(Map.of(), rowsPerRun(Table.LATENT_CODES, SWEEP));
        // Tables not named keep theirs.
        assertEquals(Map.of(run(0).runId(), 1L), rowsPerRun(Table.RUNS, SWEEP));
    }

    @Test
    void tablesNotGivenCommitNothing() throws Exception {
        AppendRuns.commit(catalog, SWEEP, List.of(writeRun(SWEEP, run(0))));
        Map<Table, String> before = metadataLocations();

        ReplaceSweep.replace(catalog, SWEEP, Map.of(Table.LATENT_CODES, List.of()));

        Map<Table, String> after = metadataLocations();
        for (Table table : Table.values()) {
            if (table != Table.LATENT_CODES) {
                assertEquals(before.get(table), after.get(table), table.name());
            }
        }
    }

    @Test
    void theRunsTableIsReplacedLast() throws Exception {
        AppendRuns.commit(catalog, SWEEP, List.of(writeRun(SWEEP, run(0))));
        Map<Table, List<String>> files = filesOf(writeRun(SWEEP, run(1)));
        files.put(Table.BIAS_VARIANCE, List.of());

        try (CommitLog log = CommitLog.start()) {
            ReplaceSweep.replace(catalog, SWEEP, files);

            assertEquals(List.of("bias_variance", "epoch_metrics", "latent_codes", "latent_probes", "runs"),
                    log.tables());
        }
    }

    @Test
    void anAppendToTheSweepMeanwhileFailsTheReplace() throws Exception {
        AppendRuns.commit(catalog, SWEEP, List.of(writeRun(SWEEP, run(0))));
        RunFiles replacement = writeRun(SWEEP, run(1));
        RunFiles concurrent = writeRun(SWEEP, run(2));

        OverwriteFiles replace = ReplaceSweep.overwrite(load(Table.RUNS), SWEEP,
                List.of(replacement.file(Table.RUNS)));
        appendThroughAnotherHandle(Table.RUNS, SWEEP, concurrent.file(Table.RUNS));

        assertThrows(ValidationException.class, replace::commit);
        assertEquals(Map.of(run(0).runId(), 1L, run(2).runId(), 1L), rowsPerRun(Table.RUNS, SWEEP));
    }

    @Test
    void anAppendToAnEmptyTableMeanwhileFailsTheReplace() throws Exception {
        // The table has no snapshot to validate from when the replace starts.
        RunFiles replacement = writeRun(SWEEP, run(1));
        RunFiles concurrent = writeRun(SWEEP, run(2));

        OverwriteFiles replace = ReplaceSweep.overwrite(load(Table.RUNS), SWEEP,
                List.of(replacement.file(Table.RUNS)));
        appendThroughAnotherHandle(Table.RUNS, SWEEP, concurrent.file(Table.RUNS));

        assertThrows(ValidationException.class, replace::commit);
        assertEquals(Map.of(run(2).runId(), 1L), rowsPerRun(Table.RUNS, SWEEP));
    }

    @Test
    void anAppendToAnotherSweepMeanwhileIsKept() throws Exception {
        AppendRuns.commit(catalog, SWEEP, List.of(writeRun(SWEEP, run(0))));
        RunFiles replacement = writeRun(SWEEP, run(1));
        RunFiles other = writeRun(OTHER_SWEEP, run(2));

        OverwriteFiles replace = ReplaceSweep.overwrite(load(Table.RUNS), SWEEP,
                List.of(replacement.file(Table.RUNS)));
        appendThroughAnotherHandle(Table.RUNS, OTHER_SWEEP, other.file(Table.RUNS));
        replace.commit();

        assertEquals(Map.of(run(1).runId(), 1L), rowsPerRun(Table.RUNS, SWEEP));
        assertEquals(Map.of(run(2).runId(), 1L), rowsPerRun(Table.RUNS, OTHER_SWEEP));
    }

    /** Another writer's append, through a table loaded apart from the one the replace started on. */
    private void appendThroughAnotherHandle(Table table, String sweepId, String file) {
        org.apache.iceberg.Table other = load(table);
        other.newAppend().appendFile(DataFileDescriber.describe(other, file, sweepId)).commit();
    }
}
