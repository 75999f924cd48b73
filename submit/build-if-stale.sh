#!/usr/bin/env bash
# Builds the jobs and the benchmark (mvn -DskipTests package) when they were never built or a
# source, POM or the packed log4j2 file changed since; the launch scripts call it before
# submit/run-local.sh, which reads each module's target/local-classpath.txt.
set -euo pipefail
repo_root=$(cd "$(dirname "$0")/.." && pwd)
stale() {
  local marker
  for marker in "$repo_root/jobs/target/local-classpath.txt" "$repo_root/bench/target/local-classpath.txt"; do
    if [[ ! -f $marker ]] || [[ -n $(find "$repo_root/pom.xml" "$repo_root/common" "$repo_root/jobs/pom.xml" \
          "$repo_root/jobs/src" "$repo_root/bench/pom.xml" "$repo_root/bench/src" "$repo_root/conf/log4j2.properties" \
          -newer "$marker" -type f -not -path '*/target/*' -print -quit) ]]; then
      return 0
    fi
  done
  return 1
}
if stale; then
  echo "build: mvn -DskipTests package" >&2
  (cd "$repo_root" && mvn -B -q -DskipTests package)
fi
