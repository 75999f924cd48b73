#!/usr/bin/env bash
# Submits one aesweep job class with spark-submit, passing conf/spark-defaults.conf and the shaded
# jar; submit/sweep.sh and submit/aggregate.sh are the entry points users call.
#   submit/spark-job.sh <main class> [spark options ...] -- <job arguments ...>
# Spark options: --master URL, --deploy-mode client|cluster, --conf key=value (repeatable), or any
# other spark-submit option. Environment: MASTER (default local[*]), DEPLOY_MODE (default client),
# AESWEEP_SPARK_CONF (extra spark-submit words, e.g. "--conf spark.executor.memory=8g"),
# AESWEEP_JAR (default the shaded jar under jobs/target), SPARK_HOME (a Spark distribution; without
# one, the Spark home submit/spark-cluster.sh assembles from Maven Central is used).
set -euo pipefail
repo_root=$(cd "$(dirname "$0")/.." && pwd)
main_class=${1:?usage: spark-job.sh <main class> [spark options] -- <job arguments>}
shift

spark_options=()
while [[ $# -gt 0 && $1 != -- ]]; do
  spark_options+=("$1")
  shift
done
[[ $# -gt 0 ]] && shift  # the --

jar=${AESWEEP_JAR:-$repo_root/jobs/target/aesweep-jobs-0.1.0-SNAPSHOT-spark.jar}
[[ -f $jar ]] || { echo "spark-job: $jar missing; run 'mvn -B -DskipTests package' first" >&2; exit 2; }

# A client-mode driver trains too (local mode, parameter averaging): keep its OpenMP threads from
# spinning; executors get the same through spark.executorEnv in conf/spark-defaults.conf.
export OMP_WAIT_POLICY=${OMP_WAIT_POLICY:-PASSIVE}

# shellcheck disable=SC2206  # AESWEEP_SPARK_CONF is a list of words
extra=(${AESWEEP_SPARK_CONF:-})
command=(--master "${MASTER:-local[*]}" --deploy-mode "${DEPLOY_MODE:-client}"
  --properties-file "$repo_root/conf/spark-defaults.conf" "${extra[@]}" "${spark_options[@]}"
  --class "$main_class" "$jar" "$@")
if [[ -n ${SPARK_HOME:-} && -x $SPARK_HOME/bin/spark-submit ]]; then
  exec "$SPARK_HOME/bin/spark-submit" "${command[@]}"
fi
exec "$repo_root/submit/spark-cluster.sh" submit "${command[@]}"
