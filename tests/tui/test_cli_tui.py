"""`storydiff tui` from the command line: bad paths are one `error:` line and exit 2."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from storydiff.cli import EXIT_TROUBLE, app

runner = CliRunner()


def test_missing_path_is_an_error_not_a_traceback(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.json"
    result = runner.invoke(app, ["tui", str(missing)])
    assert result.exit_code == EXIT_TROUBLE
    assert result.stderr == f"error: {missing}: no such file or folder\n"
    assert "Traceback" not in result.output


def test_truncated_alignment_file_names_the_file(tmp_path: Path) -> None:
    broken = tmp_path / "story.json"
    broken.write_text('{"schema": "storydiff/alignment@1", "created": ', encoding="utf-8")
    result = runner.invoke(app, ["tui", str(broken)])
    assert result.exit_code == EXIT_TROUBLE
    assert result.stderr.startswith(f"error: {broken}: not valid JSON")
    assert result.stderr.count("\n") == 1


def test_wrong_schema_is_refused(tmp_path: Path) -> None:
    other = tmp_path / "other.json"
    other.write_text('{"schema": "storydiff/alignment@9"}', encoding="utf-8")
    result = runner.invoke(app, ["tui", str(other)])
    assert result.exit_code == EXIT_TROUBLE
    assert "unsupported schema 'storydiff/alignment@9'" in result.stderr


def test_tui_has_help_with_an_example() -> None:
    result = runner.invoke(app, ["tui", "--help"])
    assert result.exit_code == 0
    assert "Example:\n    storydiff tui" in result.output
