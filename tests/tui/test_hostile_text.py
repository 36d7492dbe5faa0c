"""Article text is hostile: markup shows literally, escapes never reach the terminal."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from textual.fuzzy import Matcher

from storydiff.coverage.model import Alignment, DroppedLine
from storydiff.coverage.store import read_alignment, write_alignment
from storydiff.tui.app import make_app
from storydiff.tui.commands import highlight_plain
from storydiff.tui.render import printable
from storydiff.tui.screens.article import ArticleScreen
from storydiff.tui.widgets.outlet_versions import ClaimDetail
from tests.tui.helpers import ALIGNMENT, screen_text

OUTLET = "[bold red]Evil[/bold red] News"
LABEL = "[link=http://x]click[/link] me"
SENTENCE = "Floods [b]hit[/b] \x1b[31mred\x1b[0m homes\x07 \x1b]0;title\x07today."


def hostile_alignment() -> Alignment:
    """The fixed story with markup and escapes in an outlet name, a label and sentences."""
    story = read_alignment(ALIGNMENT)
    articles = tuple(
        replace(
            a,
            outlet=OUTLET,
            text=a.text.replace(a.sentences[1].text, SENTENCE),
            sentences=(a.sentences[0], replace(a.sentences[1], text=SENTENCE), *a.sentences[2:]),
            dropped=(DroppedLine(text="[i]dropped[/i] \x1b[2J", reason="boilerplate"),),
        )
        if a.id == "harbor"
        else a
        for a in story.articles
    )
    c1 = story.claims[0]
    members = tuple(
        replace(m, text=SENTENCE, diff=()) if m.article == "harbor" else m for m in c1.members
    )
    claims = (replace(c1, label=LABEL, members=members), *story.claims[1:])
    return replace(story, articles=articles, claims=claims)


@pytest.fixture
def hostile_file(tmp_path: Path) -> Path:
    path = tmp_path / "hostile.json"
    write_alignment(hostile_alignment(), path)
    return path


def all_segment_text(app: object) -> str:
    return "".join(
        segment.text
        for strip in app.screen._compositor.render_strips()  # type: ignore[attr-defined]
        for segment in strip
    )


def test_printable_strips_escapes_and_controls() -> None:
    assert printable("a\x1b[31mb\x1b[0m\x07c") == "abc"
    assert printable("x\x1b]8;;http://evil\x1b\\y") == "xy"
    assert printable("tab\there\nline") == "tab here line"
    assert printable("keep\nline", keep_newlines=True) == "keep\nline"
    assert printable("[bold]x[/bold]") == "[bold]x[/bold]"


async def test_markup_shows_literally_on_every_screen(hostile_file: Path) -> None:
    app = make_app(hostile_file)
    async with app.run_test(size=(160, 50)) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert LABEL in text  # in the list and in the detail heading
        assert OUTLET in text
        assert "Floods [b]hit[/b] red homes today." in text
        assert "\x1b" not in all_segment_text(app) and "\x07" not in all_segment_text(app)

        await pilot.press("m")
        assert "[bold r" in screen_text(app)  # the outlet column header, cut to 8 characters
        await pilot.press("escape", "f")
        assert OUTLET in screen_text(app)
        await pilot.press("escape")

        await pilot.click(app.main_screen.query_one(ClaimDetail).version_of("harbor"))
        assert isinstance(app.screen, ArticleScreen)
        await pilot.press("d")
        text = screen_text(app)
        assert "Floods [b]hit[/b] red homes today." in text
        assert "[boilerplate] [i]dropped[/i]" in text
        assert "\x1b" not in all_segment_text(app)
        svg = app.export_screenshot()
        assert "\x1b" not in svg and "[i]dropped[/i]" in svg


async def test_palette_titles_with_markup_are_plain(hostile_file: Path) -> None:
    app = make_app(hostile_file)
    async with app.run_test(size=(160, 50)):
        titles = [title for title, _, _ in app.palette_commands()]
        assert f"filter: outlet {OUTLET}" in titles


CLICK_OUTLET = "[@click=app.quit]Quay Gazette[/]"
UNBALANCED_OUTLET = "Tidewater[/i] Courier"


async def test_palette_hits_show_outlet_markup_literally(tmp_path: Path) -> None:
    # The palette highlights what matched the query; an outlet name from front matter must
    # not become a live link in it, nor break the search with an unbalanced tag.
    story = read_alignment(ALIGNMENT)
    outlets = {"ledger": CLICK_OUTLET, "wire": UNBALANCED_OUTLET}
    articles = tuple(replace(a, outlet=outlets.get(a.id, a.outlet)) for a in story.articles)
    path = tmp_path / "palette.json"
    write_alignment(replace(story, articles=articles), path)
    app = make_app(path)
    async with app.run_test(size=(160, 50)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.press(*"filter: outlet")
        await app.workers.wait_for_complete()  # the palette searches in a worker
        await pilot.pause()
        text = screen_text(app)
        assert f"filter: outlet {CLICK_OUTLET}" in text
        assert f"filter: outlet {UNBALANCED_OUTLET}" in text
        assert "filter: outlet Harbor Times" in text
        await pilot.press("escape")
        assert app.is_running


def test_palette_highlight_styles_the_matched_letters_of_the_plain_title() -> None:
    content = highlight_plain(Matcher("gazette"), CLICK_OUTLET)
    assert content.plain == CLICK_OUTLET
    styled = "".join(CLICK_OUTLET[s.start : s.end] for s in content.spans)
    assert styled.lower() == "gazette"
    assert "click" not in repr(content.spans)
