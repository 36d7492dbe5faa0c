"""The figure ledger: every figure in the story, who uses it, and how they frame it.

One row per mention, grouped by figure. A mention whose subject (the thing counted) or
hedge differs from how most outlets use that figure is highlighted, since that is where
"712 homes" quietly becomes "more than 700 homes" or "$12 million in road repairs".
"""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static

from storydiff.coverage.model import Alignment
from storydiff.coverage.numbers import readable_value
from storydiff.tui.messages import ClaimChosen
from storydiff.tui.render import printable
from storydiff.tui.view import figure_usage


class FigureLedger(DataTable[Text]):
    """One row per figure mention; row keys are ``figure-index:mention-index``."""

    COMPONENT_CLASSES = {"figure-ledger--changed", "figure-ledger--value"}
    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
    ]

    def __init__(self, alignment: Alignment) -> None:
        super().__init__(cursor_type="row", id="ledger")
        self.alignment = alignment
        self.mention_claims: dict[str, str | None] = {}
        """Row key → claim id of that mention."""

    def on_mount(self) -> None:
        changed = self.get_component_rich_style("figure-ledger--changed", partial=True)
        value_style = self.get_component_rich_style("figure-ledger--value", partial=True)
        outlets = {a.id: a.outlet for a in self.alignment.articles}
        rows: list[tuple[str, tuple[Text, ...]]] = []
        for fi, figure in enumerate(self.alignment.figures):
            usage = figure_usage(figure)
            for mi, mention in enumerate(figure.mentions):
                first = mi == 0
                hedge = Text(printable(mention.qualifier or "—"))
                if mention.qualifier != usage.usual_qualifier:
                    hedge.stylize(changed)
                subject = Text(printable(mention.subject or "—"))
                if mention.subject != usage.usual_subject:
                    subject.stylize(changed)
                key = f"{fi}:{mi}"
                self.mention_claims[key] = mention.claim
                rows.append((key, (
                    Text(printable(readable_value(figure.value)) if first else "", value_style),
                    Text(figure.kind.value if first else ""),
                    Text(printable(outlets.get(mention.article, mention.article))),
                    Text(printable(mention.surface)),
                    hedge,
                    subject,
                    Text(printable(mention.claim or "—")),
                )))
        # Fixed widths from the longest cell (capped): DataTable would otherwise measure
        # every cell of every row, which is most of the cost on thousands of mentions.
        labels = ("figure", "kind", "outlet", "surface", "hedge", "subject", "claim")
        for column, label in enumerate(labels):
            longest = max((len(cells[column].plain) for _, cells in rows), default=0)
            self.add_column(Text(label), key=label, width=min(max(longest, len(label)), 40))
        for key, cells in rows:
            self.add_row(*cells, key=key)


class LedgerScreen(Screen[None]):
    """The figure ledger; Enter on a mention opens its claim."""

    BINDINGS = [
        Binding("escape,f", "app.pop_screen", "Back", id="ledger-back",
                tooltip="Return to the claims list."),
    ]

    def __init__(self, alignment: Alignment) -> None:
        super().__init__()
        self.alignment = alignment

    def compose(self) -> ComposeResult:
        yield Static(
            Text(f"Figure ledger · {len(self.alignment.figures)} figures · highlighted: a "
                 "subject or hedge that differs from most outlets' · enter: open claim"),
            id="ledger-legend",
        )
        yield FigureLedger(self.alignment)
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(FigureLedger).focus()

    @on(DataTable.RowSelected)
    def _open_claim(self, event: DataTable.RowSelected) -> None:
        ledger = self.query_one(FigureLedger)
        claim_id = ledger.mention_claims.get(str(event.row_key.value))
        if claim_id is not None:
            self.post_message(ClaimChosen(claim_id))
        else:
            self.notify("This mention belongs to no claim.", markup=False)
