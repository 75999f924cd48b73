package org.aesweep.jobs.cli;

/** Process exit codes shared by every job, so schedulers can tell bad input from failed runs. */
public final class ExitCodes {
    public static final int OK = 0;
    /** The job ran, but at least one run failed or diverged. */
    public static final int RUNS_FAILED = 1;
    /** Arguments, spec or inputs were refused before any work started. */
    public static final int BAD_INPUT = 2;

    private ExitCodes() {
    }
}
