"""Inputs whose structure, not size, is the attack: YAML aliases, giant numbers, deep nesting.

Each is a few kilobytes at most and used to hang the tool or end in a traceback (issue 10,
items 4 and 5). Each must now be one ``error:`` line naming the file, exit status 2, or a
skipped file with a warning when good articles sit beside it.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from storydiff.coverage.ingest import read_articles
from tests.hostile.support import STORY, assert_one_error, invoke, write_story_pair

REPO = Path(__file__).resolve().parents[2]
PATIENCE = 120.0
"""Seconds the bomb run may take before the test gives up; a bound, not a pace."""


def _front_matter(tmp_path: Path, header: str, name: str = "post.md") -> Path:
    path = tmp_path / name
    path.write_text(f"---\n{header}---\n{STORY}", encoding="utf-8")
    return path


def _alias_bomb() -> str:
    """Nine levels of nine aliases each: under 500 bytes that name 9**9 strings."""
    lines = ['l0: &l0 ["ha", "ha", "ha", "ha", "ha", "ha", "ha", "ha", "ha"]']
    for level in range(1, 9):
        lines.append(f"l{level}: &l{level} [" + ", ".join([f"*l{level - 1}"] * 9) + "]")
    lines.append("title: [" + ", ".join(["*l8"] * 9) + "]")
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------------------
# Item 4: YAML front matter


def test_alias_bomb_in_front_matter_is_refused_at_once(tmp_path: Path) -> None:
    bomb = _alias_bomb()
    assert len(bomb.encode()) < 600
    path = _front_matter(tmp_path, bomb)
    # A subprocess, so a regression hangs one child that is killed, not the test run.
    done = subprocess.run(
        [sys.executable, "-m", "storydiff", "compare", str(path)],
        cwd=REPO, capture_output=True, text=True, timeout=PATIENCE, check=False,
    )
    assert done.returncode == 2, done.stderr
    assert done.stdout == ""
    assert done.stderr.splitlines() == [
        f"error: {path}: malformed front matter (aliases are not read, found *l0 at line 3)"
    ]


def test_a_single_alias_is_refused_too(tmp_path: Path) -> None:
    path = _front_matter(tmp_path, "name: &who Quay Herald\noutlet: *who\n")
    assert_one_error(invoke("compare", str(path)), names="post.md",
                     says="malformed front matter (aliases are not read, found *who at line 3)")


@pytest.mark.parametrize(
    ("header", "says"),
    [("title:\n  main: Quay shut\n  sub: Crane fell\n",
      "front matter 'title' is not text or a short list of text (a mapping)"),
     ("author: [[Kim Lee, Raj Patel]]\n",
      "front matter 'author' is not text or a short list of text (a list)"),
     ("authors: [" + ", ".join(f"Writer {n}" for n in range(30)) + "]\n",
      "front matter 'authors' lists 30 items (at most 20)"),
     ("title: " + "Quay " * 1000 + "\n",
      "front matter 'title' is too long (4,999 characters; at most 2,000)"),
     ("notes: " + "[" * 20 + "]" * 20 + "\n",
      "malformed front matter (nested deeper than 8 levels at line 2)")],
    ids=["mapping", "nested-list", "long-list", "long-text", "deep-unknown-field"],
)
def test_known_fields_hold_only_short_text(tmp_path: Path, header: str, says: str) -> None:
    path = _front_matter(tmp_path, header)
    assert_one_error(invoke("compare", str(path)), names="post.md", says=says)


def test_front_matter_over_its_cap_is_refused(tmp_path: Path) -> None:
    notes = "".join(f"note{n}: the crane was inspected in spring\n" for n in range(2000))
    path = _front_matter(tmp_path, notes)
    assert_one_error(invoke("compare", str(path)), names="post.md",
                     says="front matter too large (")


def test_scalars_and_short_lists_are_still_read(tmp_path: Path) -> None:
    path = _front_matter(
        tmp_path,
        "outlet: Quay Herald\ntitle: 2024\nauthors: [Kim Lee, Raj Patel]\n"
        "published: 2016-06-24 10:00:00\nnotes: {kept: [as, they, are]}\n",
    )
    (article,) = read_articles(str(path))
    assert article.metadata.outlet == "Quay Herald"
    assert article.metadata.title == "2024"
    assert article.metadata.author == "Kim Lee and Raj Patel"
    assert article.metadata.published == "2016-06-24"


def test_an_aliased_file_among_good_ones_is_skipped_with_a_warning(tmp_path: Path) -> None:
    folder = write_story_pair(tmp_path / "story")
    _front_matter(folder, "name: &who Quay Herald\noutlet: *who\n", name="bomb.md")
    result = invoke("compare", str(folder), "--quiet")
    assert result.exit_code == 0, result.output
    assert "warning: " in result.stderr and "bomb.md: malformed front matter" in result.stderr
    assert "Traceback" not in result.output
