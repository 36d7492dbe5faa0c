"""The coverage matrix: claims down, outlets across, each cell present / altered / left out.

A cell is "left out" only where the claim is stated by enough outlets for the silence
to be an omission (``OmissionRule``); otherwise it is a quiet "not stated" dot, so a
story's many one-outlet claims do not fill the matrix with alarms. Outlet columns take
the width the screen has when the matrix opens, up to the longest outlet label; when not
all outlets fit, the matrix shows a page of them at a time.

A glance shows which outlets carry which claims and where they depart. Glyphs differ by
shape as well as colour (colour comes from ``app.tcss``), so the matrix reads on a
monochrome terminal too. Selecting a cell opens that claim on the main screen.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich.console import Console, ConsoleOptions, RenderResult
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.coordinate import Coordinate
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static

from storydiff.coverage.model import Alignment, Claim
from storydiff.coverage.omissions import OmissionRule, omitted_by
from storydiff.tui.messages import ClaimChosen
from storydiff.tui.render import printable, truncate
from storydiff.tui.view import (
    CellState,
    ClaimCells,
    ClaimFilter,
    Page,
    SortOrder,
    claim_cells,
    coverage,
    visible_claims,
)

GLYPHS = {
    CellState.PRESENT: "●", CellState.ALTERED: "▲", CellState.MISSING: "○", CellState.ABSENT: "·",
}
"""One character per cell state; shapes differ so colour is not the only cue."""

STATE_WORDS = {
    CellState.PRESENT: "present", CellState.ALTERED: "altered",
    CellState.MISSING: "left out", CellState.ABSENT: "not stated",
}
"""How the line under the matrix names a cell's state."""

MIN_OUTLET_WIDTH = 8
"""Outlet columns never get narrower than this, however many outlets there are."""
PAGED_OUTLET_WIDTH = 16
"""Outlet columns of a story too wide for one screen get up to this width."""
_FIXED_COLUMNS = (5, 7)
"""Widths of the claim id and coverage columns."""
_CELL_PADDING = 2
_SCROLLBAR = 2


def outlet_column_width(total: int, labels: list[str]) -> int:
    """The width of every outlet column: the longest label when the screen has room for
    all of them, else an equal share of the width, never under ``MIN_OUTLET_WIDTH``.

    >>> outlet_column_width(160, ["The Daily Ledger", "Harbor Times"])
    16
    >>> outlet_column_width(80, ["Kessford Chronicle and Advertiser"] * 6)
    8
    """
    if not labels:
        return MIN_OUTLET_WIDTH
    fixed = sum(width + _CELL_PADDING for width in _FIXED_COLUMNS) + _SCROLLBAR
    share = (total - fixed) // len(labels) - _CELL_PADDING
    return max(MIN_OUTLET_WIDTH, min(max(len(label) for label in labels), share))


@dataclass(frozen=True, slots=True)
class Mark:
    """One matrix cell: a glyph, centred in its column.

    It deliberately has no ``__rich_measure__``: DataTable then takes its width as 1
    instead of asking the console, which made a 300-claim x 200-outlet matrix take seconds.
    """

    state: CellState
    style: Style

    @property
    def char(self) -> str:
        """The glyph shown."""
        return GLYPHS[self.state]

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        padding = max(options.max_width - 1, 0)
        left = padding // 2
        yield Segment(" " * left)
        yield Segment(self.char, self.style)
        yield Segment(" " * (padding - left))


