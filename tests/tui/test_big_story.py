"""A story of hundreds of outlets in the real app: the matrix and the ledger hold a page at
a time, and every outlet and every mention can still be reached.

The story is generated: outlet ``k`` states claim ``cN`` when ``k`` is a multiple of N,
so c1 is everyone's, c2 half the outlets' (the other half leave it out), and so on; each
claim has one figure, mentioned in every version. Timings live in
``benchmarks/tui_200_outlets.py``; these tests only check what is shown.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Static

from storydiff.coverage.model import (
    Alignment,
    Article,
    Claim,
    Divergence,
    DivergenceType,
    Figure,
    FigureMention,
    Member,
    NumberKind,
    Sentence,
)
from storydiff.coverage.store import write_alignment
from storydiff.tui.app import make_app
from storydiff.tui.screens.ledger import LEDGER_PAGE, FigureLedger, LedgerScreen
from storydiff.tui.screens.matrix import CoverageMatrix, MatrixScreen
from storydiff.tui.widgets.outlet_versions import ClaimDetail
from tests.tui.helpers import screen_text

OUTLETS = 600
CLAIMS = 12
SIZE = (120, 40)


def _outlet(k: int) -> str:
    return f"o{k:03d}"


def _states(k: int) -> list[int]:
    """The claim numbers outlet ``k`` states."""
    return [n for n in range(1, CLAIMS + 1) if k % n == 0]


def _sentence(n: int, k: int) -> str:
    return f"Claim {n} says {n * 10} boats left harbour {k}."


def big_alignment() -> Alignment:
    articles = []
    for k in range(OUTLETS):
        sentences, text = [], ""
        for i, n in enumerate(_states(k)):
            start = len(text) + (1 if text else 0)
            text = f"{text} {_sentence(n, k)}" if text else _sentence(n, k)
            sentences.append(Sentence(index=i, text=_sentence(n, k), start=start, end=len(text)))
        articles.append(Article(
            id=_outlet(k), path=f"big/{_outlet(k)}.txt", outlet=f"Outlet {k:03d}",
            title=None, url=None, published=None, author=None, text=text,
            sentences=tuple(sentences), dropped=(),
        ))
    claims, figures = [], []
    for n in range(1, CLAIMS + 1):
        stating = [k for k in range(OUTLETS) if k % n == 0]
        members = tuple(
            Member(article=_outlet(k), sentence=_states(k).index(n), score=1.0,
                   text=_sentence(n, k))
            for k in stating
        )
        altered = (_outlet(stating[-1]),) if n == 2 else ()  # o598 departs on c2
        claims.append(Claim(
            id=f"c{n}", label=_sentence(n, 0), members=members, reference=_outlet(0),
            quotes=(), numbers=(),
            divergences=(Divergence(DivergenceType.NUMBER_CHANGED, altered, _outlet(0),
                                    "20 → 21"),) if altered else (),
            missing_from=tuple(_outlet(k) for k in range(OUTLETS) if k % n),
        ))
        figures.append(Figure(value=str(n * 10), kind=NumberKind.COUNT, mentions=tuple(
            FigureMention(article=m.article, sentence=m.sentence, surface=str(n * 10),
                          qualifier=None, subject="boats", claim=f"c{n}")
            for m in members
        )))
    return Alignment(created="2026-12-03T00:00:00Z", settings={}, articles=tuple(articles),
                     claims=tuple(claims), figures=tuple(figures))


@pytest.fixture(scope="module")
def big_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("big") / "big.json"
    write_alignment(big_alignment(), path)
    return path


async def test_the_matrix_shows_a_page_of_outlets_and_reaches_the_last(big_file: Path) -> None:
    app = make_app(big_file)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("m")
        assert isinstance(app.screen, MatrixScreen)
        matrix = app.screen.query_one(CoverageMatrix)
        assert matrix.row_count == CLAIMS
        page = len(matrix.columns) - 2
        assert 1 < page < OUTLETS and matrix.page.count == -(-OUTLETS // page)
        assert f"outlets 1–{page} of {OUTLETS}" in screen_text(app)
        assert "Next outlets" in screen_text(app)  # the footer offers the page keys

        await pilot.press(*["right"] * page)  # past the page's last column: the next page
        assert matrix.cell_keys()[1] == _outlet(page)
        assert f"outlets {page + 1}–{2 * page} of {OUTLETS}" in screen_text(app)
        await pilot.press("left")
        assert matrix.cell_keys()[1] == _outlet(page - 1)

        await pilot.press("end")
        claim_id, article_id = matrix.cell_keys()
        assert article_id == _outlet(OUTLETS - 1)
        assert f"of {OUTLETS}" in screen_text(app) and "Outlet 599 · " in screen_text(app)
        # o599 is odd: it states c1, and leaves out c2, which half the outlets state
        assert matrix.get_cell("c1", _outlet(599)).char == "●"
        assert matrix.get_cell("c2", _outlet(599)).char == "○"
        assert matrix.get_cell("c2", _outlet(598)).char == "▲"
        assert matrix.get_cell("c7", _outlet(599)).char == "·"
        await pilot.press("ctrl+end")
        assert matrix.cell_keys() == (matrix.claims[-1].id, _outlet(OUTLETS - 1))

        await pilot.press("home")
        assert matrix.cell_keys()[1] == _outlet(0)
        await pilot.press("right_square_bracket", "ctrl+pagedown")
        assert matrix.cell_keys()[1] == _outlet(2 * page)
        await pilot.press("enter")  # opens the claim under the cursor
        assert app.selected_claim == matrix.claims[-1].id


async def test_the_ledger_pages_its_mentions_and_reaches_the_last(big_file: Path) -> None:
    app = make_app(big_file)
    total = sum(len(f.mentions) for f in big_alignment().figures)
    assert total > 3 * LEDGER_PAGE
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f")
        assert isinstance(app.screen, LedgerScreen)
        ledger = app.screen.query_one(FigureLedger)
        assert ledger.row_count == LEDGER_PAGE
        assert len(ledger.mention_claims) == total
        assert f"mentions 1–{LEDGER_PAGE} of {total}" in screen_text(app)

        ledger.move_cursor(row=LEDGER_PAGE - 1)
        await pilot.press("down")  # past the page's last row: the next page
        assert ledger.page.number == 1 and ledger.cursor_row == 0
        first = ledger.get_row_at(0)
        assert first[0].plain == "10"  # a page never starts without its figure's value
        await pilot.press("up")
        assert ledger.page.number == 0 and ledger.cursor_row == LEDGER_PAGE - 1

        await pilot.press("ctrl+end")
        last_key = ledger.coordinate_to_cell_key(ledger.cursor_coordinate).row_key.value
        assert last_key == list(ledger.mention_claims)[-1]
        assert f"of {total}" in screen_text(app)
        await pilot.press("enter")
        assert app.selected_claim == f"c{CLAIMS}"


async def test_a_claim_left_out_by_hundreds_names_a_few_and_counts_the_rest(
    big_file: Path
) -> None:
    app = make_app(big_file)
    async with app.run_test(size=SIZE) as pilot:
        app.selected_claim = "c2"
        await pilot.pause()
        detail = app.main_screen.query_one(ClaimDetail)
        assert detail.claim is not None and detail.claim.id == "c2"
        detail.scroll_end(animate=False)  # the line is below the 20 versions shown
        await pilot.pause()
        line = str(detail.query_one("#claim-missing", Static).content)
        assert line.startswith("Left out by: Outlet 001, Outlet 003, ")
        assert line.endswith(", Outlet 059 and 270 more (m: the matrix)")
        assert "Outlet 059 and 270 more" in " ".join(screen_text(app).split())
