"""aesweep on Airflow: a sweep, then its aggregation, once per logical date.

The sweep id is the run's logical date (ds_nodash), so every table partition, model and report of
a DAG run is keyed by it. A retry or a backfill reruns the same sweep id: aesweep skips the runs
already committed and trains only the missing ones, so retries are idempotent.

Expects:
  - an Airflow connection `aesweep_spark` (type Spark) pointing at the cluster's master
    (spark://host:7077, yarn, or k8s://...), with deploy mode in its extra if not client;
  - Airflow variables `aesweep_jar` (the shaded jobs jar), `aesweep_repo` (a checkout holding conf/),
    `aesweep_data` and `aesweep_out` (data root and output root, e.g. hdfs:///datasets, hdfs:///aesweep)
    and optionally `aesweep_grid` (default conf/grids/seed-code-size.yaml under the checkout).
Needs the apache-airflow-providers-apache-spark package.
"""
from datetime import datetime, timedelta

from airflow import DAG
from airflow.models import Variable
from airflow.providers.apache.spark.operators.spark_submit import SparkSubmitOperator

SWEEP_ID = "{{ ds_nodash }}"
REPO = Variable.get("aesweep_repo", default_var="/opt/aesweep")
JAR = Variable.get("aesweep_jar", default_var=REPO + "/jobs/target/aesweep-jobs-0.1.0-SNAPSHOT-spark.jar")
DATA = Variable.get("aesweep_data", default_var="hdfs:///datasets")
OUT = Variable.get("aesweep_out", default_var="hdfs:///aesweep")
GRID = Variable.get("aesweep_grid", default_var=REPO + "/conf/grids/seed-code-size.yaml")

# What conf/spark-defaults.conf sets; SparkSubmitOperator takes them as a dict.
SPARK_CONF = {
    "spark.serializer": "org.apache.spark.serializer.KryoSerializer",
    "spark.kryo.registrator": "org.aesweep.sweep.KryoRegistrator",
    "spark.task.cpus": "1",
    "spark.executor.memory": "4g",
    "spark.executor.memoryOverhead": "2g",
}

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
    sweep = SparkSubmitOperator(
        task_id="sweep",
        conn_id="aesweep_spark",
        application=JAR,
        java_class="org.aesweep.jobs.SweepJob",
        conf=SPARK_CONF,
        application_args=["--grid", GRID, "--data", DATA, "--out", OUT, "--sweep-id", SWEEP_ID],
        name="aesweep-sweep-" + SWEEP_ID,
    )
    aggregate = SparkSubmitOperator(
        task_id="aggregate",
        conn_id="aesweep_spark",
        application=JAR,
        java_class="org.aesweep.jobs.AggregateJob",
        conf=SPARK_CONF,
        application_args=["--out", OUT, "--sweep-id", SWEEP_ID, "--data", DATA],
        name="aesweep-aggregate-" + SWEEP_ID,
    )
    sweep >> aggregate
