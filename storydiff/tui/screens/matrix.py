"""The coverage matrix: claims down, outlets across, each cell present / altered / left out.

A cell is "left out" only where the claim is stated by enough outlets for the silence
to be an omission (``OmissionRule``); otherwise it is a quiet "not stated" dot, so a
story's many one-outlet claims do not fill the matrix with alarms. Outlet columns take
the width the screen has when the matrix opens, up to the longest outlet label.

A glance shows which outlets carry which claims and where they depart. Glyphs differ by
shape as well as colour (colour comes from ``app.tcss``), so the matrix reads on a
monochrome terminal too. Selecting a cell opens that claim on the main screen.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.console import Console, ConsoleOptions, RenderResult
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.coordinate import Coordinate
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static

from storydiff.coverage.model import Alignment
from storydiff.coverage.omissions import OmissionRule, omitted_by
from storydiff.tui.messages import ClaimChosen
from storydiff.tui.render import printable, truncate
from storydiff.tui.view import (
    CellState,
    ClaimFilter,
    SortOrder,
    altered_articles,
    cell_state,
    claim_articles,
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
    """The claims × outlets grid; row keys are claim ids, column keys article ids."""

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
    ]

    def __init__(self, alignment: Alignment, *, order: SortOrder = SortOrder.STORY) -> None:
        super().__init__(cursor_type="cell", fixed_columns=2, id="matrix")
        self.alignment = alignment
        self.order = order
        """The claims list's order, so the matrix opens on the same claims."""

    def on_mount(self) -> None:
        styles = {
            state: self.get_component_rich_style(f"coverage-matrix--{state.value}", partial=True)
            for state in CellState
        }
        claim_width, coverage_width = _FIXED_COLUMNS
        self.add_column(Text("claim"), key="claim", width=claim_width)
        self.add_column(Text("cov"), key="coverage", width=coverage_width)
        names = [printable(article.outlet) for article in self.alignment.articles]
        # the screen's width, not the table's: the table is not laid out yet
        width = outlet_column_width(self.app.size.width, names)
        for article, name in zip(self.alignment.articles, names, strict=True):
            # a fixed width spares DataTable measuring 60,000 one-glyph cells
            self.add_column(Text(truncate(name, width)), key=article.id, width=width)
        count = len(self.alignment.articles)
        rule = OmissionRule.of(self.alignment)
        # one Mark per state, shared by every cell: 300 claims x 200 outlets is 60,000 cells
        glyphs = {state: Mark(state, styles[state]) for state in CellState}
        claims = visible_claims(self.alignment.claims, claim_filter=ClaimFilter(), order=self.order)
        for claim in claims:
            present, altered = set(claim_articles(claim)), altered_articles(claim)
            omitted = set(omitted_by(claim, outlets=count, rule=rule))
            cells: list[Text | Mark] = [
                Text(printable(claim.id)), Text(f"{coverage(claim)}/{count}")
            ]
            for article in self.alignment.articles:
                if article.id in altered:
                    cells.append(glyphs[CellState.ALTERED])
                elif article.id in present:
                    cells.append(glyphs[CellState.PRESENT])
                elif article.id in omitted:
                    cells.append(glyphs[CellState.MISSING])
                else:
                    cells.append(glyphs[CellState.ABSENT])
            self.add_row(*cells, key=claim.id)
        if self.alignment.articles:
            # start on the first outlet cell, not the claim id
            self.cursor_coordinate = Coordinate(0, 2)

    def cell_keys(self) -> tuple[str | None, str | None]:
        """(claim id, article id) under the cursor; article None on the id columns."""
        if not self.row_count:
            return None, None
        key = self.coordinate_to_cell_key(self.cursor_coordinate)
        column = key.column_key.value
        article = column if column not in ("claim", "coverage") else None
        return key.row_key.value, article


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

    def compose(self) -> ComposeResult:
        legend = Text()
        legend.append("Coverage matrix   ")
        legend.append(f"{GLYPHS[CellState.PRESENT]} present  ")
        legend.append(f"{GLYPHS[CellState.ALTERED]} altered  ")
        legend.append(f"{GLYPHS[CellState.MISSING]} left out  ")
        legend.append(f"{GLYPHS[CellState.ABSENT]} not stated   enter: open claim")
        yield Static(legend, id="matrix-legend")
        yield CoverageMatrix(self.alignment, order=self.order)
        yield Static(id="matrix-cell", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(CoverageMatrix).focus()
        self._describe_cell()

    @on(DataTable.CellHighlighted)
    def _describe_cell(self) -> None:
        claim_id, article_id = self.query_one(CoverageMatrix).cell_keys()
        claim = next((c for c in self.alignment.claims if c.id == claim_id), None)
        if claim is None:
            return
        outlets = {a.id: a.outlet for a in self.alignment.articles}
        line = f"{claim.id}: {claim.label}"
        if article_id is not None:
            omitted = omitted_by(claim, outlets=len(outlets), rule=OmissionRule.of(self.alignment))
            state = cell_state(claim, article_id, omitted_by=omitted)
            line = f"{outlets[article_id]} · {STATE_WORDS[state]} · {line}"
            if article_id in altered_articles(claim):
                details = [d.detail for d in claim.divergences if article_id in d.articles]
                line += " · " + "; ".join(details)
        self.query_one("#matrix-cell", Static).update(Text(printable(line)))

    @on(DataTable.CellSelected)
    def _open_claim(self) -> None:
        claim_id, _ = self.query_one(CoverageMatrix).cell_keys()
        if claim_id is not None:
            self.post_message(ClaimChosen(claim_id))
