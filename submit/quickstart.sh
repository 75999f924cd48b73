#!/usr/bin/env bash
# One command from a fresh clone to a finished sweep: fetches the data if missing, builds if the
# sources changed, runs a small real sweep on an embedded local-mode Spark, aggregates it, and
# prints where the tables and plots went.
#   submit/quickstart.sh [OUT_DIR] [extra SweepJob arguments, e.g. --set training.epochs=1]
# Environment: AESWEEP_GRID (default conf/grids/quickstart.yaml), AESWEEP_DATA (default: the sets
# submit/fetch-data.sh installs under ./data), AESWEEP_SWEEP_ID (default quickstart).
# Exits with the sweep job's exit code (0 ok, 1 some runs failed, 2 bad input).
set -euo pipefail

repo_root=$(cd "$(dirname "$0")/.." && pwd)
out_dir=${1:-./aesweep-out}
[[ $# -gt 0 ]] && shift
grid=${AESWEEP_GRID:-$repo_root/conf/grids/quickstart.yaml}
sweep_id=${AESWEEP_SWEEP_ID:-quickstart}
if [[ -n ${AESWEEP_DATA:-} ]]; then
  data_dir=$AESWEEP_DATA
else
  data_dir=$("$repo_root/submit/fetch-data.sh" "$repo_root/data")
fi

"$repo_root/submit/build-if-stale.sh"

echo "quickstart: sweep $sweep_id from $grid, data $data_dir, output $out_dir" >&2
status=0
"$repo_root/submit/run-local.sh" org.aesweep.jobs.SweepJob --grid "$grid" --data "$data_dir" --out "$out_dir" \
  --sweep-id "$sweep_id" "$@" || status=$?
if [[ $status -ne 2 ]]; then
  "$repo_root/submit/run-local.sh" org.aesweep.jobs.AggregateJob --out "$out_dir" --sweep-id "$sweep_id" \
    --data "$data_dir"
  echo
  echo "Tables (Iceberg, catalog $out_dir/catalog.db): aesweep.sweeps.{runs,epoch_metrics,latent_codes,latent_probes,bias_variance} under $out_dir/tables, WHERE sweep_id = '$sweep_id'"
  echo "DuckDB: duckdb -init $out_dir/duckdb.sql   (views over the tables' current files)"
  echo "Models: $out_dir/models/sweep_id=$sweep_id"
  echo "Plots and report: $out_dir/reports/sweep_id=$sweep_id (open index.html)"
fi
exit $status
