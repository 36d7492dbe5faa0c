.PHONY: check test lint types
check: lint types test

lint:
	.venv/bin/ruff check .
	.venv/bin/lint-imports

types:
	.venv/bin/mypy storydiff/coverage

test:
	.venv/bin/python -m pytest -q
