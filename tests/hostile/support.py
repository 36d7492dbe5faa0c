"""Shared bits of the hostile-input tests: invoking the CLI and checking its one-line errors."""

from __future__ import annotations

import os
from pathlib import Path

from click.testing import Result
from typer.testing import CliRunner

from storydiff.cli import app

runner = CliRunner()

STORY = (
    "The harbour board shut the east quay on Friday after a crane toppled onto two barges. "
    "Nobody was hurt, the board said, but repairs will take at least six weeks.\n"
)
"""A short article in our own words, used wherever a good input is needed."""

RETELLING = (
    "After a crane toppled onto two barges, the harbour board shut the east quay on Friday. "
    "The board said nobody was hurt and that repairs would take at least six weeks.\n"
)
"""The same story as another outlet might tell it."""


def invoke(*args: str) -> Result:
    """Run ``storydiff`` in-process, as a user would from a shell."""
    return runner.invoke(app, list(args))


def assert_one_error(result: Result, *, code: int = 2, names: str, says: str) -> str:
    """The run failed with ``code`` and said exactly one ``error:`` line naming the problem."""
    assert result.exit_code == code, result.output
    assert "Traceback" not in result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    line = lines[0]
    assert line.startswith("error: "), line
    assert names in line and says in line, line
    return line


def is_root() -> bool:
    """Root reads and writes through permission bits: some failures cannot be provoked."""
    return hasattr(os, "geteuid") and os.geteuid() == 0


def write_story_pair(folder: Path) -> Path:
    """A folder of two good articles; returns the folder."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "quay-herald.txt").write_text(STORY, encoding="utf-8")
    (folder / "dock-post.txt").write_text(RETELLING, encoding="utf-8")
    return folder
