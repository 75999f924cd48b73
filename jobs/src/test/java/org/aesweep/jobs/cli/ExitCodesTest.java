package org.aesweep.jobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
