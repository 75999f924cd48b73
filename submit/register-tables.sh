#!/usr/bin/env bash
# Registers the tables of an output root written before aesweep kept them in a catalog, so its
# sweeps need not be trained again (see docs/tables.md); run with spark-submit so the catalog that
# conf/spark-defaults.conf or --conf configures is the one registered into (see submit/spark-job.sh):
#   submit/register-tables.sh -- --out aesweep-out [--sweep-id seed-2026-11]
exec "$(dirname "$0")/spark-job.sh" org.aesweep.jobs.RegisterTables "$@"
