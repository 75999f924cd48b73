#!/usr/bin/env bash
# Runs the sweep job with spark-submit (see submit/spark-job.sh for Spark options and environment):
#   MASTER=spark://host:7077 submit/sweep.sh -- --grid conf/grids/seed-code-size.yaml \
#     --data hdfs:///datasets --out hdfs:///aesweep --sweep-id seed-2026-11
exec "$(dirname "$0")/spark-job.sh" org.aesweep.jobs.SweepJob "$@"
