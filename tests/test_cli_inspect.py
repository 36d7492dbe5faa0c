"""``storydiff inspect``: tables and JSON on stdout, one error line per bad source."""

from __future__ import annotations

import json
import re
from pathlib import Path

from typer.testing import CliRunner

from storydiff.cli import app

DATA = Path(__file__).resolve().parent / "data" / "ingest"
runner = CliRunner()


def test_inspect_shows_metadata_and_dropped_lines() -> None:
    result = runner.invoke(app, ["inspect", str(DATA / "web_paste.txt")])
    assert result.exit_code == 0, result.output
    assert "coastal-times-2023-03-06" in result.stdout
    assert "Mara Quint" in result.stdout
    assert "byline" in result.stdout and "Leave a comment" in result.stdout
    assert re.search(r"credit\W+Coastal Times", result.stdout)  # the credit's own row
    assert result.stderr == ""


def test_inspect_json() -> None:
    result = runner.invoke(app, ["inspect", "--json", str(DATA / "web_paste.txt")])
    assert result.exit_code == 0
    report = json.loads(result.stdout)
    (article,) = report["articles"]
    assert article["outlet"] == "Coastal Times"
    assert article["published"] == "2023-03-06"
    assert article["credit"] == "Coastal Times"  # "(Coastal Times) —" opens the text
    assert article["sentences"] == 7
    assert {"reason": "prompt", "text": "Leave a comment"} in article["dropped"]
    assert report["failures"] == []


def test_bad_file_among_good_ones_is_skipped_with_a_warning_like_compare() -> None:
    # Issue 10: inspect exited 2 on a folder that compare reads with a warning.
    folder = DATA / "mixed"
    result = runner.invoke(app, ["inspect", "--json", str(folder)])
    assert result.exit_code == 0
    report = json.loads(result.stdout)
    assert [a["path"] for a in report["articles"]] == [
        f"{folder}/01-gull-gazette.txt", f"{folder}/03-note.md",
    ]
    assert report["failures"] == [
        {"path": f"{folder}/02-empty.txt", "message": "empty file", "skipped": True},
    ]
    warning = f"warning: {folder}/02-empty.txt: empty file (skipped)"
    assert result.stderr.splitlines() == [warning]
    compared = runner.invoke(app, ["compare", "--quiet", str(folder)])
    assert compared.exit_code == 0
    assert compared.stderr.splitlines() == [warning]


def test_binary_file_in_a_folder_is_skipped_like_compare(tmp_path: Path) -> None:
    story, _ = _story_with_a_notes_file(tmp_path)
    photo = story / "03-photo.txt"
    photo.write_bytes(b"\x00\x01\x02" * 100)
    warning = f"warning: {photo}: binary file, not text (skipped)"
    for command in ("inspect", "compare"):
        result = runner.invoke(app, [command, "--quiet", str(story)] if command == "compare"
                               else [command, str(story)])
        assert result.exit_code == 0, (command, result.output)
        assert warning in result.stderr.splitlines(), command
        assert "error:" not in result.stderr, command


def _story_with_a_notes_file(tmp_path: Path) -> tuple[Path, Path]:
    story = tmp_path / "story"
    story.mkdir()
    (story / "01-bay-wire.txt").write_text(
        "Ferry fares rise\n\nFares on the island ferry will rise by 4% in April, the "
        "operator said on Monday.\n", encoding="utf-8")
    (story / "02-harbour-news.txt").write_text(
        "Ferry fares up\n\nThe island ferry will charge 4% more from April, its operator "
        "said.\n", encoding="utf-8")
    notes = story / "answers.json"
    notes.write_text(json.dumps({"expected": [{"type": "number_changed"}]}), encoding="utf-8")
    return story, notes


def test_non_article_json_in_a_folder_is_skipped_like_compare(tmp_path: Path) -> None:
    story, notes = _story_with_a_notes_file(tmp_path)
    warning = f"warning: {notes}: no 'text' field with the article text (skipped)"
    inspected = runner.invoke(app, ["inspect", str(story)])
    compared = runner.invoke(app, ["compare", "--quiet", str(story)])
    assert (inspected.exit_code, compared.exit_code) == (0, 0)
    assert inspected.stderr.splitlines() == [warning]
    assert compared.stderr.splitlines() == [warning]
    assert "bay-wire" in inspected.stdout and "harbour-news" in inspected.stdout
    report = json.loads(runner.invoke(app, ["inspect", "--json", str(story)]).stdout)
    assert len(report["articles"]) == 2
    assert report["failures"] == [{
        "path": str(notes), "message": "no 'text' field with the article text", "skipped": True,
    }]


def test_non_article_file_named_directly_is_an_error_for_both_commands(tmp_path: Path) -> None:
    _, notes = _story_with_a_notes_file(tmp_path)
    error = f"error: {notes}: no 'text' field with the article text"
    for command in ("inspect", "compare"):
        result = runner.invoke(app, [command, str(notes)])
        assert result.exit_code == 2, command
        assert result.stderr.splitlines() == [error], command
        assert "Traceback" not in result.output


def test_named_bad_file_is_an_error_even_beside_a_folder(tmp_path: Path) -> None:
    story, notes = _story_with_a_notes_file(tmp_path)
    other = tmp_path / "elsewhere.json"
    other.write_bytes(notes.read_bytes())
    result = runner.invoke(app, ["inspect", str(story), str(other)])
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"warning: {notes}: no 'text' field with the article text (skipped)",
        f"error: {other}: no 'text' field with the article text",
    ]


def test_folder_of_only_non_articles_is_an_error(tmp_path: Path) -> None:
    folder = tmp_path / "notes"
    folder.mkdir()
    (folder / "answers.json").write_text('{"expected": []}', encoding="utf-8")
    result = runner.invoke(app, ["inspect", str(folder)])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"error: {folder}/answers.json: no 'text' field")


def test_every_failure_gets_one_line_and_no_traceback(tmp_path: Path) -> None:
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\x00\x01\x02" * 100)
    missing = tmp_path / "gone.txt"
    result = runner.invoke(app, ["inspect", str(missing), str(binary)])
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"error: {missing}: no such file or folder",
        f"error: {binary}: binary file, not text",
    ]
    assert "Traceback" not in result.output
    assert result.stdout == ""


def test_empty_folder(tmp_path: Path) -> None:
    result = runner.invoke(app, ["inspect", str(tmp_path)])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"error: {tmp_path}: no articles found")
    assert len(result.stderr.splitlines()) == 1


def test_hostile_text_is_shown_literally(tmp_path: Path) -> None:
    path = tmp_path / "hostile.json"
    path.write_text(json.dumps({
        "title": "[bold red]Loud[/bold red] \u001b[31mred\u001b[0m",
        "outlet": "[link=file:///etc]Outlet[/link]",
        "text": "The pier [italic]reopened[/italic] on Monday after a long year of works.",
    }), encoding="utf-8")
    result = runner.invoke(app, ["inspect", str(path)])
    assert result.exit_code == 0, result.output
    assert "[bold red]Loud[/bold red]" in result.stdout
    assert "[link=file:///etc]Outlet[/link]" in result.stdout
    assert "\u001b" not in result.stdout


def test_inspect_has_help_with_an_example() -> None:
    result = runner.invoke(app, ["inspect", "--help"])
    assert result.exit_code == 0
    assert "Example:\n    storydiff inspect" in result.stdout
