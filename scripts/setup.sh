#!/usr/bin/env bash
# Creates .venv and installs the Python packages. `scripts/setup.sh dev` adds the test
# tools and Debian's chromium (browser tests, chart export). Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."

python=${PYTHON:-python3}
if ! command -v uv >/dev/null 2>&1; then
  "$python" -m pip install --quiet --disable-pip-version-check uv
fi
uv=$(command -v uv || echo "$python -m uv")
[ -x .venv/bin/python ] || $uv venv --quiet .venv --python "$python"

req=requirements.txt
[ "${1:-}" = "dev" ] && req=requirements-dev.txt
# PYTHONDONTWRITEBYTECODE is set on these machines: compile at install or every import recompiles.
UV_COMPILE_BYTECODE=1 $uv pip install --quiet --python .venv/bin/python -r "$req"

need_apt=()
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
command -v pdftoppm >/dev/null 2>&1 || need_apt+=(poppler-utils)
fc-list 2>/dev/null | grep -qi dejavu || need_apt+=(fonts-dejavu-core)
# LibreOffice renders the meeting deck in tests/unit/test_pptx_render.py; without its recommends
# (Java, the other office programs) it is a fraction of the size.
lean_apt=()
if [ "${1:-}" = "dev" ] && ! command -v soffice >/dev/null 2>&1; then lean_apt+=(libreoffice-impress); fi
if [ "${1:-}" = "dev" ] || [ "${WITH_CHROMIUM:-0}" = "1" ]; then
  if [ ${#need_apt[@]} -gt 0 ] || [ ${#lean_apt[@]} -gt 0 ]; then
    sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
    $sudo apt-get update -qq
    [ ${#need_apt[@]} -eq 0 ] || DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need_apt[@]}" >/dev/null
    [ ${#lean_apt[@]} -eq 0 ] || DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${lean_apt[@]}" >/dev/null
  fi
fi
