"""Every command of the README's tour runs as written in a clean copy of the repository.

The copy holds the files git tracks, as they are in the working tree, and nothing a
previous run left behind (no reports/, no report.html); the commands run in a real shell
with the installed ``storydiff`` first on PATH, as a new user would type them. The TUI
line runs on a pseudo-terminal and is quit with ``q``.
"""

from __future__ import annotations

import fcntl
import os
import pty
import re
import select
import shutil
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
"""Where this environment installed ``storydiff``."""


def tour_commands(readme: str) -> list[str]:
    """The commands of the README's "A short tour" block, comments left out."""
    tour = readme.split("## A short tour", 1)[1]
    block = re.search(r"```sh\n(.*?)```", tour, flags=re.DOTALL)
    assert block is not None, "the tour has no ```sh block"
    return [re.sub(r"\s+#.*$", "", line).strip()
            for line in block.group(1).splitlines() if line.strip()]


@pytest.fixture(scope="module")
def clean_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if shutil.which("git") is None or not (REPO / ".git").exists():
        pytest.skip("git is not installed or the repository is absent: no tracked files to copy")
    listed = subprocess.run(["git", "ls-files", "-z"], cwd=REPO, capture_output=True,
                            check=True).stdout.decode().split("\0")
    copy = tmp_path_factory.mktemp("clone") / "storydiff"
    for name in filter(None, listed):
        source = REPO / name
        if source.is_file():
            (copy / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, copy / name)
    return copy


def _environment() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTEST", "COV_"))}
    env["PATH"] = f"{BIN}{os.pathsep}{env.get('PATH', '')}"
    env["TERM"] = "xterm-256color"
    return env


def run_on_a_terminal(command: str, cwd: Path, keys: bytes) -> tuple[int, bytes]:
    """Run ``command`` in a shell on a 100x30 pseudo-terminal, type ``keys`` once it has
    drawn, and return its exit status and what it showed."""
    controller, terminal = pty.openpty()
    fcntl.ioctl(terminal, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))
    process = subprocess.Popen(["bash", "-c", command], cwd=cwd, env=_environment(),
                               stdin=terminal, stdout=terminal, stderr=terminal,
                               start_new_session=True)
    os.close(terminal)
    shown, typed, deadline = b"", False, time.monotonic() + 120
    try:
        while time.monotonic() < deadline:
            ready, _, _ = select.select([controller], [], [], 1)
            if ready:
                try:
                    chunk = os.read(controller, 65536)
                except OSError:
                    break
                if not chunk:
                    break
                shown += chunk
            if not typed and b"Quit" in shown:  # the footer: the first frame is drawn
                os.write(controller, keys)
                typed = True
            if process.poll() is not None:
                break
        return process.wait(timeout=30), shown
    finally:
        if process.poll() is None:
            process.kill()
        os.close(controller)


def test_the_tour_is_what_this_test_runs() -> None:
    commands = tour_commands((REPO / "README.md").read_text(encoding="utf-8"))
    assert len(commands) == 7
    assert all(c.startswith("storydiff ") for c in commands)


def test_every_tour_command_runs_as_written(clean_copy: Path) -> None:
    expected_status = {"--fail-on": 1}  # the README says that line exits 1
    for command in tour_commands((clean_copy / "README.md").read_text(encoding="utf-8")):
        if command.startswith("storydiff tui"):
            status, shown = run_on_a_terminal(command, clean_copy, b"q")
            assert status == 0, (command, shown[-2000:])
            assert b"Traceback" not in shown
            continue
        done = subprocess.run(["bash", "-c", command], cwd=clean_copy, env=_environment(),
                              stdin=subprocess.DEVNULL, capture_output=True, text=True,
                              timeout=300, check=False)
        wanted = next((code for flag, code in expected_status.items() if flag in command), 0)
        assert done.returncode == wanted, (command, done.stderr[-2000:])
        assert "Traceback" not in done.stderr and "error:" not in done.stderr, command
    assert (clean_copy / "report.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert (clean_copy / "divergences.csv").read_text(encoding="utf-8").startswith("story,")
    assert (clean_copy / "reports" / "index.html").is_file()
    assert (clean_copy / "reports" / "kessford-spill" / "report.html").is_file()
