"""Pilot tests: drive the real app headless and assert on its state and widgets' data."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from textual.widgets import Static

from storydiff.coverage.model import DivergenceType
from storydiff.tui.app import StorydiffApp, make_app
from storydiff.tui.screens.article import ArticleScreen, ArticleText
from storydiff.tui.screens.help import HelpScreen
from storydiff.tui.screens.ledger import FigureLedger, LedgerScreen
from storydiff.tui.screens.main import MainScreen
from storydiff.tui.screens.matrix import CoverageMatrix, MatrixScreen
from storydiff.tui.view import SortOrder
from storydiff.tui.widgets.claim_table import ClaimTable
from storydiff.tui.widgets.outlet_versions import ClaimDetail, OutletVersion
from tests.tui.helpers import ALIGNMENT, screen_text

WIDE = (160, 50)
NARROW = (80, 24)
CHANGES_FIRST = ("c1", "c2", "c3", "c5", "c7", "c4", "c8", "c6", "c9")
"""The fixture's claims as the TUI opens on them: shared claims where outlets differ,
then shared claims that agree, then the ones a single outlet states."""


def claims_listed(app: StorydiffApp) -> tuple[str, ...]:
    return app.main_screen.query_one(ClaimTable).claim_ids


def versions_shown(app: StorydiffApp) -> list[str]:
    return [v.article.id for v in app.main_screen.query_one(ClaimDetail).versions()]


class TestMainScreen:
    """The claims list and the claim view beside it."""

    async def test_opens_on_the_claims_that_matter_with_every_claim_listed(self) -> None:
        app = make_app(ALIGNMENT)
        async with app.run_test(size=WIDE) as pilot:
            await pilot.pause()
            assert isinstance(app.screen, MainScreen)
            assert claims_listed(app) == CHANGES_FIRST
            assert app.selected_claim == "c1"
            assert versions_shown(app) == ["ledger", "harbor", "wire"]
            text = screen_text(app)
            assert "Left out by: Valley Post" in text
            assert "qualifier_changed: 712 homes → more than 700 homes" in text
            assert "9 of 9 claims · sort: changes first" in text

    async def test_one_outlets_claim_is_its_addition_not_the_others_omission(self) -> None:
        app = make_app(ALIGNMENT)
        async with app.run_test(size=WIDE) as pilot:
            await pilot.press("G")  # c9: only the Daily Ledger states it
            assert app.selected_claim == "c9"
            text = screen_text(app)
            assert "Only The Daily Ledger states this claim: its addition." in text
            assert "Left out by" not in text
            assert not app.main_screen.query_one("#claim-missing").has_class("-missing")

    async def test_j_k_and_arrows_move_the_selection_and_the_detail_follows(self) -> None:
        app = make_app(ALIGNMENT)
        async with app.run_test(size=WIDE) as pilot:
            await pilot.press("j", "down")
            assert app.selected_claim == "c3"
            assert versions_shown(app) == ["ledger", "harbor", "wire"]
            assert "quote credited to a city spokesperson" in screen_text(app)
            await pilot.press("k")
            assert app.selected_claim == "c2"
            # reference first, then the outlet that departs from it, then the rest
            assert versions_shown(app) == ["ledger", "valley", "wire"]
            await pilot.press("G")
            assert app.selected_claim == CHANGES_FIRST[-1]
            await pilot.press("g")
            assert app.selected_claim == "c1"

    async def test_outlet_rows_are_classed_altered_and_reference(self) -> None:
        app = make_app(ALIGNMENT)
        async with app.run_test(size=WIDE) as pilot:
            await pilot.pause()
            detail = app.main_screen.query_one(ClaimDetail)
            by_id = {v.article.id: v for v in detail.versions() if v.article}
            assert by_id["harbor"].has_class("-altered")
            assert not by_id["wire"].has_class("-altered")
            assert by_id["ledger"].has_class("-reference")
            assert detail.version_of("valley") is None
            assert app.main_screen.query_one("#claim-missing").has_class("-missing")

    async def test_a_word_change_is_styled_not_marked_up(self) -> None:
        app = make_app(ALIGNMENT)
        async with app.run_test(size=WIDE) as pilot:
            await pilot.pause()
            harbor = app.main_screen.query_one(ClaimDetail).version_of("harbor")
            assert harbor is not None
            rendered = harbor.render()
            assert "712 more than 700 homes" in rendered.plain
            deleted = harbor.get_component_rich_style("outlet-version--delete", partial=True)
            start = rendered.plain.index("712 more")
            spans = [s for s in rendered.spans if s.start <= start < s.end]
            assert any(s.style == deleted for s in spans)

    async def test_long_claims_show_a_few_versions_until_v(self) -> None:
        app = make_app(ALIGNMENT)
        async with app.run_test(size=WIDE) as pilot:
            detail = app.main_screen.query_one(ClaimDetail)
            detail.version_limit = 2
            await pilot.press(*["j"] * CHANGES_FIRST.index("c4"))  # c4: all four outlets
            assert versions_shown(app) == ["ledger", "harbor"]
            assert "… and 2 more outlets state this claim (v: show all)" in screen_text(app)
            await pilot.press("v")
            assert versions_shown(app) == ["ledger", "harbor", "wire", "valley"]
            assert "more outlets state" not in screen_text(app)
            await pilot.press("v")
            assert len(versions_shown(app)) == 2

    async def test_mouse_click_on_a_row_selects_that_claim(self) -> None:
        app = make_app(ALIGNMENT)
        async with app.run_test(size=WIDE) as pilot:
            await pilot.pause()
            # row 0 of the table is the header; y=6 is the sixth claim listed
            assert await pilot.click(ClaimTable, offset=(10, 6))
            assert app.selected_claim == CHANGES_FIRST[5] == "c4"
            assert len(versions_shown(app)) == 4

    async def test_narrow_terminal_stacks_list_over_detail(self) -> None:
        app = make_app(ALIGNMENT)
        async with app.run_test(size=NARROW) as pilot:
            await pilot.pause()
            screen = app.main_screen
            assert screen.has_class("-narrow")
            table = screen.query_one(ClaimTable).region
            detail = screen.query_one(ClaimDetail).region
            assert table.height >= 5 and detail.height >= 5
            assert detail.y >= table.bottom

    async def test_enter_moves_into_the_versions_and_escape_back(self) -> None:
        app = make_app(ALIGNMENT)
        async with app.run_test(size=WIDE) as pilot:
            await pilot.press("enter")
            assert isinstance(app.focused, OutletVersion)
            assert app.focused.article.id == "ledger"
            await pilot.press("escape")
            assert isinstance(app.focused, ClaimTable)

    @pytest.mark.parametrize("size", [WIDE, NARROW])
    async def test_enter_shows_where_you_are_and_how_to_go_on(
        self, size: tuple[int, int]
    ) -> None:
        app = make_app(ALIGNMENT)
        async with app.run_test(size=size) as pilot:
            await pilot.press("enter")
            detail = app.main_screen.query_one(ClaimDetail)
            assert detail.has_pseudo_class("focus-within")
            status = str(app.main_screen.query_one("#status", Static).render())
            assert status.startswith("c1 · The Daily Ledger (1 of 3)")
            assert status.endswith("esc: claims")
            await pilot.press("down")
            assert isinstance(app.focused, OutletVersion) and app.focused.article.id == "harbor"
            assert str(app.main_screen.query_one("#status", Static).render()).startswith(
                "c1 · Harbor Times (2 of 3)")
            await pilot.press("escape")
            assert "9 of 9 claims" in str(app.main_screen.query_one("#status", Static).render())


class TestFiltersAndSearch:
    """Every filter key, their combination, search and clearing."""

    @pytest.mark.parametrize(
        ("keys", "expected"),
        [
            (["d"], ("c1", "c2", "c3", "c5", "c7")),
            (["quotation_mark"], ("c3",)),
            (["number_sign"], ("c1", "c2", "c5", "c7", "c4", "c8")),
            (["1"], ("c6", "c9")),
            (["t"], ("c2",)),  # the first type present: number_changed
            (["t", "t", "t"], ("c1", "c7")),  # qualifier_changed
            (["o"], ("c1", "c2", "c3", "c5", "c7", "c4", "c9")),  # The Daily Ledger
            (["o", "o", "d"], ("c1", "c3")),  # Harbor Times and divergent
            (["d", "number_sign", "c"], CHANGES_FIRST),
        ],
    )
    async def test_filter_keys(self, keys: list[str], expected: tuple[str, ...]) -> None:
        app = make_app(ALIGNMENT)
        async with app.run_test(size=WIDE) as pilot:
            await pilot.press(*keys)
            assert claims_listed(app) == expected
            assert app.selected_claim == expected[0]
            assert f"{len(expected)} of 9 claims" in screen_text(app)

    async def test_type_filter_is_shown_in_the_status_line(self) -> None:
        app = make_app(ALIGNMENT)
        async with app.run_test(size=WIDE) as pilot:
            await pilot.press("t")
            assert app.claim_filter.divergence_type is DivergenceType.NUMBER_CHANGED
            assert "filter: type: number_changed" in screen_text(app)

    async def test_search_finds_words_of_any_outlet_and_escape_clears_it(self) -> None:
        app = make_app(ALIGNMENT)
        async with app.run_test(size=WIDE) as pilot:
            await pilot.press("slash", *"officials said")
            # only the Northern Wire's version of c1 says "officials said"
            assert claims_listed(app) == ("c1",)
            await pilot.press("enter")
            assert isinstance(app.focused, ClaimTable)
            assert app.claim_filter.search == "officials said"
            await pilot.press("slash", "escape")
            assert app.claim_filter.search == ""
            assert len(claims_listed(app)) == 9

    async def test_search_without_match_empties_the_list(self) -> None:
        app = make_app(ALIGNMENT)
        async with app.run_test(size=WIDE) as pilot:
            await pilot.press("slash", *"zebra")
            assert claims_listed(app) == ()
            assert "0 of 9 claims" in screen_text(app)

    async def test_escape_on_the_list_clears_filters(self) -> None:
        app = make_app(ALIGNMENT)
        async with app.run_test(size=WIDE) as pilot:
            await pilot.press("d", "1")
            assert claims_listed(app) == ()
            await pilot.press("escape")
            assert not app.claim_filter.is_active
            assert len(claims_listed(app)) == 9


class TestSortAndJump:
    """Sort orders and jumping between divergent claims."""

    async def test_s_cycles_the_sort_order_and_keeps_the_selection(self) -> None:
        app = make_app(ALIGNMENT)
        async with app.run_test(size=WIDE) as pilot:
            await pilot.press("j")
            await pilot.press("s")
            assert app.sort_order is SortOrder.STORY
            assert claims_listed(app) == tuple(f"c{i}" for i in range(1, 10))
            assert "sort: story order" in screen_text(app)
            await pilot.press("s")
            assert app.sort_order is SortOrder.COVERAGE
            assert claims_listed(app)[:5] == ("c4", "c1", "c2", "c3", "c7")
            assert app.selected_claim == "c2"
            table = app.main_screen.query_one(ClaimTable)
            assert table.selected_claim_id == "c2"
            await pilot.press("s")
            assert app.sort_order is SortOrder.DIVERGENCES
            assert claims_listed(app)[0] == "c3"
            await pilot.press("s")
            assert claims_listed(app) == CHANGES_FIRST
            assert "sort: changes first" in screen_text(app)

    async def test_n_and_shift_n_jump_between_divergent_claims(self) -> None:
        app = make_app(ALIGNMENT)
        async with app.run_test(size=WIDE) as pilot:
            await pilot.press("j", "j", "n")
            assert app.selected_claim == "c5"
            await pilot.press("n")
            assert app.selected_claim == "c7"
            await pilot.press("n")  # wraps round
            assert app.selected_claim == "c1"
            await pilot.press("N")
            assert app.selected_claim == "c7"


class TestMatrix:
    """The coverage matrix screen."""

    async def test_cells_show_present_altered_missing(self) -> None:
        app = make_app(ALIGNMENT)
        async with app.run_test(size=WIDE) as pilot:
            await pilot.press("m")
            assert isinstance(app.screen, MatrixScreen)
            matrix = app.screen.query_one(CoverageMatrix)
            assert matrix.row_count == 9
            assert len(matrix.columns) == 2 + 4
            assert matrix.get_cell("c5", "valley").char == "▲"
            assert matrix.get_cell("c5", "ledger").char == "●"
            assert matrix.get_cell("c5", "harbor").char == "○"
            assert "The Daily Ledger · present · c1: Floodwaters" in screen_text(app)
            await pilot.press("right")
            assert "Harbor Times · altered · c1: Floodwaters reached 712 homes in Riverton on " \
                "Tuesday. · 712 homes → more than 700 homes" in screen_text(app)

    async def test_a_claim_one_outlet_states_is_not_stated_elsewhere_not_left_out(self) -> None:
        app = make_app(ALIGNMENT)
        async with app.run_test(size=WIDE) as pilot:
            await pilot.press("m")
            matrix = app.screen.query_one(CoverageMatrix)
            assert matrix.get_cell("c6", "harbor").char == "●"
            assert [matrix.get_cell("c6", a).char for a in ("ledger", "wire", "valley")] == \
                ["·"] * 3
            # the matrix opens in the claims list's order
            assert [row.value for row in matrix.rows] == list(CHANGES_FIRST)

    @pytest.mark.parametrize(("size", "shown"), [
        (WIDE, ["The Daily Ledger", "Harbor Times", "Northern Wire", "Valley Post"]),
        (NARROW, ["The Daily Le…", "Harbor Times", "Northern Wire", "Valley Post"]),
    ])
    async def test_outlet_names_take_the_width_there_is(
        self, size: tuple[int, int], shown: list[str]
    ) -> None:
        app = make_app(ALIGNMENT)
        async with app.run_test(size=size) as pilot:
            await pilot.press("m")
            matrix = app.screen.query_one(CoverageMatrix)
            headers = [str(column.label) for column in list(matrix.columns.values())[2:]]
            assert headers == shown

    async def test_selecting_a_cell_opens_its_claim_and_clears_a_hiding_filter(self) -> None:
        app = make_app(ALIGNMENT)
        async with app.run_test(size=WIDE) as pilot:
            await pilot.press("d", "m")
            # the matrix lists the claims in the list's order: c6, one outlet's, is 8th
            await pilot.press(*["down"] * CHANGES_FIRST.index("c6"), "enter")
            assert isinstance(app.screen, MainScreen)
            assert app.selected_claim == "c6"
            assert not app.claim_filter.is_active
            assert app.main_screen.query_one(ClaimTable).selected_claim_id == "c6"

    async def test_escape_returns_without_changing_the_selection(self) -> None:
        app = make_app(ALIGNMENT)
        async with app.run_test(size=WIDE) as pilot:
            await pilot.press("j", "m", "down", "escape")
            assert isinstance(app.screen, MainScreen)
            assert app.selected_claim == "c2"


class TestLedger:
    """The figure ledger screen."""

    async def test_lists_every_mention_and_highlights_a_changed_subject(self) -> None:
        app = make_app(ALIGNMENT)
        async with app.run_test(size=WIDE) as pilot:
            await pilot.press("f")
            assert isinstance(app.screen, LedgerScreen)
            ledger = app.screen.query_one(FigureLedger)
            assert ledger.row_count == sum(len(f.mentions) for f in app.alignment.figures)
            changed = ledger.get_component_rich_style("figure-ledger--changed", partial=True)
            rows = [ledger.get_row(key) for key in ledger.mention_claims]
            subjects = {row[5].plain: row[5] for row in rows if row[6].plain == "c5"}
            assert set(subjects) == {"relief", "road repairs"}
            assert any(span.style == changed for span in subjects["road repairs"].spans)
            assert not subjects["relief"].spans

    async def test_enter_opens_the_mentions_claim(self) -> None:
        app = make_app(ALIGNMENT)
        async with app.run_test(size=WIDE) as pilot:
            await pilot.press("f")
            ledger = app.screen.query_one(FigureLedger)
            target = next(k for k, c in ledger.mention_claims.items() if c == "c7")
            ledger.move_cursor(row=ledger.get_row_index(target))
            await pilot.press("enter")
            assert isinstance(app.screen, MainScreen)
            assert app.selected_claim == "c7"


class TestArticle:
    """The article view and the jumps between it and the claims."""

    async def test_a_opens_the_focused_outlets_article_at_the_claims_sentence(self) -> None:
        app = make_app(ALIGNMENT)
        async with app.run_test(size=WIDE) as pilot:
            await pilot.press("j", "j", "enter", "tab", "tab")  # c3, third outlet: wire
            assert isinstance(app.focused, OutletVersion)
            assert app.focused.article.id == "wire"
            await pilot.press("a")
            assert isinstance(app.screen, ArticleScreen)
            assert app.screen.article.id == "wire"
            text = app.screen.query_one(ArticleText)
            assert text.highlighted_option is not None
            assert text.highlighted_option.id == "s2"
            assert "c3 " in screen_text(app)

    async def test_enter_on_a_sentence_goes_to_its_claim_and_back(self) -> None:
        app = make_app(ALIGNMENT)
        async with app.run_test(size=WIDE) as pilot:
            await pilot.press("a")  # c1's reference: The Daily Ledger, sentence 1
            assert app.screen.article.id == "ledger"
            await pilot.press("down", "down", "enter")  # sentence 3: the quote, c3
            assert isinstance(app.screen, MainScreen)
            assert app.selected_claim == "c3"

    async def test_d_toggles_the_dropped_lines(self) -> None:
        app = make_app(ALIGNMENT)
        async with app.run_test(size=WIDE) as pilot:
            await pilot.press("a")
            screen = app.screen
            assert isinstance(screen, ArticleScreen)
            assert not screen.showing_dropped
            assert "Subscribe to our newsletter" not in screen_text(app)
            await pilot.press("d")
            assert screen.showing_dropped
            assert "[prompt] Subscribe to our newsletter" in screen_text(app)
            await pilot.press("d", "escape")
            assert isinstance(app.screen, MainScreen)

    async def test_clicking_an_outlet_version_opens_its_article(self) -> None:
        app = make_app(ALIGNMENT)
        async with app.run_test(size=WIDE) as pilot:
            await pilot.pause()
            assert await pilot.click(app.main_screen.query_one(ClaimDetail).version_of("harbor"))
            assert isinstance(app.screen, ArticleScreen)
            assert app.screen.article.id == "harbor"


class TestHelpAndPalette:
    """Help built from bindings; the command palette's namespaced commands."""

    @pytest.mark.parametrize("key", ["question_mark", "f1"])
    async def test_help_lists_the_bindings_with_their_tooltips(self, key: str) -> None:
        app = make_app(ALIGNMENT)
        async with app.run_test(size=WIDE) as pilot:
            await pilot.press(key)
            assert isinstance(app.screen, HelpScreen)
            lines = {line.description: line for line in app.screen.keys}
            assert lines["Divergent"].keys == "d"
            assert "disagree" in lines["Divergent"].tooltip
            assert lines["Quotes"].keys == '"'
            assert "Matrix" in lines and "Figures" in lines and "Quit" in lines
            await pilot.press("escape")
            assert isinstance(app.screen, MainScreen)

    async def test_palette_lists_namespaced_commands(self) -> None:
        app = make_app(ALIGNMENT)
        async with app.run_test(size=WIDE):
            titles = [title for title, _, _ in app.palette_commands()]
            assert "filter: numbers only" in titles
            assert "filter: outlet Valley Post" in titles
            assert "filter: type quote_trimmed" in titles
            assert "view: coverage matrix" in titles
            assert "export: story as markdown" in titles

    async def test_palette_runs_a_filter(self) -> None:
        app = make_app(ALIGNMENT)
        async with app.run_test(size=WIDE) as pilot:
            await pilot.press("ctrl+p")
            await pilot.press(*"filter: numbers only")
            await app.workers.wait_for_complete()  # the palette searches in a worker
            await pilot.pause()
            await pilot.press("enter")
            await pilot.pause()
            assert app.claim_filter.numbers_only
            assert len(claims_listed(app)) == 6


class TestExport:
    """Markdown export of a claim and of the story, next to the alignment file."""

    async def test_e_writes_the_claim_and_E_the_story(self, tmp_path: Path) -> None:
        alignment = tmp_path / "story.json"
        shutil.copy(ALIGNMENT, alignment)
        app = make_app(alignment)
        async with app.run_test(size=WIDE) as pilot:
            await pilot.press("j", "j", "e")
            claim_file = tmp_path / "story-c3.md"
            text = claim_file.read_text(encoding="utf-8")
            assert "Northern Wire" in text
            assert "attribution_changed: Mayor Ana Ruiz → a city spokesperson" in text
            assert "Left out by: Valley Post." in text
            await pilot.press("E")
            story = (tmp_path / "story.md").read_text(encoding="utf-8")
            assert "Floodwaters reached 712 homes" in story
            assert "Volunteers filled 40,000 sandbags" in story
            assert sorted(p.name for p in tmp_path.iterdir()) == [
                "story-c3.md", "story.json", "story.md"
            ]
