"""aesweep on Airflow: a sweep, then its aggregation, once per logical date.

The sweep id is the run's logical date (ds_nodash), so every table partition, model and report of
a DAG run is keyed by it. A retry, a cleared task or a backfill reruns the same sweep id: aesweep
keeps the runs committed ok or diverged and trains the rest, failed runs included.

Nothing is read at parse time: the scheduler needs neither a checkout nor the Variables. At run
time each task reads
  - the Airflow connection `aesweep_spark` (type Spark): host (spark://host, yarn, k8s://...),
    port, and `deploy-mode` in its extra (default client, where the jobs' exit codes reach Airflow);
  - the Variables `aesweep_repo` (a checkout on the worker, default /opt/aesweep; its submit/
    wrappers pass conf/spark-defaults.conf), `aesweep_jar` (default the shaded jar under the
    checkout's jobs/target), `aesweep_data`, `aesweep_out` and `aesweep_grid`.
Retries happen only where they can help (see aesweep_jobs.outcome): bad input and failed or
diverged runs fail the task at once, a crash is retried. Copy this file and aesweep_jobs.py into
the DAG folder.
"""
import os
import subprocess
from datetime import datetime, timedelta

from airflow import DAG
from airflow.exceptions import AirflowException, AirflowFailException
from airflow.hooks.base import BaseHook
from airflow.models import Variable
from airflow.operators.python import PythonOperator

import aesweep_jobs


def run_job(script, arguments, sweep_id):
    repo = Variable.get("aesweep_repo", default_var="/opt/aesweep")
    jar = Variable.get("aesweep_jar", default_var=repo + "/jobs/target/aesweep-jobs-0.1.0-SNAPSHOT-spark.jar")
    connection = BaseHook.get_connection("aesweep_spark")
    environment = aesweep_jobs.job_environment(
        os.environ, aesweep_jobs.master_url(connection.host, connection.port),
        connection.extra_dejson.get("deploy-mode", "client"), jar)
    command = aesweep_jobs.job_command(
        repo, script, arguments, Variable.get("aesweep_out", default_var="hdfs:///aesweep"), sweep_id,
        Variable.get("aesweep_data", default_var="hdfs:///datasets"))
    exit_code = subprocess.run(command, env=environment, cwd=repo, check=False).returncode
    verdict = aesweep_jobs.outcome(exit_code)
    if verdict == aesweep_jobs.FAIL:
        raise AirflowFailException("%s exited %d: a retry would not change it" % (script, exit_code))
    if verdict == aesweep_jobs.RETRY:
        raise AirflowException("%s exited %d" % (script, exit_code))


def run_sweep(ds_nodash):
    grid = Variable.get("aesweep_grid", default_var="conf/grids/seed-code-size.yaml")
    run_job("sweep.sh", ["--grid", grid], ds_nodash)


def run_aggregation(ds_nodash):
    run_job("aggregate.sh", [], ds_nodash)


default_args = {
    "owner": "aesweep",
    "retries": 3,
    "retry_delay": timedelta(minutes=5),
    "retry_exponential_backoff": True,
    "max_retry_delay": timedelta(hours=1),
}

with DAG(
    dag_id="aesweep_sweep",
    description="Train an autoencoder sweep on Spark, then aggregate its bias/variance curves",
    schedule="@weekly",
    start_date=datetime(2026, 11, 1),
    catchup=False,
    max_active_runs=1,
    default_args=default_args,
    tags=["aesweep", "spark"],
) as dag:
    sweep = PythonOperator(task_id="sweep", python_callable=run_sweep,
                           op_kwargs={"ds_nodash": "{{ ds_nodash }}"}, execution_timeout=timedelta(hours=24))
    aggregate = PythonOperator(task_id="aggregate", python_callable=run_aggregation,
                               op_kwargs={"ds_nodash": "{{ ds_nodash }}"}, execution_timeout=timedelta(hours=2))
    sweep >> aggregate
