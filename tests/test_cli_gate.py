"""`compare --fail-on` says what tripped it, and keeps the alignment JSON off a terminal."""

from __future__ import annotations

import json
import os
import pty
import select
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from storydiff.cli import app
from tests.report.conftest import REPORT_ALIGNMENT

REPO = Path(__file__).resolve().parent.parent
DEMO = REPO / "articles" / "kessford-spill"
runner = CliRunner()


def run_on_a_terminal(*args: str) -> tuple[int, str, str]:
    """Run storydiff with stdout on a pseudo-terminal, as a person would; stderr apart."""
    controller, terminal = pty.openpty()
    with subprocess.Popen(
        [sys.executable, "-m", "storydiff", *args], cwd=REPO, stdin=subprocess.DEVNULL,
        stdout=terminal, stderr=subprocess.PIPE,
    ) as process:
        os.close(terminal)
        shown = b""
        while True:
            ready, _, _ = select.select([controller], [], [], 120)
            if not ready:
                process.kill()
                raise AssertionError("storydiff did not finish")
            try:
                chunk = os.read(controller, 65536)
            except OSError:  # the terminal's other end closed: the run is over
                break
            if not chunk:
                break
            shown += chunk
        assert process.stderr is not None
        errors = process.stderr.read().decode()
        code = process.wait(timeout=60)
    os.close(controller)
    return code, shown.decode(), errors


def test_on_a_terminal_the_gate_names_what_tripped_it_and_prints_no_json() -> None:
    code, shown, errors = run_on_a_terminal("compare", str(DEMO), "--fail-on", "quote_altered")
    assert code == 1
    assert '"schema"' not in shown and shown.strip() == ""
    tripped = [line for line in errors.splitlines() if line.startswith("fail-on: ")]
    assert len(tripped) == 2
    assert all(line.startswith("fail-on: quote_altered in claim c") and " by " in line
               for line in tripped)
    assert "2 divergence(s) of the --fail-on types found" in errors
    assert "--out FILE saves it, --json prints it" in errors


def test_json_goes_to_a_pipe_or_with_json(tmp_path: Path) -> None:
    piped = runner.invoke(app, ["compare", str(DEMO), "--quiet", "--fail-on", "quote_altered"])
    assert piped.exit_code == 1
    assert json.loads(piped.stdout)["schema"] == "storydiff/alignment@1"
    assert piped.stderr.count("fail-on: quote_altered in claim ") == 2
    out = tmp_path / "a.json"
    both = runner.invoke(app, ["compare", str(DEMO), "-q", "--out", str(out), "--json"])
    assert both.exit_code == 0 and both.stdout == out.read_text(encoding="utf-8")
    only_file = runner.invoke(app, ["compare", str(DEMO), "-q", "--out", str(out)])
    assert only_file.exit_code == 0 and only_file.stdout == ""


def test_report_names_each_outlet_that_tripped_the_gate() -> None:
    result = runner.invoke(app, ["report", str(REPORT_ALIGNMENT), "--fail-on",
                                 "quote_altered,omitted"])
    assert result.exit_code == 1
    tripped = [line for line in result.stderr.splitlines() if line.startswith("fail-on: ")]
    # the divergences most certain first, then omissions in claim order; c6 is the
    # Courier's alone, so nobody omits it
    assert len(tripped) == 3
    assert tripped[0].startswith("fail-on: quote_altered in claim c5 by Valley Courier: ")
    assert tripped[0].endswith("(confidence 1.00)")
    assert tripped[1] == (
        "fail-on: omitted in claim c4 by Metro Wire: claim not stated; 2 of 3 outlets state it")
    assert tripped[2] == (
        "fail-on: omitted in claim c5 by Metro Wire: claim not stated; 2 of 3 outlets state it")
