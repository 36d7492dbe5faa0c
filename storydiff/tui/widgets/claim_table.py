"""The claims list: one row per visible claim with its coverage, flags and label.

Rows are keyed by claim id so selection survives re-sorting and filtering. Flag colours
come from component classes styled in ``app.tcss``; the label is article text and is
always a plain ``Text``, never markup (a ``DataTable`` parses ``str`` cells as markup).
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.binding import Binding
from textual.widgets import DataTable

from storydiff.coverage.model import Claim
from storydiff.tui.render import printable, truncate
from storydiff.tui.view import coverage, divergence_count

_FIXED_WIDTH = 5 + 7 + 6 + 4 * 2  # id, coverage, flags columns and their padding


class ClaimTable(DataTable[Text]):
    """The claims of the story, filtered and sorted by the main screen."""

    COMPONENT_CLASSES = {
        "claim-table--quote",
        "claim-table--number",
        "claim-table--divergent",
        "claim-table--unique",
    }
    DEFAULT_CSS = """
    ClaimTable { height: 1fr; }
    """
    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
        Binding("g", "scroll_top", "First claim", show=False),
        Binding("G", "scroll_bottom", "Last claim", show=False),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(cursor_type="row", id=id)
        self._claims: tuple[Claim, ...] = ()
        self._outlet_count = 0

    def on_mount(self) -> None:
        self.add_column(Text("id"), key="id", width=5)
        self.add_column(Text("cov"), key="coverage", width=7)
        self.add_column(Text("flags"), key="flags", width=6)
        self.add_column(Text("claim"), key="label")

    @property
    def claim_ids(self) -> tuple[str, ...]:
        """Ids of the rows, top to bottom."""
        return tuple(c.id for c in self._claims)

    def show_claims(
        self, claims: Sequence[Claim], *, outlet_count: int, selected: str | None
    ) -> None:
        """Replace the rows and put the cursor on ``selected`` when it is listed."""
        self._claims = tuple(claims)
        self._outlet_count = outlet_count
        self._fill(selected)

    def on_resize(self) -> None:
        if self._claims:
            self._fill(self.selected_claim_id)

    @property
    def selected_claim_id(self) -> str | None:
        """Id of the claim under the cursor, or None when the list is empty."""
        if not self._claims or not 0 <= self.cursor_row < len(self._claims):
            return None
        return self._claims[self.cursor_row].id

    def select_claim(self, claim_id: str | None) -> bool:
        """Move the cursor to ``claim_id``; False when that claim is not listed."""
        if claim_id is None or claim_id not in self.claim_ids:
            return False
        row = self.claim_ids.index(claim_id)
        if row != self.cursor_row:
            # the App already knows the selection; echoing it back as a highlight
            # would bounce between the table and the App's watcher
            with self.prevent(DataTable.RowHighlighted):
                self.move_cursor(row=row, animate=False)
        return True

    def _fill(self, selected: str | None) -> None:
        with self.prevent(DataTable.RowHighlighted):
            self._fill_rows(selected)

    def _fill_rows(self, selected: str | None) -> None:
        label_width = max(self.scrollable_content_region.width - _FIXED_WIDTH - 2, 20)
        self.clear()
        # one styles lookup per fill, not per row: 200-outlet stories have long lists
        styles = {
            name: self.get_component_rich_style(f"claim-table--{name}", partial=True)
            for name in ("quote", "number", "divergent", "unique")
        }
        rows = []
        for claim in self._claims:
            count = coverage(claim)
            cov = Text(f"{count}/{self._outlet_count}")
            if count == 1:
                cov.stylize(styles["unique"])
            flags = Text()
            flags.append("“" if claim.quotes else " ", styles["quote"])
            flags.append("#" if claim.numbers else " ", styles["number"])
            changes = divergence_count(claim)
            flags.append(f"Δ{changes}" if changes else "", styles["divergent"])
            label = Text(truncate(printable(claim.label), label_width))
            rows.append((Text(printable(claim.id)), cov, flags, label))
        for claim, row in zip(self._claims, rows, strict=True):
            self.add_row(*row, key=claim.id)
        if selected is not None and selected in self.claim_ids:
            self.move_cursor(row=self.claim_ids.index(selected), animate=False)
