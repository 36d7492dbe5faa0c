#!/usr/bin/env bash
# Install storydiff with its development tools into .venv and run every check.
# This is the README's test command and exactly what CI runs.
set -euo pipefail
cd "$(dirname "$0")/.."

python="${PYTHON:-python3.11}"
command -v "$python" >/dev/null 2>&1 || python=python3
[ -x .venv/bin/python ] || "$python" -m venv .venv
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet -e ".[dev]"

# The HTML report is checked in a real headless browser. Debian's chromium is the
# one browser this machine can install; without root the browser tests skip.
if ! command -v chromium >/dev/null 2>&1 && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
    || echo "warning: could not install chromium; browser tests will skip" >&2
fi

.venv/bin/ruff check .
.venv/bin/lint-imports
.venv/bin/mypy storydiff/coverage
.venv/bin/python -m pytest -q "$@"
