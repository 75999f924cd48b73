#!/usr/bin/env bash
# Builds the jobs (mvn -DskipTests package) when they were never built or a source, POM or the
# packed log4j2 file changed since; the launch scripts call it before submit/run-local.sh.
set -euo pipefail
repo_root=$(cd "$(dirname "$0")/.." && pwd)
marker=$repo_root/jobs/target/local-classpath.txt
if [[ ! -f $marker ]] || [[ -n $(find "$repo_root/pom.xml" "$repo_root/common" "$repo_root/jobs/pom.xml" \
      "$repo_root/jobs/src" "$repo_root/conf/log4j2.properties" -newer "$marker" -type f \
      -not -path '*/target/*' -print -quit) ]]; then
  echo "build: mvn -DskipTests package" >&2
  (cd "$repo_root" && mvn -B -q -DskipTests package)
fi
