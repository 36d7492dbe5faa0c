"""Inputs whose structure, not size, is the attack: YAML aliases, giant numbers, deep nesting.

Each is a few kilobytes at most and used to hang the tool or end in a traceback (issue 10,
items 4 and 5). Each must now be one ``error:`` line naming the file, exit status 2, or a
skipped file with a warning when good articles sit beside it.
"""

from __future__ import annotations

import json
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


# ---------------------------------------------------------------------------
# Item 5: what used to end in a traceback and exit status 1

_HUGE = "9" * 5000
_DEEP = "[" * 100_000 + "]" * 100_000


def _record(extra: str) -> str:
    return '{"outlet": "Quay Herald", "text": ' + f'"{STORY.strip()}", "notes": {extra}' + "}"


@pytest.mark.parametrize(
    ("name", "content", "says"),
    [("huge.json", _record(_HUGE), "cannot read this JSON (a number more than 4,300 digits long)"),
     ("deep.json", _record(_DEEP), "cannot read this JSON (nested too deeply)"),
     ("huge.jsonl", _record(_HUGE) + "\n", "line 1: cannot read this JSON (a number more than"),
     ("deep.jsonl", _record(_DEEP) + "\n", "line 1: cannot read this JSON (nested too deeply)")],
    ids=["json-huge-integer", "json-deep", "jsonl-huge-integer", "jsonl-deep"],
)
def test_json_article_with_a_huge_integer_or_deep_nesting(
    tmp_path: Path, name: str, content: str, says: str
) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    assert_one_error(invoke("compare", str(path)), names=name, says=says)
    # Beside good articles it is skipped with a warning and the others are compared.
    folder = write_story_pair(tmp_path / "story")
    (folder / name).write_text(content, encoding="utf-8")
    result = invoke("compare", str(folder), "--quiet")
    assert result.exit_code == 0, result.output
    assert f"warning: {folder / name}: {says}" in result.stderr


@pytest.mark.parametrize(
    ("header", "published"),
    [("published: 2025-02-30\n", None),
     ("published: 2025-02-03T10:00:00+99:00\n", "2025-02-03"),
     ("published: 2025-13-01 08:00:00\n", None),
     ("title: " + _HUGE[:4400] + "\n", None)],
    ids=["day-30-of-february", "offset-of-99-hours", "month-13", "title-of-4400-digits"],
)
def test_impossible_dates_and_numbers_in_front_matter(
    tmp_path: Path, header: str, published: str | None
) -> None:
    path = _front_matter(tmp_path, header)
    result = invoke("inspect", str(path), "--json")
    if published is None:
        line = assert_one_error(result, names="post.md", says="front matter")
        assert "'published' is not a date" in line or "is too long" in line
    else:
        assert result.exit_code == 0, result.output
        (article,) = json.loads(result.stdout)["articles"]
        assert article["published"] == published


def _good_alignment(tmp_path: Path) -> str:
    result = invoke("compare", str(write_story_pair(tmp_path / "story")), "--quiet")
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.mark.parametrize("command", ["report", "tui"])
@pytest.mark.parametrize(
    ("extra", "says"),
    [(_HUGE, "(a number more than 4,300 digits long)"), (_DEEP, "(nested too deeply)")],
    ids=["huge-integer", "deep"],
)
def test_alignment_file_with_a_huge_integer_or_deep_nesting(
    tmp_path: Path, command: str, extra: str, says: str
) -> None:
    text = _good_alignment(tmp_path)
    path = tmp_path / "alignment.json"
    path.write_text(text.replace('"created"', f'"notes": {extra},\n "created"', 1),
                    encoding="utf-8")
    assert_one_error(invoke(command, str(path)), names="alignment.json",
                     says=f"not an alignment file storydiff wrote {says}")


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="/dev/full is absent on this system")
@pytest.mark.parametrize(
    "args",
    [("compare", "{story}", "--quiet"), ("report", "{alignment}"),
     ("report", "{alignment}", "--format", "json"), ("inspect", "{story}"),
     ("inspect", "{story}", "--json")],
    ids=["compare", "report", "report-json", "inspect", "inspect-json"],
)
def test_stdout_on_a_full_disk_is_one_error(tmp_path: Path, args: tuple[str, ...]) -> None:
    story = write_story_pair(tmp_path / "story")
    alignment = tmp_path / "alignment.json"
    alignment.write_text(_good_alignment(tmp_path / "again"), encoding="utf-8")
    argv = [a.format(story=story, alignment=alignment) for a in args]
    with open("/dev/full", "w", encoding="utf-8") as full:
        done = subprocess.run(
            [sys.executable, "-m", "storydiff", *argv], cwd=REPO, stdout=full,
            stderr=subprocess.PIPE, text=True, timeout=PATIENCE, check=False,
        )
    assert done.returncode == 2, done.stderr
    assert done.stderr.splitlines() == ["error: stdout: cannot write (No space left on device)"]


