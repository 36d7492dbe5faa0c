"""Faults: Ctrl-C and a killed process never leave a partial or broken output behind.

Both tests run the real program in a subprocess and signal it at a point it announces
(a progress line, a temporary file appearing), polling for that point within a bounded
time rather than sleeping.
"""

from __future__ import annotations

import os
import queue
import signal
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest

from storydiff.report.batch import OWNED_MARKER
from tests.hostile.support import STORY

REPO = Path(__file__).resolve().parents[2]
PATIENCE = 120.0
"""Seconds to wait for the subprocess to reach the point being tested; a bound, not a pace."""

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")


def _lines_of(stream: object) -> queue.Queue[str]:
    lines: queue.Queue[str] = queue.Queue()

    def pump() -> None:
        for line in stream:  # type: ignore[attr-defined]
            lines.put(line)
        lines.put("")  # end of stream

    threading.Thread(target=pump, daemon=True).start()
    return lines


def _big_story(folder: Path, articles: int) -> Path:
    folder.mkdir()
    for number in range(articles):
        (folder / f"outlet-{number:03d}.txt").write_text(
            STORY.replace("two barges", f"{number % 7 + 2} barges"), encoding="utf-8")
    return folder


def test_ctrl_c_during_compare_exits_130_and_writes_nothing(tmp_path: Path) -> None:
    # 150 articles take tens of seconds to align: the interrupt lands mid-alignment.
    story = _big_story(tmp_path / "story", 150)
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    out = out_dir / "story.json"
    process = subprocess.Popen(
        [sys.executable, "-m", "storydiff", "compare", str(story), "--out", str(out)],
        cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    try:
        stderr = _lines_of(process.stderr)
        first = stderr.get(timeout=PATIENCE)
        assert first.startswith("aligning 150 article(s)"), first
        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=PATIENCE) == 130
    finally:
        process.kill()
        process.wait()
    rest = []
    while (line := stderr.get(timeout=PATIENCE)) != "":
        rest.append(line)
    assert rest == ["error: interrupted; nothing was written\n"]
    assert process.stdout is not None and process.stdout.read() == ""
    assert list(out_dir.iterdir()) == []


_SLOW_WRITER = textwrap.dedent("""
    import sys
    from pathlib import Path
    from storydiff.coverage.store import write_text_atomic

    text = "{\\"claims\\": [" + "0, " * (200 * 1024 * 1024 // 3) + "0]}\\n"
    print("writing", flush=True)
    write_text_atomic(text, Path(sys.argv[1]))
    print("done", flush=True)
""")


def test_a_write_killed_midway_leaves_the_previous_file_intact(tmp_path: Path) -> None:
    target = tmp_path / "story.json"
    previous = b'{"schema": "storydiff/alignment@1", "the": "previous run"}\n'
    target.write_bytes(previous)
    process = subprocess.Popen(
        [sys.executable, "-c", _SLOW_WRITER, str(target)],
        cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    try:
        assert process.stdout is not None
        assert process.stdout.readline() == "writing\n"
        # The temporary file appears before 200 MB are written and synced; kill then.
        deadline = time.monotonic() + PATIENCE
        temporary: list[Path] = []
        while not temporary and time.monotonic() < deadline and process.poll() is None:
            temporary = [p for p in tmp_path.iterdir() if p != target]
        assert temporary, "the writer never created its temporary file"
        process.send_signal(signal.SIGKILL)
        assert process.wait(timeout=PATIENCE) == -signal.SIGKILL
    finally:
        process.kill()
        process.wait()
    assert target.read_bytes() == previous
    strays = [p for p in tmp_path.iterdir() if p != target]
    assert len(strays) <= 1
    for stray in strays:
        assert stray.name != target.name and stray.suffix == ".tmp"
        assert stray.name.startswith(".story.json.")
        os.unlink(stray)


def test_ctrl_c_during_batch_exits_130_and_leaves_the_output_folder_as_it_was(
    tmp_path: Path,
) -> None:
    stories = tmp_path / "stories"
    stories.mkdir()
    for number in range(8):
        _big_story(stories / f"story-{number}", 40)
    out = tmp_path / "out"
    (out / "story-0").mkdir(parents=True)
    (out / "story-0" / "report.html").write_text("previous report", encoding="utf-8")
    (out / "index.html").write_text("previous index", encoding="utf-8")
    # as an earlier batch left them: each folder marked as written by batch
    (out / "story-0" / OWNED_MARKER).write_text("report.html\n", encoding="utf-8")
    (out / OWNED_MARKER).write_text("index.html\n", encoding="utf-8")
    before = sorted(p.relative_to(out) for p in out.rglob("*"))
    process = subprocess.Popen(
        [sys.executable, "-m", "storydiff", "batch", str(stories), "--out", str(out),
         "--jobs", "2"],
        cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    try:
        deadline = time.monotonic() + PATIENCE
        # The staging folder appears once the stories are known good and work begins.
        while not any(p.name.startswith(".storydiff-batch-") for p in out.iterdir()):
            assert process.poll() is None, "batch finished before it could be interrupted"
            assert time.monotonic() < deadline, "batch never started"
            time.sleep(0.01)  # polling interval, not a pace the test depends on
        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=PATIENCE) == 130
    finally:
        process.kill()
        process.wait()
    assert process.stderr is not None
    assert process.stderr.read().strip().splitlines()[-1] == (
        "error: interrupted; nothing was written"
    )
    assert sorted(p.relative_to(out) for p in out.rglob("*")) == before
    assert (out / "index.html").read_text(encoding="utf-8") == "previous index"
    assert (out / "story-0" / "report.html").read_text(encoding="utf-8") == "previous report"
