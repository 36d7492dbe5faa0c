"""The help screen, built from the key bindings active where it was opened.

Bindings are declared as data with an id, a description and a tooltip, so help never
drifts from what the keys do: this screen only lists them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Static


@dataclass(frozen=True, slots=True)
class KeyHelp:
    """One line of help: the key(s), what they do, and the longer explanation."""

    keys: str
    description: str
    tooltip: str


class HelpScreen(ModalScreen[None]):
    """A modal list of keys; any of escape, q, ? or f1 closes it."""

    BINDINGS = [
        Binding("escape,q,question_mark,f1", "dismiss", "Close help", id="help-close"),
    ]

    def __init__(self, keys: Sequence[KeyHelp]) -> None:
        super().__init__()
        self.keys = tuple(keys)

    def compose(self) -> ComposeResult:
        with Vertical(id="help-box"):
            yield Static(
                Text("storydiff keys  ·  ctrl+p: every command  ·  escape: close"),
                id="help-title",
            )
            table: DataTable[Text] = DataTable(cursor_type="row", id="help-keys")
            yield table

    def on_mount(self) -> None:
        table = self.query_one("#help-keys", DataTable)
        key_width = max((len(line.keys) for line in self.keys), default=3)
        does_width = max((len(line.description) for line in self.keys), default=4)
        # the details wrap inside the box rather than run off its right edge at 80 columns
        # app.tcss: #help-box is 90% wide, at most 120; take off its border, the
        # scrollbar and one cell of padding each side of three columns
        box = min(self.app.size.width * 9 // 10, 120)
        details_width = max(box - 2 - 2 - 6 - key_width - does_width, 20)
        table.add_column(Text("key"), key="key", width=key_width)
        table.add_column(Text("does"), key="does", width=does_width)
        table.add_column(Text("details"), key="details", width=details_width)
        for line in self.keys:
            table.add_row(
                Text(line.keys), Text(line.description), Text(line.tooltip), height=None
            )
        table.focus()