class CoverageMatrix(DataTable[Text | Mark]):
    """The claims × outlets grid; row keys are claim ids, column keys article ids.

    It holds one page of outlets at a time (as many as the screen shows; all of them
    when they fit), so a 1000-outlet story opens as fast as a 16-outlet one: moving past
    the last column turns the page, ``[``/``]`` turn it, ``home``/``end`` go to the
    first and last outlet.
    """

    COMPONENT_CLASSES = {
        "coverage-matrix--present",
        "coverage-matrix--altered",
        "coverage-matrix--missing",
        "coverage-matrix--absent",
    }
    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
        Binding("h", "cursor_left", "Left", show=False),
        Binding("l", "cursor_right", "Right", show=False),
        Binding("right_square_bracket,ctrl+pagedown", "turn_page(1)", "Next outlets",
                key_display="]",
                tooltip="Show the next page of outlets."),
        Binding("left_square_bracket,ctrl+pageup", "turn_page(-1)", "Previous outlets",
                key_display="[",
                tooltip="Show the previous page of outlets."),
        Binding("home", "first_outlet", "First outlet", show=False),
        Binding("end", "last_outlet", "Last outlet", show=False),
    ]

    class PageTurned(Message):
        """Another page of outlets is shown."""

    def __init__(
        self, alignment: Alignment, *, order: SortOrder = SortOrder.STORY,
        page_size: int | None = None,
    ) -> None:
        super().__init__(cursor_type="cell", fixed_columns=2, id="matrix")
        self.alignment = alignment
        self.order = order
        """The claims list's order, so the matrix opens on the same claims."""
        self.claims = visible_claims(alignment.claims, claim_filter=ClaimFilter(), order=order)
        self.names = [printable(article.outlet) for article in alignment.articles]
        self._page_size = page_size
        self.page = Page(number=0, size=max(1, len(self.names)), total=len(self.names))
        """The outlets shown as columns."""
        self._rule = OmissionRule.of(alignment)
        self._cells: dict[str, ClaimCells] = {}

    def cells_of(self, claim: Claim) -> ClaimCells:
        """The claim's row, built the first time a page needs it."""
        cells = self._cells.get(claim.id)
        if cells is None:
            omitted = omitted_by(claim, outlets=len(self.names), rule=self._rule)
            cells = self._cells[claim.id] = claim_cells(claim, omitted_by=omitted)
        return cells

    def on_mount(self) -> None:
        styles = {
            state: self.get_component_rich_style(f"coverage-matrix--{state.value}", partial=True)
            for state in CellState
        }
        # one Mark per state, shared by every cell: a page is claims x outlets cells
        self._glyphs = {state: Mark(state, styles[state]) for state in CellState}
        # the screen's width, not the table's: the table is not laid out yet
        size = self._page_size or outlets_per_page(self.app.size.width, self.names)
        self._show(Page(number=0, size=size, total=len(self.names)), column=0, row=0)

    def _show(self, page: Page, *, column: int, row: int) -> None:
        """Build ``page``'s columns and put the cursor on its ``column``-th outlet."""
        self.page = page
        self.clear(columns=True)
        claim_width, coverage_width = _FIXED_COLUMNS
        self.add_column(Text("claim"), key="claim", width=claim_width)
        self.add_column(Text("cov"), key="coverage", width=coverage_width)
        articles = self.alignment.articles[page.start:page.stop]
        names = self.names[page.start:page.stop]
        width = outlet_column_width(self.app.size.width, names)
        for article, name in zip(articles, names, strict=True):
            # a fixed width spares DataTable measuring every one-glyph cell
            self.add_column(Text(truncate(name, width)), key=article.id, width=width)
        count = len(self.names)
        for claim in self.claims:
            cells = self.cells_of(claim)
            row_cells: list[Text | Mark] = [
                Text(printable(claim.id)), Text(f"{coverage(claim)}/{count}")
            ]
            row_cells += [self._glyphs[cells.state(article.id)] for article in articles]
            self.add_row(*row_cells, key=claim.id)
        if articles and self.claims:
            # start on an outlet cell, not the claim id
            column = min(max(column, 0), len(articles) - 1)
            self.cursor_coordinate = Coordinate(min(row, len(self.claims) - 1), 2 + column)
        self.post_message(self.PageTurned())

    def _turn_to(self, page: Page, *, column: int) -> None:
        if page != self.page:
            self._show(page, column=column, row=self.cursor_row)
        elif self.row_count:
            self.cursor_coordinate = Coordinate(self.cursor_row, 2 + column)

    def action_turn_page(self, step: int) -> None:
        self._turn_to(self.page.turned(step), column=self.cursor_column - 2)

    def action_first_outlet(self) -> None:
        self._turn_to(self.page.of_item(0), column=0)

    def action_last_outlet(self) -> None:
        last = self.page.of_item(self.page.total - 1)
        self._turn_to(last, column=last.stop - last.start - 1)

    def action_cursor_right(self) -> None:
        if self.cursor_column == len(self.columns) - 1 and self.page.turned(1) != self.page:
            self._turn_to(self.page.turned(1), column=0)
        else:
            super().action_cursor_right()

    def action_cursor_left(self) -> None:
        before = self.page.turned(-1)
        if self.cursor_column == 2 and before != self.page:
            self._turn_to(before, column=before.stop - before.start - 1)
        else:
            super().action_cursor_left()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "turn_page":
            return self.page.count > 1  # hidden from the footer when there is one page
        return super().check_action(action, parameters)

    def cell_keys(self) -> tuple[str | None, str | None]:
        """(claim id, article id) under the cursor; article None on the id columns."""
        if not self.row_count:
            return None, None
        key = self.coordinate_to_cell_key(self.cursor_coordinate)
        column = key.column_key.value
        article = column if column not in ("claim", "coverage") else None
        return key.row_key.value, article


