#!/usr/bin/env bash
# Runs the aggregation job with spark-submit (see submit/spark-job.sh for Spark options and environment):
#   MASTER=spark://host:7077 submit/aggregate.sh -- --out hdfs:///aesweep --sweep-id seed-2026-11 \
#     --data hdfs:///datasets
exec "$(dirname "$0")/spark-job.sh" org.aesweep.jobs.AggregateJob "$@"