def _run_with(redirect: str, *argv: str) -> subprocess.CompletedProcess[str]:
    """storydiff run by a shell with ``redirect`` (``>&-``, ``2>/dev/full``) applied."""
    return subprocess.run(
        ["sh", "-c", f'exec "$@" {redirect}', "sh", sys.executable, "-m", "storydiff", *argv],
        cwd=REPO, capture_output=True, text=True, timeout=PATIENCE, check=False,
    )


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="/dev/full is absent on this system")
@pytest.mark.parametrize("argv", [["--help"], ["--version"], ["compare", "--help"]])
def test_help_and_version_on_a_full_disk_are_one_error(argv: list[str]) -> None:
    done = _run_with(">/dev/full", *argv)
    assert done.returncode == 2, done.stderr
    assert done.stderr.splitlines() == ["error: stdout: cannot write (No space left on device)"]


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="/dev/full is absent on this system")
def test_a_stderr_that_cannot_be_written_does_not_change_the_exit_status(tmp_path: Path) -> None:
    # Status 1 would read as "a --fail-on divergence was found".
    story = write_story_pair(tmp_path / "story")
    compared = _run_with("2>/dev/full", "compare", str(story))  # a summary and progress
    assert compared.returncode == 0
    assert json.loads(compared.stdout)["articles"]
    assert _run_with("2>/dev/full", "compare", str(tmp_path / "missing")).returncode == 2
    batch = _run_with("2>/dev/full", "batch", str(tmp_path), "--out", str(tmp_path / "out"))
    assert batch.returncode == 0
    assert (tmp_path / "out" / "story" / "alignment.json").is_file()


def test_a_closed_stdout_is_one_error_and_an_out_file_is_still_written(tmp_path: Path) -> None:
    story = write_story_pair(tmp_path / "story")
    for argv in (["compare", str(story), "--quiet"], ["inspect", str(story)]):
        done = _run_with(">&-", *argv)
        assert done.returncode == 2, done.stderr
        assert done.stderr.splitlines() == ["error: stdout: cannot write (it is closed)"]
    out = tmp_path / "alignment.json"
    written = _run_with(">&-", "compare", str(story), "--out", str(out), "--quiet")
    assert written.returncode == 0, written.stderr
    assert json.loads(out.read_text(encoding="utf-8"))["articles"]


def test_a_number_of_four_hundred_digits_in_article_text_is_not_a_figure(tmp_path: Path) -> None:
    # It read as infinity: compare ended in an OverflowError, and an alignment file
    # holding Infinity is one the reader refuses.
    digits = "9" * 400
    folder = tmp_path / "story"
    folder.mkdir()
    (folder / "quay-herald.txt").write_text(
        f"The board said {digits} barges and 12 cranes were hit on Friday.\n", encoding="utf-8")
    (folder / "dock-post.txt").write_text(
        f"On Friday {digits} barges and 12 cranes were hit, the board said.\n", encoding="utf-8")
    out = tmp_path / "alignment.json"
    compared = invoke("compare", str(folder), "--quiet", "--out", str(out))
    assert compared.exit_code == 0, compared.output
    alignment = json.loads(out.read_text(encoding="utf-8"))
    surfaces = {n["surface"] for c in alignment["claims"] for n in c.get("numbers", [])}
    assert surfaces == {"12"}
    reported = invoke("report", str(out), "--format", "md")
    assert reported.exit_code == 0, reported.output
