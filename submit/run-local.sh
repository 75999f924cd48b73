#!/usr/bin/env bash
# Runs an aesweep job class, or the benchmark (org.aesweep.bench.Bench), on an embedded Spark in
# local mode with plain java (no Spark install):
#   submit/run-local.sh org.aesweep.jobs.SweepJob --grid conf/grids/quickstart.yaml --sweep-id demo
# Needs a prior `mvn -DskipTests package`. Environment: AESWEEP_JAVA_OPTS (JVM flags, default
# -Xmx6g and a 10 GB cap on the process's resident memory, past which JavaCPP collects ND4J's
# garbage off-heap arrays before allocating more), AESWEEP_JAVACPP_CACHE (where JavaCPP unpacks ND4J's native libraries, about 400 MB;
# default ~/.javacpp/cache). Jobs log Spark's INFO messages only with their --verbose option.
set -euo pipefail

repo_root=$(cd "$(dirname "$0")/.." && pwd)
main_class=${1:?usage: run-local.sh <main class> [job arguments]}
shift
# A main runs from its module's classes and the classpath Maven wrote there: the benchmark's
# from bench/, every job's from jobs/.
case $main_class in
  org.aesweep.bench.*) module=bench ;;
  *) module=jobs ;;
esac
classpath_file=$repo_root/$module/target/local-classpath.txt
[[ -f $classpath_file ]] || { echo "run-local: $classpath_file missing; run 'mvn -DskipTests package' first" >&2; exit 2; }

# ND4J's OpenMP threads sleep between ops instead of spinning (libgomp reads this at start).
export OMP_WAIT_POLICY=${OMP_WAIT_POLICY:-PASSIVE}

# shellcheck disable=SC2086  # AESWEEP_JAVA_OPTS is a list of flags
exec java ${AESWEEP_JAVA_OPTS:--Xmx6g -Dorg.bytedeco.javacpp.maxphysicalbytes=10g} "@$repo_root/conf/java17-opens.options" \
  -Djava.awt.headless=true \
  -Dorg.bytedeco.javacpp.cachedir="${AESWEEP_JAVACPP_CACHE:-$HOME/.javacpp/cache}" \
  -cp "$repo_root/$module/target/classes:$(cat "$classpath_file")" \
  "$main_class" "$@"
