#!/usr/bin/env bash
# The whole test suite from a fresh clone: installs the real data sets the tests read (idempotent),
# then runs every unit and integration test with Maven. Extra arguments go to Maven.
set -euo pipefail
repo_root=$(cd "$(dirname "$0")/.." && pwd)
"$repo_root/submit/fetch-data.sh" "$repo_root/data" >/dev/null
cd "$repo_root"
# Airflow cannot run here: the DAG must compile, and its decisions are tested without Airflow.
python3 -m py_compile submit/airflow/aesweep_dag.py
python3 -m unittest discover -s submit/airflow -p 'test_*.py' 2>&1 | tail -n 3
exec mvn -B verify "$@"