def outlets_per_page(total: int, labels: Sequence[str]) -> int:
    """How many outlet columns a page has: all of them when they fit the width at
    ``MIN_OUTLET_WIDTH``; else as many as fit at ``PAGED_OUTLET_WIDTH`` (or the longest
    label, if shorter), since a page of names one can read beats more of them cut short.

    >>> outlets_per_page(160, ["Harbor Times"] * 4), outlets_per_page(160, ["x"] * 1000)
    (4, 14)
    >>> outlets_per_page(160, ["Outlet 000 News"] * 1000)
    8
    """
    fixed = sum(width + _CELL_PADDING for width in _FIXED_COLUMNS) + _SCROLLBAR
    if len(labels) <= max(1, (total - fixed) // (MIN_OUTLET_WIDTH + _CELL_PADDING)):
        return max(1, len(labels))
    width = max(MIN_OUTLET_WIDTH, min(PAGED_OUTLET_WIDTH, max(len(label) for label in labels)))
    return max(1, (total - fixed) // (width + _CELL_PADDING))


def legend(page: Page) -> Text:
    """The line above the matrix: the glyphs, and which outlets are shown when not all."""
    text = Text()
    text.append("Coverage matrix   ")
    if page.count > 1:  # first: a narrow screen cuts the end of the line
        text.append(f"{page.describe('outlets')} ([ ]: more)   ")
    text.append(f"{GLYPHS[CellState.PRESENT]} present  ")
    text.append(f"{GLYPHS[CellState.ALTERED]} altered  ")
    text.append(f"{GLYPHS[CellState.MISSING]} left out  ")
    text.append(f"{GLYPHS[CellState.ABSENT]} not stated   enter: open claim")
    return text


class MatrixScreen(Screen[None]):
    """The coverage matrix with a line describing the cell under the cursor."""

    BINDINGS = [
        Binding("escape,m", "app.pop_screen", "Back", id="matrix-back",
                tooltip="Return to the claims list."),
    ]

    def __init__(self, alignment: Alignment, *, order: SortOrder = SortOrder.STORY) -> None:
        super().__init__()
        self.alignment = alignment
        self.order = order
        self._claims = {c.id: c for c in alignment.claims}
        self._outlets = {a.id: a.outlet for a in alignment.articles}

    def compose(self) -> ComposeResult:
        yield Static(legend(Page(number=0, size=1, total=1)), id="matrix-legend")
        yield CoverageMatrix(self.alignment, order=self.order)
        yield Static(id="matrix-cell", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(CoverageMatrix).focus()
        self._describe_cell()

    @on(CoverageMatrix.PageTurned)
    def _show_page(self) -> None:
        self.query_one("#matrix-legend", Static).update(legend(self.query_one(CoverageMatrix).page))
        self.refresh_bindings()

    @on(DataTable.CellHighlighted)
    def _describe_cell(self) -> None:
        matrix = self.query_one(CoverageMatrix)
        claim_id, article_id = matrix.cell_keys()
        claim = self._claims.get(claim_id) if claim_id is not None else None
        if claim is None:
            return
        line = f"{claim.id}: {claim.label}"
        if article_id is not None:
            state = matrix.cells_of(claim).state(article_id)
            line = f"{self._outlets[article_id]} · {STATE_WORDS[state]} · {line}"
            if state is CellState.ALTERED:
                details = [d.detail for d in claim.divergences if article_id in d.articles]
                line += " · " + "; ".join(details)
        self.query_one("#matrix-cell", Static).update(Text(printable(line)))

    @on(DataTable.CellSelected)
    def _open_claim(self) -> None:
        claim_id, _ = self.query_one(CoverageMatrix).cell_keys()
        if claim_id is not None:
            self.post_message(ClaimChosen(claim_id))
