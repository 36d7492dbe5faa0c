"""The outlets screen: ranked derivations with their evidence, outlet profiles, and the
shared sentences side by side, all read from the alignment file."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from storydiff.coverage.model import Alignment
from storydiff.coverage.pipeline import compare_articles
from storydiff.coverage.store import read_alignment, write_alignment
from storydiff.tui.app import make_app
from storydiff.tui.screens.article import ArticleScreen
from storydiff.tui.screens.main import MainScreen
from storydiff.tui.screens.outlets import (
    DerivationTable,
    OutletsScreen,
    ProfileTable,
    SharedPairs,
    SharedSentencesScreen,
)
from storydiff.tui.view import shared_sentences
from tests.coverage.test_provenance import REWRITE, WIRE
from tests.tui.helpers import ALIGNMENT, screen_text
from tests.tui.test_hostile_text import all_segment_text

REPO = Path(__file__).resolve().parents[2]
DEMO = REPO / "alignments" / "kessford-spill.json"
WIDE = (160, 50)


@pytest.fixture(scope="module")
def demo() -> Alignment:
    return read_alignment(DEMO)


class TestDerivations:
    """The ranked links and the evidence of the one under the cursor."""

    async def test_p_lists_every_derivation_strongest_first_with_its_evidence(
        self, demo: Alignment
    ) -> None:
        app = make_app(DEMO)
        async with app.run_test(size=WIDE) as pilot:
            await pilot.press("p")
            assert isinstance(app.screen, OutletsScreen)
            table = app.screen.query_one(DerivationTable)
            assert table.row_count == len(demo.provenance) == 3
            text = screen_text(app)
            assert "NewsPulse ran Meridian Wire's copy" in text
            assert "NewsPulse credits Meridian Wire (contributed" in text
            assert "rewrite via NewsPulse" in text
            await pilot.press("j")
            assert table.highlighted() == demo.provenance[1]
            assert "Marrow Angler probably rewrote NewsPulse" in screen_text(app)
            await pilot.press("escape")
            assert isinstance(app.screen, MainScreen)

    async def test_the_palette_offers_the_outlets_screen(self) -> None:
        app = make_app(DEMO)
        async with app.run_test(size=WIDE) as pilot:
            titles = {title: callback for title, callback, _ in app.palette_commands()}
            titles["view: outlets and provenance"]()
            await pilot.pause()
            assert isinstance(app.screen, OutletsScreen)

    async def test_enter_shows_the_shared_sentences_side_by_side(self, demo: Alignment) -> None:
        app = make_app(DEMO)
        async with app.run_test(size=WIDE) as pilot:
            await pilot.press("p", "enter")
            assert isinstance(app.screen, SharedSentencesScreen)
            pairs = app.screen.query_one(SharedPairs)
            first = demo.provenance[0]
            shared = shared_sentences(first)
            assert pairs.option_count == len(shared) + 1  # a header row of outlet names
            lines = screen_text(app).splitlines()
            # the source and derived sentences of a pair sit on one line, side by side
            assert any(
                shared[1].source.text[:30] in line and shared[1].derived.text[:30] in line
                for line in lines
            )
            await pilot.press("enter")
            assert isinstance(app.screen, MainScreen)
            assert app.selected_claim == shared[0].claim

    async def test_a_opens_the_derived_article_at_the_shared_sentence(
        self, demo: Alignment
    ) -> None:
        app = make_app(DEMO)
        async with app.run_test(size=WIDE) as pilot:
            await pilot.press("p", "enter", "j", "a")
            assert isinstance(app.screen, ArticleScreen)
            assert app.screen.article.id == demo.provenance[0].derived


class TestProfiles:
    """One row per outlet: shared, own, left out, altered, figures, credits."""

    async def test_o_shows_each_outlet_profile(self, demo: Alignment) -> None:
        app = make_app(DEMO)
        async with app.run_test(size=WIDE) as pilot:
            await pilot.press("p", "o")
            table = app.screen.query_one(ProfileTable)
            assert table.has_focus
            assert table.row_count == len(demo.articles)
            await pilot.press("j")  # the Daily Clarion
            text = screen_text(app)
            assert "Daily Clarion credits Ledger (reported" in text
            assert "number_subject_changed" in text or "qualifier_changed" in text
            await pilot.press("enter")
            assert isinstance(app.screen, ArticleScreen)
            assert app.screen.article.id == "03-daily-clarion"

    async def test_a_file_without_provenance_says_so(self) -> None:
        app = make_app(ALIGNMENT)
        async with app.run_test(size=WIDE) as pilot:
            await pilot.press("p")
            assert "holds no provenance: re-run storydiff compare" in screen_text(app)
            await pilot.press("o")
            assert "holds no outlet profiles" in screen_text(app)


HOSTILE_OUTLET = "[bold red]Evil[/bold red] Wire"
HOSTILE_SENTENCE = (
    "Two crew members were treated for smoke inhalation at [b]Selmouth[/b] General "
    "Hospital \x1b[31mtonight\x1b[0m, the coastguard said."
)


async def test_hostile_text_is_shown_literally(tmp_path: Path) -> None:
    wire_sentences = [s.text for s in WIRE.sentences]
    rewrite_sentences = [s.text for s in REWRITE.sentences]
    wire_sentences[1] = rewrite_sentences[1] = HOSTILE_SENTENCE
    wire = replace(
        WIRE,
        outlet=HOSTILE_OUTLET,
        text=" ".join(wire_sentences),
        sentences=tuple(
            replace(s, text=t) for s, t in zip(WIRE.sentences, wire_sentences, strict=True)
        ),
    )
    rewrite = replace(
        REWRITE,
        text=" ".join(rewrite_sentences),
        sentences=tuple(
            replace(s, text=t) for s, t in zip(REWRITE.sentences, rewrite_sentences, strict=True)
        ),
    )
    alignment = compare_articles([wire, rewrite], created="t")
    assert alignment.provenance
    path = tmp_path / "hostile.json"
    write_alignment(alignment, path)
    app = make_app(path)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("p")
        text = screen_text(app)
        assert HOSTILE_OUTLET in text
        assert "at [b]Selmouth[/b] General" in text
        assert "\x1b" not in all_segment_text(app)
        await pilot.press("enter")
        assert isinstance(app.screen, SharedSentencesScreen)
        assert "[b]Selmouth[/b]" in screen_text(app)
        assert "\x1b" not in all_segment_text(app)
        await pilot.press("escape", "o")
        assert HOSTILE_OUTLET in screen_text(app)
