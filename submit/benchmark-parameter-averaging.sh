#!/usr/bin/env bash
# Benchmark: trains the same runs locally and with DL4J parameter averaging on 1 and 2 workers, on
# an embedded local-mode Spark, then prints seconds per epoch and final test loss side by side.
#   submit/benchmark-parameter-averaging.sh [OUT_DIR] [extra SweepJob arguments, e.g. --set training.epochs=2]
# Environment: AESWEEP_GRID (default conf/grids/benchmark-parameter-averaging.yaml), AESWEEP_DATA.
# Each call writes fresh sweeps under OUT_DIR (default ./aesweep-bench/<timestamp>).
set -euo pipefail

repo_root=$(cd "$(dirname "$0")/.." && pwd)
out_dir=${1:-./aesweep-bench/$(date +%Y%m%d-%H%M%S)}
[[ $# -gt 0 ]] && shift
grid=${AESWEEP_GRID:-$repo_root/conf/grids/benchmark-parameter-averaging.yaml}
data_dir=${AESWEEP_DATA:-$("$repo_root/submit/fetch-data.sh" "$repo_root/data")}
[[ -f $repo_root/jobs/target/local-classpath.txt ]] || (cd "$repo_root" && mvn -B -q -DskipTests package)

sweep() {
  local sweep_id=$1
  shift
  echo "benchmark: sweep $sweep_id $*" >&2
  "$repo_root/submit/run-local.sh" org.aesweep.jobs.SweepJob --grid "$grid" --data "$data_dir" --out "$out_dir" \
    --sweep-id "$sweep_id" "$@" >&2
}

# local[2]: the local sweep trains with one thread, each parameter-averaging worker with one.
sweep local --master 'local[2]' "$@"
sweep paramavg-1 --master 'local[2]' --set parameter_averaging.cost_threshold=0 \
  --set parameter_averaging.workers=1 "$@"
sweep paramavg-2 --master 'local[2]' --set parameter_averaging.cost_threshold=0 \
  --set parameter_averaging.workers=2 "$@"

echo
"$repo_root/submit/run-local.sh" org.aesweep.jobs.CompareSweeps --out "$out_dir" \
  --sweep-id local --sweep-id paramavg-1 --sweep-id paramavg-2
