"""Help speaks the user's words: -h works, metavars not Python types, whole summaries, defaults."""

from __future__ import annotations

import re

import pytest
from typer.testing import CliRunner

from storydiff.cli import app
from storydiff.coverage.model import DivergenceType

runner = CliRunner()
COMMANDS = ["compare", "tui", "inspect", "report", "batch"]
PYTHON_LEAKS = re.compile(r"<(list|str|int|float|path|bool)\b|\{\w+\}|float range|int range")


def help_of(*args: str) -> str:
    result = runner.invoke(app, [*args, "-h"], terminal_width=80)
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.mark.parametrize("command", [[], *([c] for c in COMMANDS)])
def test_dash_h_is_help(command: list[str]) -> None:
    short = help_of(*command)
    assert short == runner.invoke(app, [*command, "--help"], terminal_width=80).stdout
    assert short.startswith("Usage: storydiff")


@pytest.mark.parametrize("command", [[], *([c] for c in COMMANDS)])
def test_no_python_type_names(command: list[str]) -> None:
    assert PYTHON_LEAKS.findall(help_of(*command)) == []


def test_usage_lines_use_metavars() -> None:
    assert "Usage: storydiff compare [OPTIONS] ARTICLE...\n" in help_of("compare")
    assert "Usage: storydiff tui [OPTIONS] [PATH...]\n" in help_of("tui")
    assert "Usage: storydiff batch [OPTIONS] STORIES\n" in help_of("batch")
    assert "-o, --out FILE" in help_of("compare") and "--outlet FILE=NAME" in help_of("compare")


def test_command_list_is_never_cut() -> None:
    listed = help_of().split("Commands:", 1)[1]
    assert "..." not in listed
    # each summary is there whole, however the terminal wraps it
    joined = " ".join(listed.split())
    assert "Align the articles of one story into claims and write the alignment file." in joined
    assert "Compare and report every story folder in parallel, with an index ranking them." \
        in joined


@pytest.mark.parametrize("command", ["compare", "report", "batch"])
def test_fail_on_help_lists_every_type(command: str) -> None:
    text = " ".join(help_of(command).split())
    for kind in DivergenceType:
        assert kind.value in text
    assert "'any'" in text and "'all'" in text


def test_defaults_are_shown() -> None:
    assert "[default: 0.35; 0.0<=x<=1.0]" in " ".join(help_of("compare").split())
    report = " ".join(help_of("report").split())
    assert "[default: md]" in report and "[default: divergences]" in report
    assert "[default: html,md]" in " ".join(help_of("batch").split())


def test_shell_completion_can_be_installed_as_the_readme_says() -> None:
    from pathlib import Path

    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    assert "storydiff --install-completion" in readme
    assert "--install-completion" in help_of()
