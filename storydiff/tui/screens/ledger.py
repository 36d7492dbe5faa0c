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
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static

from storydiff.coverage.model import Alignment
from storydiff.coverage.numbers import readable_value
from storydiff.tui.messages import ClaimChosen
from storydiff.tui.render import printable
from storydiff.tui.view import FigureUsage, Page, figure_usage

LEDGER_PAGE = 250
"""Mentions built at once: a 1000-outlet story has thousands, and a DataTable's cost is
in the rows it holds, not the rows it shows."""

_LABELS = ("figure", "kind", "outlet", "surface", "hedge", "subject", "claim")


class FigureLedger(DataTable[Text]):
    """One row per figure mention; row keys are ``figure-index:mention-index``.

    It holds one page of mentions at a time: moving past the last row turns the page,
    ``[``/``]`` turn it, ``ctrl+home``/``ctrl+end`` go to the first and last mention.
    """

    COMPONENT_CLASSES = {"figure-ledger--changed", "figure-ledger--value"}
    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
        Binding("right_square_bracket", "turn_page(1)", "Next mentions", key_display="]",
                tooltip="Show the next page of mentions."),
        Binding("left_square_bracket", "turn_page(-1)", "Previous mentions", key_display="[",
                tooltip="Show the previous page of mentions."),
    ]

    class PageTurned(Message):
        """Another page of mentions is shown."""

    def __init__(self, alignment: Alignment, *, page_size: int = LEDGER_PAGE) -> None:
        super().__init__(cursor_type="row", id="ledger")
        self.alignment = alignment
        self.mentions = [
            (fi, mi) for fi, figure in enumerate(alignment.figures)
            for mi in range(len(figure.mentions))
        ]
        """(figure index, mention index) of every row, top to bottom."""
        self.mention_claims: dict[str, str | None] = {
            f"{fi}:{mi}": alignment.figures[fi].mentions[mi].claim for fi, mi in self.mentions
        }
        """Row key → claim id of that mention, for every mention (not only the page's)."""
        self.page = Page(number=0, size=page_size, total=len(self.mentions))
        self._outlets = {a.id: a.outlet for a in alignment.articles}
        self._usage: dict[int, FigureUsage] = {}

    def _plain_cells(self, row: int) -> tuple[str, ...]:
        """The words of row ``row``, the figure's value and kind on its first row (and on
        a page's first row, so a page never starts without them)."""
        fi, mi = self.mentions[row]
        figure = self.alignment.figures[fi]
        mention = figure.mentions[mi]
        first = mi == 0 or row == self.page.start
        return (
            printable(readable_value(figure.value)) if first else "",
            figure.kind.value if first else "",
            printable(self._outlets.get(mention.article, mention.article)),
            printable(mention.surface),
            printable(mention.qualifier or "—"),
            printable(mention.subject or "—"),
            printable(mention.claim or "—"),
        )

    def on_mount(self) -> None:
        self._changed = self.get_component_rich_style("figure-ledger--changed", partial=True)
        self._value_style = self.get_component_rich_style("figure-ledger--value", partial=True)
        # Fixed widths from the longest cell (capped): DataTable would otherwise measure
        # every cell of every row, and a page's widths would jump from page to page.
        longest = [len(label) for label in _LABELS]
        for row in range(len(self.mentions)):
            longest = [max(n, len(cell)) for n, cell in zip(longest, self._plain_cells(row),
                                                             strict=True)]
        for label, width in zip(_LABELS, longest, strict=True):
            self.add_column(Text(label), key=label, width=min(width, 40))
        self._show(self.page, row=0)

    def _row(self, row: int) -> tuple[Text, ...]:
        fi, mi = self.mentions[row]
        figure = self.alignment.figures[fi]
        mention = figure.mentions[mi]
        usage = self._usage.get(fi)
        if usage is None:
            usage = self._usage[fi] = figure_usage(figure)
        value, kind, outlet, surface, hedge, subject, claim = self._plain_cells(row)
        hedge_text, subject_text = Text(hedge), Text(subject)
        if mention.qualifier != usage.usual_qualifier:
            hedge_text.stylize(self._changed)
        if mention.subject != usage.usual_subject:
            subject_text.stylize(self._changed)
        return (Text(value, self._value_style), Text(kind), Text(outlet), Text(surface),
                hedge_text, subject_text, Text(claim))

    def _show(self, page: Page, *, row: int) -> None:
        """Build ``page``'s rows and put the cursor on its ``row``-th."""
        self.page = page
        self.clear()
        for index in range(page.start, page.stop):
            fi, mi = self.mentions[index]
            self.add_row(*self._row(index), key=f"{fi}:{mi}")
        if self.row_count:
            self.move_cursor(row=min(max(row, 0), self.row_count - 1), animate=False)
        self.post_message(self.PageTurned())

    def _turn_to(self, page: Page, *, row: int) -> None:
        if page != self.page:
            self._show(page, row=row)
        elif self.row_count:
            self.move_cursor(row=min(max(row, 0), self.row_count - 1), animate=False)

    def show_mention(self, key: str) -> None:
        """Turn to the page of mention ``key`` (``figure-index:mention-index``) and put
        the cursor on it."""
        fi, mi = (int(part) for part in key.split(":"))
        index = self.mentions.index((fi, mi))
        page = self.page.of_item(index)
        self._turn_to(page, row=index - page.start)

    def action_turn_page(self, step: int) -> None:
        self._turn_to(self.page.turned(step), row=self.cursor_row)

    def action_scroll_top(self) -> None:
        self._turn_to(self.page.of_item(0), row=0)

    def action_scroll_bottom(self) -> None:
        last = self.page.of_item(self.page.total - 1)
        self._turn_to(last, row=last.stop - last.start - 1)

    def action_cursor_down(self) -> None:
        if self.cursor_row == self.row_count - 1 and self.page.turned(1) != self.page:
            self._turn_to(self.page.turned(1), row=0)
        else:
            super().action_cursor_down()

    def action_cursor_up(self) -> None:
        before = self.page.turned(-1)
        if self.cursor_row == 0 and before != self.page:
            self._turn_to(before, row=before.size - 1)
        else:
            super().action_cursor_up()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "turn_page":
            return self.page.count > 1  # hidden from the footer when there is one page
        return super().check_action(action, parameters)


def legend(alignment: Alignment, page: Page) -> Text:
    """The line above the ledger, saying which mentions are shown when not all."""
    text = Text("Figure ledger · ")
    if page.count > 1:  # first: a narrow screen cuts the end of the line
        text.append(f"{page.describe('mentions')} ([ ]: more) · ")
    text.append(f"{len(alignment.figures)} figures · highlighted: a subject or hedge that "
                "differs from most outlets' · enter: open claim")
    return text


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
        yield Static(legend(self.alignment, Page(number=0, size=1, total=1)),
                     id="ledger-legend")
        yield FigureLedger(self.alignment)
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(FigureLedger).focus()

    @on(FigureLedger.PageTurned)
    def _show_page(self) -> None:
        ledger = self.query_one(FigureLedger)
        self.query_one("#ledger-legend", Static).update(legend(self.alignment, ledger.page))
        self.refresh_bindings()

    @on(DataTable.RowSelected)
    def _open_claim(self, event: DataTable.RowSelected) -> None:
        ledger = self.query_one(FigureLedger)
        claim_id = ledger.mention_claims.get(str(event.row_key.value))
        if claim_id is not None:
            self.post_message(ClaimChosen(claim_id))
        else:
            self.notify("This mention belongs to no claim.", markup=False)
