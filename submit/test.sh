#!/usr/bin/env bash
# The whole test suite from a fresh clone: installs the real data sets the tests read and the Trino
# server the Trino integration tests start (both idempotent), then runs every unit and integration
# test with Maven. Extra arguments go to Maven.
set -euo pipefail
repo_root=$(cd "$(dirname "$0")/.." && pwd)
"$repo_root/submit/fetch-data.sh" "$repo_root/data" >/dev/null
# Line 1: the Trino home; line 2: the Java 24+ it runs on (the build and tests stay on Java 17).
trino=$("$repo_root/submit/fetch-trino.sh")
trino_home=${trino%%$'\n'*}
trino_java=${trino#*$'\n'}
cd "$repo_root"
# Airflow cannot run here: the DAG must compile, and its decisions are tested without Airflow.
python3 -m py_compile submit/airflow/aesweep_dag.py
python3 -m unittest discover -s submit/airflow -p 'test_*.py' 2>&1 | tail -n 3
exec mvn -B verify -Daesweep.trino.home="$trino_home" -Daesweep.trino.java="$trino_java" "$@"
