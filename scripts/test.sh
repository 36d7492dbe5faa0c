#!/usr/bin/env bash
# Install storydiff with its development tools into .venv and run every check.
# This is the README's test command and exactly what CI runs. It installs nothing
# outside .venv: the HTML report's browser test skips (saying how to enable it) when
# chromium is not installed; CI installs chromium itself before calling this script.
set -euo pipefail
cd "$(dirname "$0")/.."

python="${PYTHON:-python3.11}"
command -v "$python" >/dev/null 2>&1 || python=python3
[ -x .venv/bin/python ] || "$python" -m venv .venv
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet -e ".[dev]"

.venv/bin/ruff check .
.venv/bin/lint-imports
.venv/bin/mypy storydiff/coverage
.venv/bin/python -m pytest -q "$@"
