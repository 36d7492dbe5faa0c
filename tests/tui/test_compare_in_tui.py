"""Opening articles (not an alignment file): compare runs in a worker, then the list fills."""

from __future__ import annotations

import contextlib
import json
from pathlib import Path

import pytest
from textual.worker import WorkerCancelled

from storydiff.errors import AlignmentFormatError
from storydiff.tui.app import make_app
from storydiff.tui.widgets.claim_table import ClaimTable
from tests.tui.helpers import ALIGNMENT

# Two short articles in our own words that share a claim with a changed number.
FIRST = """Harbor bridge reopens

The harbor bridge reopened on Friday after 14 months of repairs.
The city spent 48 million dollars on the work, officials said.
Cyclists will get a separate lane from next spring.
"""
SECOND = """Bridge back in service

The harbor bridge reopened on Friday after 16 months of repairs.
The city spent 48 million dollars on the work, officials said.
Traffic was light on the first morning.
"""


def write_story(folder: Path) -> Path:
    folder.mkdir()
    (folder / "coast-gazette.txt").write_text(FIRST, encoding="utf-8")
    (folder / "metro-daily.txt").write_text(SECOND, encoding="utf-8")
    return folder


async def test_articles_are_compared_in_a_worker(tmp_path: Path) -> None:
    app = make_app(write_story(tmp_path / "bridge"))
    assert app.alignment is None
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.error_message is None
        assert app.alignment is not None
        assert len(app.alignment.articles) == 2
        table = app.main_screen.query_one(ClaimTable)
        assert table.row_count == len(app.alignment.claims) > 0
        assert app.selected_claim == table.claim_ids[0]
        assert not app.main_screen.query_one("#loading").display


async def test_a_folder_without_articles_ends_the_app_with_a_message(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    app = make_app(empty)
    async with app.run_test(size=(120, 40)) as pilot:
        # giving up exits the app, and exiting cancels the worker that asked for it
        with contextlib.suppress(WorkerCancelled):
            await app.workers.wait_for_complete()
        await pilot.pause()
    assert app.return_code == 2
    assert app.error_message is not None and str(empty) in app.error_message


async def test_an_export_into_the_article_folder_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Opened on articles, the TUI exports to the working folder; there it would be read
    # as an article by the next run.
    folder = write_story(tmp_path / "bridge")
    monkeypatch.chdir(folder)
    app = make_app(Path("."))
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.action_export_story() is None
    assert sorted(p.name for p in folder.iterdir()) == ["coast-gazette.txt", "metro-daily.txt"]


async def test_an_article_with_an_impossible_date_is_skipped_not_a_crash(tmp_path: Path) -> None:
    # February 30th used to raise inside the YAML library, in the compare worker.
    folder = write_story(tmp_path / "bridge")
    (folder / "harbour-notes.md").write_text(f"---\npublished: 2025-02-30\n---\n{FIRST}",
                                             encoding="utf-8")
    app = make_app(folder)
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.error_message is None
        assert app.alignment is not None
        assert [a.outlet for a in app.alignment.articles] == ["Coast Gazette", "Metro Daily"]
        shown = [n.message for n in app._notifications]  # what the toasts say
        assert any("harbour-notes.md" in m and "'published' is not a date" in m for m in shown)


async def test_an_alignment_with_a_duplicate_article_id_is_refused_before_the_app_runs(
    tmp_path: Path,
) -> None:
    # The matrix keys its columns by article id: a second 'ledger' crashed it.
    data = json.loads(ALIGNMENT.read_text(encoding="utf-8"))
    data["articles"][1]["id"] = data["articles"][0]["id"]
    path = tmp_path / "twice.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(AlignmentFormatError, match="article id 'ledger' appears twice"):
        make_app(path)
