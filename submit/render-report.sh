#!/usr/bin/env bash
# Renders a sweep's self-contained report in headless Chromium and saves a screenshot, to check
# that it opens from disk with nothing fetched from the network:
#   submit/render-report.sh aesweep-out/reports/sweep_id=quickstart/index.html report.png
# Installs Debian's chromium if it is missing (needs apt-get and root).
set -euo pipefail
report=${1:?usage: render-report.sh <index.html> <screenshot.png>}
shot=${2:?usage: render-report.sh <index.html> <screenshot.png>}
[[ -f $report ]] || { echo "render-report: $report not found" >&2; exit 2; }

if ! command -v chromium >/dev/null 2>&1; then
  echo "render-report: installing Debian's chromium" >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium >/dev/null
fi
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
chromium --headless --no-sandbox --disable-gpu --disable-background-networking --no-first-run \
  --user-data-dir="$profile" --window-size=1280,2400 --screenshot="$(realpath -m "$shot")" \
  "file://$(realpath "$report")" 2>/dev/null
[[ -s $shot ]] || { echo "render-report: chromium wrote no screenshot" >&2; exit 1; }
echo "$shot"
