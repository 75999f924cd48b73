package org.aesweep.jobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** A job's own exit code passes through; anything it throws becomes the crash code a scheduler may retry. */
class ExitCodesTest {
    @Test
    void aJobsExitCodePassesThrough() {
        assertEquals(ExitCodes.BAD_INPUT, ExitCodes.of(() -> ExitCodes.BAD_INPUT));
        assertEquals(ExitCodes.RUNS_FAILED, ExitCodes.of(() -> ExitCodes.RUNS_FAILED));
    }

    @Test
    void anExceptionOrErrorIsACrash() {
        assertEquals(ExitCodes.CRASHED, ExitCodes.of(() -> {
            throw new java.io.IOException("executor lost");
        }));
        assertEquals(ExitCodes.CRASHED, ExitCodes.of(() -> {
            throw new StackOverflowError();
        }));
    }

    @Test
    void theAirflowDagMapsTheSameCodes() throws Exception {
        String dagSide = Files.readString(Path.of("..", "submit", "airflow", "aesweep_jobs.py"));
        Map<String, Integer> expected = Map.of("EXIT_OK", ExitCodes.OK, "EXIT_RUNS_FAILED", ExitCodes.RUNS_FAILED,
                "EXIT_BAD_INPUT", ExitCodes.BAD_INPUT, "EXIT_CRASHED", ExitCodes.CRASHED);
        expected.forEach((name, code) -> {
            Matcher constant = Pattern.compile("(?m)^" + name + " = (\\d+)$").matcher(dagSide);
            assertTrue(constant.find(), name + " missing from aesweep_jobs.py");
            assertEquals(code, Integer.parseInt(constant.group(1)), name);
        });
    }
}
