#!/usr/bin/env bash
# Sets up (first time) and starts the app on its embedded default: SQLite in var/,
# seeded from the shipped real data. Set LAGESBILD_DB_URL for another database.
set -euo pipefail
cd "$(dirname "$0")/.."
WITH_CHROMIUM=${WITH_CHROMIUM:-1} scripts/setup.sh
exec .venv/bin/streamlit run app.py --server.port "${PORT:-8501}" "$@"
