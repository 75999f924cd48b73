"""The DAG's decisions, tested without Airflow: python3 -m unittest discover -s submit/airflow"""
import unittest

import aesweep_jobs


class OutcomeTest(unittest.TestCase):
    def test_ok_only_for_zero(self):
        self.assertEqual(aesweep_jobs.OK, aesweep_jobs.outcome(0))

    def test_bad_input_and_failed_runs_are_not_retried(self):
        self.assertEqual(aesweep_jobs.FAIL, aesweep_jobs.outcome(aesweep_jobs.EXIT_BAD_INPUT))
        self.assertEqual(aesweep_jobs.FAIL, aesweep_jobs.outcome(aesweep_jobs.EXIT_RUNS_FAILED))

    def test_crashes_and_killed_processes_are_retried(self):
        for code in (aesweep_jobs.EXIT_CRASHED, 137, 143, 255):
            self.assertEqual(aesweep_jobs.RETRY, aesweep_jobs.outcome(code), code)


class CommandTest(unittest.TestCase):
    def test_the_wrapper_gets_the_jobs_arguments_then_the_sweeps(self):
        command = aesweep_jobs.job_command("/opt/aesweep", "sweep.sh", ["--grid", "g.yaml"], "hdfs:///out",
                                           "20261204", "hdfs:///data")
        self.assertEqual(["/opt/aesweep/submit/sweep.sh", "--", "--grid", "g.yaml", "--out", "hdfs:///out",
                          "--sweep-id", "20261204", "--data", "hdfs:///data"], command)

    def test_the_environment_names_master_jar_and_a_passive_openmp(self):
        env = aesweep_jobs.job_environment({"PATH": "/bin"}, "spark://m:7077", "client", "/j.jar")
        self.assertEqual({"PATH": "/bin", "MASTER": "spark://m:7077", "DEPLOY_MODE": "client",
                          "AESWEEP_JAR": "/j.jar", "OMP_WAIT_POLICY": "PASSIVE"}, env)

    def test_an_operators_openmp_policy_is_kept(self):
        env = aesweep_jobs.job_environment({"OMP_WAIT_POLICY": "ACTIVE"}, "yarn", "cluster", "/j.jar")
        self.assertEqual("ACTIVE", env["OMP_WAIT_POLICY"])

    def test_master_from_a_connection(self):
        self.assertEqual("spark://m:7077", aesweep_jobs.master_url("spark://m", 7077))
        self.assertEqual("yarn", aesweep_jobs.master_url("yarn", None))


if __name__ == "__main__":
    unittest.main()
