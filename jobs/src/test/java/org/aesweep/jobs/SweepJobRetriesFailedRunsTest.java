package org.aesweep.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.aesweep.jobs.cli.ExitCodes;
import org.aesweep.tables.Table;
import org.aesweep.tables.avro.RunRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a rerun of a sweep id trains again: runs whose training failed (a fault injected into one
 * run's training, see {@link TrainingFault}) always, and diverged runs only with
 * --retrain-diverged. Either way each run ends with one runs row and its own rows, once, in every
 * other table: the rows of the attempt that failed or diverged are gone.
 */
class SweepJobRetriesFailedRunsTest {
    @TempDir
    Path work;

    @Test
    void aRerunRetrainsTheFailedRunsAndLeavesNoRowOfTheirFailedAttempt() throws Exception {
        String out = work.resolve("out").toString();
        // Two runs train in Spark tasks (shallow), two with parameter averaging on the driver (deep):
        // the fault, thrown when epoch 2 is logged, loses a task's epoch rows, but a parameter-averaged
        // run commits the epochs it recorded (both) with its failed runs row; the rerun must remove them.
        Path grid = TinySweeps.grid(work, "[2, 4]", "optimizer: adam\n  learning_rate: 0.001",
                "architectures: [shallow, {name: deep, hidden: [16], training_mode: parameter_averaging}]",
                "parameter_averaging:\n  workers: 2");

        TinySweeps.Outcome first;
        try (TrainingFault fault = TrainingFault.failRuns(" code=4 ", " epoch 2/")) {
            first = TinySweeps.sweepReporting(grid, out, "f");
            assertEquals(2, fault.fired(), "the fault hit both runs of code size 4");
        }
        assertEquals(ExitCodes.RUNS_FAILED, first.exitCode(), first.stdout());
        assertTrue(first.stdout().contains("4 run(s) trained now (2 ok, 0 diverged, 2 failed)"), first.stdout());
        Map<String, RunRow> before = byRun(TinySweeps.runRows(out, "f"));
        Set<String> failed = new TreeSet<>();
        before.forEach((runId, run) -> {
            assertEquals(run.getCodeSize() == 4 ? "failed" : "ok", run.getStatus(), run.toString());
            if (run.getCodeSize() == 4) {
                assertTrue(run.getMessage().contains("injected training failure"), run.getMessage());
                failed.add(runId);
            }
        });
        Map<String, Long> epochRows = TinySweeps.rowsPerRun(out, "f").get(Table.EPOCH_METRICS);
        assertEquals(List.of((long) TinySweeps.EPOCHS), failed.stream().filter(epochRows::containsKey)
                .map(epochRows::get).toList(), "the failed parameter-averaged run committed its epochs: " + epochRows);

        TinySweeps.Outcome rerun = TinySweeps.sweepReporting(grid, out, "f");
        assertEquals(ExitCodes.OK, rerun.exitCode(), rerun.stdout());
        assertTrue(rerun.stdout().contains("2 run(s) trained now (2 ok, 0 diverged, 0 failed),"
                + " 2 kept as committed by an earlier attempt"), rerun.stdout());
        Map<String, RunRow> after = byRun(TinySweeps.runRows(out, "f"));
        assertEquals(before.keySet(), after.keySet());
        after.forEach((runId, run) -> {
            assertEquals("ok", run.getStatus(), run.toString());
            if (failed.contains(runId)) {
                assertTrue(run.getStartedAt().isAfter(before.get(runId).getStartedAt()), runId + " was retrained");
            } else {
                assertEquals(before.get(runId).getStartedAt(), run.getStartedAt(), runId + " was kept");
            }
        });
        assertEachRunOnce(out, "f", before.keySet(), TinySweeps.EPOCHS);
    }

    @Test
    void aRerunKeepsDivergedRunsUnlessToldToRetrainThem() throws Exception {
        String out = work.resolve("out").toString();
        // A linear net with squared error has nothing to saturate: this step size overflows to Inf/NaN.
        Path grid = TinySweeps.grid(work, "[2, 4]",
                "optimizer: sgd\n  learning_rate: 1.0e+38\n  loss: mse\narchitectures: [linear]");

        TinySweeps.Outcome first = TinySweeps.sweepReporting(grid, out, "d");
        assertEquals(ExitCodes.RUNS_FAILED, first.exitCode(), first.stdout());
        assertTrue(first.stdout().contains("2 run(s) trained now (0 ok, 2 diverged, 0 failed)"), first.stdout());
        Map<String, Instant> started = startTimes(out, "d");
        Map<Table, Map<String, Long>> rows = TinySweeps.rowsPerRun(out, "d");

        TinySweeps.Outcome kept = TinySweeps.sweepReporting(grid, out, "d");
        assertEquals(ExitCodes.RUNS_FAILED, kept.exitCode(), "the sweep still has diverged runs: " + kept.stdout());
        assertTrue(kept.stdout().contains("0 run(s) trained now (0 ok, 0 diverged, 0 failed),"
                + " 2 kept as committed by an earlier attempt"), kept.stdout());
        assertEquals(started, startTimes(out, "d"), "no diverged run was retrained");
        assertEquals(rows, TinySweeps.rowsPerRun(out, "d"));

        TinySweeps.Outcome retrained = TinySweeps.sweepReporting(grid, out, "d", "--retrain-diverged");
        assertEquals(ExitCodes.RUNS_FAILED, retrained.exitCode(), "they diverge again: " + retrained.stdout());
        assertTrue(retrained.stdout().contains("2 run(s) trained now (0 ok, 2 diverged, 0 failed),"
                + " 0 kept as committed by an earlier attempt"), retrained.stdout());
        Map<String, Instant> restarted = startTimes(out, "d");
        assertEquals(started.keySet(), restarted.keySet());
        started.forEach((runId, before) -> assertTrue(restarted.get(runId).isAfter(before), runId + " retrained"));
        // Training is seeded: the retrained runs diverge in the same epoch and leave the same rows.
        assertEquals(rows, TinySweeps.rowsPerRun(out, "d"), "each run's rows once, none left from the first attempt");
        Map<String, Long> oneEach = new TreeMap<>();
        started.keySet().forEach(runId -> oneEach.put(runId, 1L));
        assertEquals(Map.of(Table.RUNS, oneEach, Table.EPOCH_METRICS, Map.of(), Table.LATENT_CODES, Map.of(),
                Table.LATENT_PROBES, Map.of()), rows, "runs that diverged in their first epoch have a runs row each"
                + " and nothing else");
    }

    /** One runs row per run, {@code epochs} epoch rows, a code per test sample and one probe row. */
    private static void assertEachRunOnce(String out, String sweepId, Set<String> runIds, int epochs)
            throws Exception {
        Map<Table, Map<String, Long>> rows = TinySweeps.rowsPerRun(out, sweepId);
        Map<Table, Long> perRun = Map.of(Table.RUNS, 1L, Table.EPOCH_METRICS, (long) epochs,
                Table.LATENT_CODES, (long) TinySweeps.TEST_SAMPLES, Table.LATENT_PROBES, 1L);
        perRun.forEach((table, expected) -> {
            assertEquals(runIds, rows.get(table).keySet(), table + ": " + rows.get(table));
            assertTrue(rows.get(table).values().stream().allMatch(count -> count.equals(expected)),
                    table + " has " + expected + " row(s) per run: " + rows.get(table));
        });
    }

    private static Map<String, RunRow> byRun(List<RunRow> runs) {
        return runs.stream().collect(Collectors.toMap(RunRow::getRunId, run -> run, (a, b) -> {
            throw new AssertionError("two runs rows of run " + a.getRunId() + ": " + runs);
        }, TreeMap::new));
    }

    private static Map<String, Instant> startTimes(String out, String sweepId) throws Exception {
        return TinySweeps.runRows(out, sweepId).stream().collect(Collectors.toMap(RunRow::getRunId,
                RunRow::getStartedAt, (a, b) -> {
                    throw new AssertionError("two runs rows of one run");
                }, TreeMap::new));
    }
}
