"""What the aesweep DAG does with a job, kept free of Airflow so it can be tested without it.

The jobs' exit codes (org.aesweep.jobs.cli.ExitCodes; a Java test checks these constants against it):
  0  every run of the sweep is committed and ok
  1  runs of the sweep failed or diverged (or were not committed); a rerun trains failed ones again,
     which helps only if the failure does not repeat, so the task fails at once for a person to clear
  2  bad input: the arguments, spec or data were refused before anything started
  3  the job crashed: lost executors, a dead file system, a bug
Exit codes are the driver's in client deploy mode; in cluster mode spark-submit reports a failed
application with its own code, which counts as a crash.
"""
import os

EXIT_OK = 0
EXIT_RUNS_FAILED = 1
EXIT_BAD_INPUT = 2
EXIT_CRASHED = 3

OK = "ok"
FAIL = "fail"
RETRY = "retry"


def outcome(exit_code):
    """OK, FAIL (a retry cannot change it) or RETRY (a retry may succeed) for a job's exit code."""
    if exit_code == EXIT_OK:
        return OK
    if exit_code in (EXIT_RUNS_FAILED, EXIT_BAD_INPUT):
        return FAIL
    return RETRY


def master_url(host, port):
    """The Spark master of an Airflow Spark connection: its host, with its port when it has one."""
    return "%s:%d" % (host, port) if port else host


def job_command(repo, script, arguments, out, sweep_id, data):
    """The wrapper under submit/ (sweep.sh or aggregate.sh) with the job's arguments."""
    return [os.path.join(repo, "submit", script), "--"] + list(arguments) + [
        "--out", out, "--sweep-id", sweep_id, "--data", data]


def job_environment(base, master, deploy_mode, jar):
    """The wrapper's environment: where to submit, which jar, and OpenMP threads that do not spin."""
    env = dict(base)
    env["MASTER"] = master
    env["DEPLOY_MODE"] = deploy_mode
    env["AESWEEP_JAR"] = jar
    env.setdefault("OMP_WAIT_POLICY", "PASSIVE")
    return env
