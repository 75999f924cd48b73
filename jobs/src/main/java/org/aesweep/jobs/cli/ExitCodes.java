package org.aesweep.jobs.cli;

import java.util.concurrent.Callable;

/**
 * Process exit codes shared by every job, so a scheduler can tell what a retry can fix: bad input
 * never (2), a crash of the job or its cluster maybe (3). Failed or diverged runs (1) are results:
 * a rerun of the sweep id trains failed runs again (diverged ones with --retrain-diverged), which
 * helps only when the failure does not repeat, so it is a person's call, not a scheduler's.
 */
public final class ExitCodes {
    /** Every run of the sweep is committed and ok (or failures were allowed). */
    public static final int OK = 0;
    /** The sweep, after this attempt, has runs that failed or diverged, or runs not committed. */
    public static final int RUNS_FAILED = 1;
    /** Arguments, spec or inputs were refused before any work started. */
    public static final int BAD_INPUT = 2;
    /** The job itself ended by an exception: lost executors, a dead file system, a bug. */
    public static final int CRASHED = 3;

    private ExitCodes() {
    }

    /** Runs a job's body and gives its exit code, or {@link #CRASHED} with the stack trace on standard error. */
    public static int of(Callable<Integer> job) {
        try {
            return job.call();
        } catch (Throwable crash) {
            System.err.println("aesweep: the job crashed (exit " + CRASHED + "); a retry may succeed");
            crash.printStackTrace();
            return CRASHED;
        }
    }
}
