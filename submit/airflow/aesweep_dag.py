"""aesweep on Airflow: a sweep, then its aggregation, once per logical date.

The sweep id is the run's logical date (ds_nodash), so every table partition, model and report of
a DAG run is keyed by it. A retry or a backfill reruns the same sweep id: aesweep skips the runs
already committed and trains only the missing ones, so retries are idempotent.

Expects:
  - an Airflow connection `aesweep_spark` (type Spark) pointing at the cluster's master
    (spark://host:7077, yarn, or k8s://...), with deploy mode in its extra if not client;
  - Airflow variables `aesweep_jar` (the shaded jobs jar), `aesweep_repo` (a checkout holding conf/,
    whose spark-defaults.conf both jobs get, as submit/sweep.sh passes it),
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



def spark_defaults(path):
    """The settings of a spark-defaults.conf file (key, whitespace, value per line), as
    SparkSubmitOperator takes them; one file serves spark-submit and this DAG."""
    settings = {}
    with open(path, encoding="utf-8") as lines:
        for line in lines:
            line = line.strip()
            if line and not line.startswith("#"):
                key, value = line.split(None, 1)
                settings[key] = value.strip()
    return settings


SPARK_CONF = spark_defaults(REPO + "/conf/spark-defaults.conf")

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
    def aesweep_job(name, java_class, arguments):
        return SparkSubmitOperator(
            task_id=name,
            conn_id="aesweep_spark",
            application=JAR,
            java_class=java_class,
            conf=SPARK_CONF,
            application_args=arguments + ["--out", OUT, "--sweep-id", SWEEP_ID, "--data", DATA],
            name="aesweep-" + name + "-" + SWEEP_ID,
        )

    sweep = aesweep_job("sweep", "org.aesweep.jobs.SweepJob", ["--grid", GRID])
    aggregate = aesweep_job("aggregate", "org.aesweep.jobs.AggregateJob", [])
    sweep >> aggregate
