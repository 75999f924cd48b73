#!/usr/bin/env bash
# The training benchmark: times every architecture of the grid (conf/grids/bench.yaml: linear,
# shallow, deep and sparse on all of Fashion-MNIST; bench-conv-lstm.yaml: conv and lstm on 5,120
# images; bench-batch32.yaml: shallow and deep at the seed study's batch 32) by a plain loop and
# through SweepJob's runner on local-mode Spark, and one shallow run with parameter averaging on 1
# and 2 workers, fused replicates, a sweep of mixed code sizes as users run one, and the driver's
# heap; prints a Markdown table and writes it to OUT_DIR/bench.md. About 25 minutes on 2 cores. Not
# part of the tests: timings need a quiet machine.
#   submit/bench.sh [OUT_DIR] [Bench options: --repetitions N --cores N --averaging-workers 1,2|none]
# When Debian's PyTorch is installed (apt-get install python3-torch libopenblas0-pthread; without
# an optimised BLAS it falls back to the reference one and is 30x slower), the same nets are
# trained with it first (submit/bench/pytorch_autoencoder.py) and the table gets a ratio column.
set -euo pipefail
repo_root=$(cd "$(dirname "$0")/.." && pwd)
out_dir=${1:-./aesweep-bench/$(date +%Y%m%d-%H%M%S)}
[[ $# -gt 0 ]] && shift
data_dir=$("$repo_root/submit/fetch-data.sh" "$repo_root/data")
"$repo_root/submit/build-if-stale.sh"
mkdir -p "$out_dir"
export OMP_WAIT_POLICY=${OMP_WAIT_POLICY:-PASSIVE}

peer=()
if /usr/bin/python3 -c 'import torch' 2>/dev/null; then
  echo "bench: PyTorch peer" >&2
  # One peer run per grid, mirroring its architectures, images, batch, epochs and labels; each net at
  # 1 thread and at all cores, the faster one compared.
  threads=${BENCH_THREADS:-1,$(nproc)}
  peer_run() { # archs limit batch epochs [suffix]
    BENCH_ARCHS=$1 BENCH_LIMIT=$2 BENCH_BATCH=$3 BENCH_EPOCHS=${BENCH_PEER_EPOCHS:-$4} BENCH_SUFFIX=${5:-} \
      BENCH_THREADS=$threads /usr/bin/python3 "$repo_root/submit/bench/pytorch_autoencoder.py" "$data_dir/fashion-mnist"
  }
  {
    peer_run shallow,deep,linear,sparse 0 256 5
    peer_run conv,lstm 5120 256 4
    peer_run shallow,deep 0 32 4 -b32
  } | tee "$out_dir/pytorch.txt" >&2
  peer=(--peer-results "$out_dir/pytorch.txt")
else
  echo "bench: no python3-torch, the table has no PyTorch column" >&2
fi
grids=$repo_root/conf/grids/bench.yaml,$repo_root/conf/grids/bench-conv-lstm.yaml,$repo_root/conf/grids/bench-batch32.yaml
"$repo_root/submit/run-local.sh" org.aesweep.bench.Bench --grid "$grids" \
  --data "$data_dir" --out "$out_dir" "${peer[@]}" "$@"
