"""Symbolic links out of a folder and files that are no regular files (FIFOs, devices).

A folder is read only for what lies inside it: a link in a story folder to a file
elsewhere (``/etc/shadow``) is skipped with a warning naming the link, and read only
when the user names it. A FIFO is never opened (opening one for reading blocks until a
writer comes): named, it is one error; in a folder, a skipped file with a warning.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.hostile.support import assert_one_error, invoke, write_story_pair

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX links and FIFOs")

REPO = Path(__file__).resolve().parents[2]
PATIENCE = 60.0
"""Seconds a run that must not block is given before it counts as blocked; a bound."""

SECRET = "The vault code is written on the underside of the blue teapot in the pantry.\n"
LEAK_MESSAGE = "symbolic link to a file outside the folder; name it to read it"


def _secret_outside(tmp_path: Path) -> Path:
    outside = tmp_path / "private"
    outside.mkdir()
    secret = outside / "secret.txt"
    secret.write_text(SECRET, encoding="utf-8")
    return secret


def _story_with_leak(tmp_path: Path) -> Path:
    story = write_story_pair(tmp_path / "story")
    (story / "leak.txt").symlink_to(_secret_outside(tmp_path))
    return story


def test_link_out_of_a_folder_is_skipped_with_a_warning(tmp_path: Path) -> None:
    story = _story_with_leak(tmp_path)
    result = invoke("compare", str(story), "--quiet")
    assert result.exit_code == 0, result.output
    assert "vault code" not in result.stdout
    assert [Path(a["path"]).name for a in json.loads(result.stdout)["articles"]] == [
        "dock-post.txt", "quay-herald.txt",
    ]
    assert result.stderr.splitlines() == [
        f"warning: {story / 'leak.txt'}: {LEAK_MESSAGE} (skipped)"
    ]


def test_link_out_of_a_folder_is_read_when_named(tmp_path: Path) -> None:
    story = _story_with_leak(tmp_path)
    result = invoke("compare", str(story / "leak.txt"), str(story / "quay-herald.txt"), "--quiet")
    assert result.exit_code == 0, result.output
    assert "vault code" in result.stdout
    assert "warning" not in result.stderr


def test_link_out_of_a_folder_is_listed_by_inspect(tmp_path: Path) -> None:
    story = _story_with_leak(tmp_path)
    result = invoke("inspect", str(story), "--json")
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["failures"] == [
        {"path": str(story / "leak.txt"), "message": LEAK_MESSAGE, "skipped": True}
    ]
    assert "vault code" not in result.stdout


def test_folder_of_only_a_link_out_is_one_error(tmp_path: Path) -> None:
    story = tmp_path / "story"
    story.mkdir()
    (story / "leak.txt").symlink_to(_secret_outside(tmp_path))
    assert_one_error(invoke("compare", str(story)), names="leak.txt", says=LEAK_MESSAGE)


def test_links_that_stay_inside_are_read(tmp_path: Path) -> None:
    # A link between files of the folder, and a folder reached through a link, are fine.
    story = write_story_pair(tmp_path / "story")
    (story / "sub").mkdir()
    (story / "quay-herald.txt").rename(story / "sub" / "quay-herald.txt")
    (story / "quay-herald.txt").symlink_to(Path("sub") / "quay-herald.txt")
    alias = tmp_path / "alias"
    alias.symlink_to(story, target_is_directory=True)
    result = invoke("compare", str(alias), "--quiet")
    assert result.exit_code == 0, result.output
    assert len(json.loads(result.stdout)["articles"]) == 2
    assert "warning" not in result.stderr


def test_broken_link_in_a_folder_is_skipped_with_a_warning(tmp_path: Path) -> None:
    story = write_story_pair(tmp_path / "story")
    (story / "gone.txt").symlink_to(story / "never-there.txt")
    result = invoke("compare", str(story), "--quiet")
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines() == [
        f"warning: {story / 'gone.txt'}: broken symbolic link (skipped)"
    ]


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    # A real process with a bound: before the fix, reading a FIFO blocked forever.
    return subprocess.run(
        [sys.executable, "-m", "storydiff", *args], cwd=REPO, capture_output=True,
        text=True, timeout=PATIENCE, check=False,
    )


def test_fifo_named_on_the_command_line_is_one_error(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    out = tmp_path / "out.json"
    result = _run("compare", str(fifo), "--out", str(out))
    assert result.returncode == 2, result.stderr
    assert result.stderr.splitlines() == [f"error: {fifo}: not a regular file (a FIFO)"]
    assert not out.exists()


def test_fifo_in_a_folder_is_skipped_with_a_warning(tmp_path: Path) -> None:
    story = write_story_pair(tmp_path / "story")
    os.mkfifo(story / "pipe.txt")
    result = _run("compare", str(story), "--quiet")
    assert result.returncode == 0, result.stderr
    assert len(json.loads(result.stdout)["articles"]) == 2
    assert result.stderr.splitlines() == [
        f"warning: {story / 'pipe.txt'}: not a regular file (a FIFO) (skipped)"
    ]


def test_character_device_named_is_one_error() -> None:
    if not os.path.exists("/dev/zero"):
        pytest.skip("/dev/zero is absent here")
    result = invoke("inspect", "/dev/zero")
    assert_one_error(result, names="/dev/zero", says="not a regular file (a character device)")
