"""Messages the TUI's screens and widgets send upward; the App decides what happens.

Widgets never switch screens or change app state themselves: they say what the user
picked and the App (or the main screen) acts on it, as toolong's messages do.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message


@dataclass
class ClaimChosen(Message):
    """A claim was picked in some view: show it in the main screen's detail pane."""

    claim_id: str


@dataclass
class ArticleRequested(Message):
    """Open one outlet's article, scrolled to a sentence when given."""

    article_id: str
    sentence: int | None = None


@dataclass
class CompareProgress(Message):
    """A line of progress from comparing articles in a worker."""

    text: str
