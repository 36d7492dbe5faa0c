"""Faults: Ctrl-C and a killed process never leave a partial or broken output behind.

Both tests run the real program in a subprocess and signal it at a point it announces
(a progress line, a temporary file appearing), polling for that point within a bounded
time rather than sleeping.
"""

from __future__ import annotations

import contextlib
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
from tests.hostile.support import STORY, write_story_pair

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


@pytest.mark.parametrize(
    ("signum", "status", "says"),
    [(signal.SIGINT, 130, "interrupted"), (signal.SIGTERM, 143, "terminated")],
    ids=["Ctrl-C", "kill"],
)
def test_ctrl_c_or_kill_during_compare_writes_nothing(
    tmp_path: Path, signum: int, status: int, says: str,
) -> None:
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
        process.send_signal(signum)
        assert process.wait(timeout=PATIENCE) == status
    finally:
        process.kill()
        process.wait()
    rest = []
    while (line := stderr.get(timeout=PATIENCE)) != "":
        rest.append(line)
    assert rest == [f"error: {says}; nothing was written\n"]
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


# Signals to `batch`: its workers end with it, however it ends, and what a killed batch
# leaves behind is removed by the next one. Each story below would take well over a
# minute to align, so a batch still running at the bound is one that waited for them.

ENDS_WITHIN = 20.0
"""Seconds a signalled batch (and each of its workers) gets to end: a bound, not a pace."""

needs_proc = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="/proc is absent")


def _state_and_parent(pid: int) -> tuple[str, int] | None:
    """A process's state letter and parent, from /proc; None once it is gone."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return None
    return fields[0], int(fields[1])


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            info = _state_and_parent(int(entry.name))
            if info is not None and info[1] == pid and info[0] != "Z":
                found.append(int(entry.name))
    return found


def _is_running(pid: int) -> bool:
    info = _state_and_parent(pid)
    return info is not None and info[0] != "Z"  # a zombie has ended; only its parent reaps it


def _huge_stories(folder: Path) -> Path:
    folder.mkdir()
    for number in range(4):
        _big_story(folder / f"story-{number}", 600)
    return folder


def _start_batch_and_wait_for_workers(
    stories: Path, out: Path
) -> tuple[subprocess.Popen[str], list[int]]:
    process = subprocess.Popen(
        [sys.executable, "-m", "storydiff", "batch", str(stories), "--out", str(out),
         "--jobs", "2"],
        cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
        start_new_session=True,  # its own process group, as a shell gives a command
    )
    deadline = time.monotonic() + PATIENCE
    workers: list[int] = []
    while len(workers) < 2:
        assert process.poll() is None, "batch ended before its workers started"
        assert time.monotonic() < deadline, "the workers never started"
        time.sleep(0.05)  # polling interval, not a pace the test depends on
        workers = _children(process.pid)
    return process, workers


def _wait_until_ended(pids: list[int]) -> list[int]:
    """The pids still running after ENDS_WITHIN seconds."""
    deadline = time.monotonic() + ENDS_WITHIN
    while any(_is_running(pid) for pid in pids) and time.monotonic() < deadline:
        time.sleep(0.05)
    return [pid for pid in pids if _is_running(pid)]


def _end(process: subprocess.Popen[str], workers: list[int]) -> None:
    """Whatever the test found, leave no process of it behind."""
    for pid in [process.pid, *workers]:
        if _is_running(pid):
            with contextlib.suppress(OSError):
                os.kill(pid, signal.SIGKILL)
    process.wait()


@needs_proc
def test_kill_9_of_batch_ends_its_workers_and_the_next_batch_removes_its_staging_folder(
    tmp_path: Path,
) -> None:
    stories = _huge_stories(tmp_path / "stories")
    out = tmp_path / "out"
    process, workers = _start_batch_and_wait_for_workers(stories, out)
    try:
        process.send_signal(signal.SIGKILL)
        assert process.wait(timeout=PATIENCE) == -signal.SIGKILL
        assert _wait_until_ended(workers) == [], "a worker outlived the batch"
    finally:
        _end(process, workers)
    staged = [p for p in out.iterdir() if p.name.startswith(".storydiff-batch-")]
    assert len(staged) == 1 and str(process.pid) in staged[0].name
    # Names like it that a killed batch of this machine did not leave: kept.
    ours_alive = out / staged[0].name.replace(str(process.pid), str(os.getpid()), 1)
    other_machine = out / f".storydiff-batch-{process.pid}-00000000-abcdefgh"
    users = out / ".storydiff-batch-mine"
    for folder in (ours_alive, other_machine, users):
        folder.mkdir()
    small = tmp_path / "small"
    write_story_pair(small / "quay")
    again = subprocess.run(
        [sys.executable, "-m", "storydiff", "batch", str(small), "--out", str(out)],
        cwd=REPO, capture_output=True, text=True, timeout=PATIENCE,
    )
    assert again.returncode == 0, again.stderr
    assert not staged[0].exists()
    assert ours_alive.is_dir() and other_machine.is_dir() and users.is_dir()
    assert (out / "quay" / "alignment.json").is_file()


@needs_proc
@pytest.mark.parametrize(
    ("signum", "whole_group", "status", "says"),
    [(signal.SIGINT, False, 130, "interrupted"), (signal.SIGINT, True, 130, "interrupted"),
     (signal.SIGTERM, False, 143, "terminated")],
    ids=["kill -INT", "Ctrl-C", "kill"],
)
def test_ctrl_c_or_kill_ends_batch_and_its_workers_without_waiting_for_the_stories(
    tmp_path: Path, signum: int, whole_group: bool, status: int, says: str,
) -> None:
    # A terminal's Ctrl-C signals the whole process group; `kill` only the batch.
    stories = _huge_stories(tmp_path / "stories")
    out = tmp_path / "out"
    process, workers = _start_batch_and_wait_for_workers(stories, out)
    try:
        if whole_group:
            os.killpg(process.pid, signum)
        else:
            process.send_signal(signum)
        assert _wait_until_ended([process.pid, *workers]) == []
        assert process.wait(timeout=PATIENCE) == status
    finally:
        _end(process, workers)
    assert process.stderr is not None
    assert process.stderr.read().strip().splitlines() == [
        f"error: {says}; nothing was written"]
    assert sorted(p.name for p in out.iterdir()) == [OWNED_MARKER]


_KILLED_WRITER = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    from storydiff.coverage.store import _temporary_beside

    _temporary_beside(Path(sys.argv[1]))
    print("writing", flush=True)
    time.sleep(600)
""")


