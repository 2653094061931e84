#!/usr/bin/env bash
# Sets up (first time) and starts the app on its embedded default: SQLite in var/,
# seeded from the shipped real data. Set LAGESBILD_DB_URL for another database.
set -euo pipefail
cd "$(dirname "$0")/.."
WITH_CHROMIUM=${WITH_CHROMIUM:-1} scripts/setup.sh
# As `streamlit run app.py`, and the server visits every page once as soon as it answers, so the
# first person does not wait for imports and figures (lagesbild/ui/serve.py).
exec .venv/bin/python -m lagesbild.ui.serve app.py --server.port "${PORT:-8501}" "$@"
