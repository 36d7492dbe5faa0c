"""The command palette's storydiff commands: every filter, sort, view and export.

Titles are namespaced ("filter: numbers only", "view: coverage matrix") so typing the
namespace lists the family. The App supplies the list; this provider only matches it.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, cast

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.fuzzy import Matcher

if TYPE_CHECKING:
    from storydiff.tui.app import PaletteCommand, StorydiffApp


class StorydiffCommands(Provider):
    """Filters, sorting, views and exports of the current story."""

    def _commands(self) -> list[PaletteCommand]:
        return cast("StorydiffApp", self.app).palette_commands()

    async def discover(self) -> Hits:
        for title, callback, help_text in self._commands():
            # Content, not str: a title may hold an outlet name, never to be read as markup
            yield DiscoveryHit(Content(title), callback, text=title, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, callback, help_text in self._commands():
            score = matcher.match(title)
            if score > 0:
                yield Hit(score, highlight_plain(matcher, title), partial(callback), text=title,
                          help=help_text)


def highlight_plain(matcher: Matcher, title: str) -> Content:
    """``title`` as plain text with the letters the query matched styled.

    ``Matcher.highlight`` parses the title as markup: an outlet name from front matter
    would become a live ``@click`` action, and an unbalanced tag would raise and hide
    every hit.
    """
    content = Content(title)
    score, offsets = matcher.fuzzy_search.match(matcher.query, title)
    if not score:
        return content
    for offset in offsets:
        if not title[offset].isspace():
            content = content.stylize(matcher.match_style, offset, offset + 1)
    return content
