"""`storydiff report` from the command line: every format, --out, --fail-on, bad input."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from storydiff.cli import app
from storydiff.coverage.store import alignment_from_dict, read_alignment
from tests.report.conftest import REPORT_ALIGNMENT

runner = CliRunner()

FORMAT_MARKERS = {
    "md": "# Coverage report: elm-bridge",
    "html": "<!DOCTYPE html>",
    "csv": "story,claim_id,type,outlet",
    "json": '"schema": "storydiff/alignment@1"',
}


@pytest.mark.parametrize("report_format", sorted(FORMAT_MARKERS))
def test_each_format_to_stdout(report_format: str) -> None:
    result = runner.invoke(app, ["report", str(REPORT_ALIGNMENT), "--format", report_format])
    assert result.exit_code == 0, result.output
    assert FORMAT_MARKERS[report_format] in result.stdout
    assert result.stderr == ""


@pytest.mark.parametrize("report_format", sorted(FORMAT_MARKERS))
def test_each_format_to_out(report_format: str, tmp_path: Path) -> None:
    out = tmp_path / f"report.{report_format}"
    result = runner.invoke(
        app, ["report", str(REPORT_ALIGNMENT), "-f", report_format, "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert f"wrote {out}" in result.stderr
    assert FORMAT_MARKERS[report_format] in out.read_text(encoding="utf-8")
    assert [p.name for p in tmp_path.iterdir()] == [out.name]  # no temporary file left


def test_json_output_is_the_alignment() -> None:
    result = runner.invoke(app, ["report", str(REPORT_ALIGNMENT), "--format", "json"])
    assert alignment_from_dict(json.loads(result.stdout)) == read_alignment(REPORT_ALIGNMENT)


def test_csv_claim_rows_from_the_command_line() -> None:
    result = runner.invoke(app, ["report", str(REPORT_ALIGNMENT), "-f", "csv", "--rows", "claims"])
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert rows[0][:3] == ["story", "claim_id", "label"]
    assert len(rows) == 1 + 14


def test_report_compares_articles_first(tmp_path: Path) -> None:
    story = tmp_path / "ferry"
    story.mkdir()
    (story / "north.txt").write_text(
        "The new ferry carries 300 passengers across the bay.\n"
        "Tickets will cost 4 dollars for adults.\n", encoding="utf-8")
    (story / "south.txt").write_text(
        "The new ferry carries 200 passengers across the bay.\n"
        "Tickets will cost 4 dollars for adults.\n", encoding="utf-8")
    result = runner.invoke(app, ["report", str(story), "--format", "md"])
    assert result.exit_code == 0, result.output
    assert "# Coverage report: ferry" in result.stdout
    assert "number_changed" in result.stdout


def test_bad_alignment_file_is_one_error_line_and_keeps_out(tmp_path: Path) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text(REPORT_ALIGNMENT.read_text(encoding="utf-8")[:500], encoding="utf-8")
    out = tmp_path / "report.html"
    out.write_text("previous report", encoding="utf-8")
    result = runner.invoke(app, ["report", str(broken), "--format", "html", "--out", str(out)])
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and str(broken) in lines[0]
    assert "not valid JSON" in lines[0]
    assert out.read_text(encoding="utf-8") == "previous report"


def test_wrong_schema_is_an_error(tmp_path: Path) -> None:
    other = tmp_path / "other.json"
    other.write_text('{"schema": "storydiff/alignment@9"}', encoding="utf-8")
    result = runner.invoke(app, ["report", str(other)])
    assert result.exit_code == 2
    assert "unsupported schema" in result.stderr and result.stdout == ""


def test_unknown_format_is_usage_trouble() -> None:
    result = runner.invoke(app, ["report", str(REPORT_ALIGNMENT), "--format", "pdf"])
    assert result.exit_code == 2
    assert "error: --format: unknown format 'pdf'; valid: md, html, csv, json" in result.stderr


def test_fail_on_matching_type_exits_1_after_writing(tmp_path: Path) -> None:
    out = tmp_path / "r.md"
    result = runner.invoke(
        app, ["report", str(REPORT_ALIGNMENT), "--out", str(out), "--fail-on", "quote_altered"]
    )
    assert result.exit_code == 1
    assert "1 divergence(s) of the --fail-on types found" in result.stderr
    assert out.exists()


def test_fail_on_absent_type_exits_0() -> None:
    result = runner.invoke(app, ["report", str(REPORT_ALIGNMENT), "--fail-on", "quote_trimmed"])
    assert result.exit_code == 0
    assert result.stdout.startswith("# Coverage report")


def test_fail_on_unknown_type_exits_2_and_writes_nothing(tmp_path: Path) -> None:
    out = tmp_path / "r.md"
    result = runner.invoke(
        app, ["report", str(REPORT_ALIGNMENT), "--out", str(out), "--fail-on", "typo"]
    )
    assert result.exit_code == 2
    assert result.stderr.startswith("error: --fail-on: unknown divergence type 'typo'; valid: ")
    assert not out.exists()


@pytest.mark.parametrize("command", ["report", "batch"])
def test_help_documents_fail_on(command: str) -> None:
    result = runner.invoke(app, [command, "--help"])
    assert result.exit_code == 0
    assert "--fail-on" in result.stdout and "Example:\n    storydiff " + command in result.stdout
