#!/usr/bin/env bash
# Spark resource discovery script for GPUs (spark.worker.resource.gpu.discoveryScript, or the
# executor/driver equivalents): prints {"name":"gpu","addresses":[...]} on stdout.
# AESWEEP_FAKE_GPU_ADDRESSES="0,1" makes it report those addresses without any GPU (spark-cluster.sh
# --fake-gpus sets it per Worker, so tests can exercise GPU scheduling on a CPU-only machine);
# otherwise it lists the GPUs nvidia-smi sees, or none.
set -uf  # -f: the address list below is split on whitespace, never globbed

if [ -n "${AESWEEP_FAKE_GPU_ADDRESSES:-}" ]; then
  addresses=$(printf '%s' "$AESWEEP_FAKE_GPU_ADDRESSES" | tr ',' '\n')
elif command -v nvidia-smi >/dev/null 2>&1; then
  addresses=$(nvidia-smi --query-gpu=index --format=csv,noheader 2>/dev/null || true)
else
  addresses=
fi

list=
for a in $addresses; do
  list="${list:+$list,}\"$a\""
done
printf '{"name":"gpu","addresses":[%s]}\n' "$list"
