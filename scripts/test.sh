#!/usr/bin/env bash
# Sets up (first time: Python packages, test tools, Debian's chromium and PostgreSQL) and
# runs every test: unit (on SQLite and PostgreSQL), AppTest and browser tests.
# Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh dev
if [ -z "${LAGESBILD_TEST_PG:-}" ]; then
  if [ "$(id -u)" -eq 0 ] || sudo -n true 2>/dev/null; then
    LAGESBILD_TEST_PG=$(scripts/pg_test_server.sh)
    export LAGESBILD_TEST_PG
  else
    echo "Note: no root/sudo, so the PostgreSQL store tests are skipped." >&2
  fi
fi
# Two workers (tests/conftest.py keeps the browser tests on one, each other module whole on one):
# on two cores the suite takes half the time. LAGESBILD_TEST_WORKERS=0 runs in one process.
workers=${LAGESBILD_TEST_WORKERS:-2}
if [ "$workers" = "0" ]; then exec .venv/bin/python -m pytest "$@"; fi
exec .venv/bin/python -m pytest -n "$workers" --dist loadgroup "$@"