def test_the_next_compare_removes_the_temporary_file_of_a_killed_one(tmp_path: Path) -> None:
    story = write_story_pair(tmp_path / "story")
    out = tmp_path / "story.json"
    process = subprocess.Popen([sys.executable, "-c", _KILLED_WRITER, str(out)], cwd=REPO,
                               stdout=subprocess.PIPE, text=True)
    try:
        assert process.stdout is not None and process.stdout.readline() == "writing\n"
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=PATIENCE)
    finally:
        process.kill()
        process.wait()
    (left,) = [p for p in tmp_path.iterdir() if p.suffix == ".tmp"]
    # Alike names that a killed run did not leave: a live process's, a user's file.
    live = tmp_path / left.name.replace(f".{process.pid}-", f".{os.getpid()}-", 1)
    users = tmp_path / ".story.json.mine.tmp"
    live.write_text("", encoding="utf-8")
    users.write_text("notes", encoding="utf-8")
    for _ in range(2):  # writing, then finding the file up to date: both tidy up
        left.write_text("", encoding="utf-8")
        result = subprocess.run(
            [sys.executable, "-m", "storydiff", "compare", str(story), "--out", str(out), "-q"],
            cwd=REPO, capture_output=True, text=True, timeout=PATIENCE,
            env={**os.environ, "SOURCE_DATE_EPOCH": "0"},
        )
        assert result.returncode == 0, result.stderr
        assert out.is_file() and not left.exists()
        assert live.exists() and users.read_text(encoding="utf-8") == "notes"


@needs_proc
def test_a_worker_killed_mid_batch_costs_no_story(tmp_path: Path) -> None:
    # A dead worker breaks its whole pool; the stories it took down are run again.
    stories = tmp_path / "stories"
    stories.mkdir()
    for number in range(4):
        _big_story(stories / f"story-{number}", 60)
    out = tmp_path / "out"
    process, workers = _start_batch_and_wait_for_workers(stories, out)
    try:
        os.kill(workers[0], signal.SIGKILL)
        assert process.wait(timeout=PATIENCE) == 0
    finally:
        _end(process, workers)
    assert process.stderr is not None
    assert "4 stories reported, 0 failed" in process.stderr.read()
    for number in range(4):
        assert (out / f"story-{number}" / "alignment.json").is_file()
    assert not [p for p in out.rglob("*") if p.name.endswith(".tmp")]
