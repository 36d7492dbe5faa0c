"""One outlet's cleaned article, sentence by sentence, with aligned sentences marked.

Each sentence that states a claim carries that claim's id in the margin; Enter on it
opens the claim, so a reader can go from a claim to the article and back. What cleaning
dropped (boilerplate, captions, prompts) is hidden until asked for with ``d``.
"""

from __future__ import annotations

import contextlib

from rich.style import Style
from rich.table import Table
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from storydiff.coverage.model import Article
from storydiff.tui.messages import ClaimChosen
from storydiff.tui.render import plain, printable


class ArticleText(OptionList):
    """The article's sentences (and any text between them) as selectable lines."""

    COMPONENT_CLASSES = {"article-text--claim"}
    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
    ]


def _line(margin: Text, text: Text, width: int) -> Table:
    """A margin and a text that wraps beside it (a hanging indent), never markup."""
    grid = Table.grid(padding=(0, 1))
    grid.add_column(width=width, no_wrap=True)
    grid.add_column(ratio=1)
    grid.add_row(margin, text)
    return grid


def article_options(
    article: Article, sentence_claims: dict[tuple[str, int], str], *, marker_style: Style | str = ""
) -> list[Option]:
    """Options for the article: sentences (id ``s<index>``), gaps between them disabled."""
    width = max((len(c) for (a, _), c in sentence_claims.items() if a == article.id), default=0)
    options: list[Option] = []
    position = 0
    for sentence in article.sentences:
        gap = article.text[position : sentence.start]
        if gap.strip():
            options.append(Option(_line(Text(), plain(gap.strip()), width), disabled=True))
        position = max(position, sentence.end)
        claim_id = sentence_claims.get((article.id, sentence.index))
        margin = Text(printable(claim_id or ""), marker_style)
        options.append(Option(_line(margin, plain(sentence.text), width), id=f"s{sentence.index}"))
    rest = article.text[position:]
    if rest.strip():
        options.append(Option(_line(Text(), plain(rest.strip()), width), disabled=True))
    return options


class ArticleScreen(Screen[None]):
    """An outlet's article; Enter on a marked sentence opens its claim."""

    BINDINGS = [
        Binding("escape", "app.pop_screen", "Back", id="article-back",
                tooltip="Return to the claims list."),
        Binding("d", "toggle_dropped", "Dropped lines", id="article-dropped",
                tooltip="Show or hide the lines cleaning removed, with the reason."),
    ]

    def __init__(
        self,
        article: Article,
        sentence_claims: dict[tuple[str, int], str],
        *,
        sentence: int | None = None,
    ) -> None:
        super().__init__()
        self.article = article
        self.sentence_claims = sentence_claims
        self.start_sentence = sentence

    def compose(self) -> ComposeResult:
        a = self.article
        heading = Text()
        heading.append(printable(a.outlet), "bold")
        heading.append(f"  {printable(a.published or 'date unknown')}  {printable(a.path)}")
        if a.title:
            heading.append("\n")
            heading.append_text(plain(a.title))
        yield Static(heading, id="article-heading")
        yield ArticleText(id="article-text")
        dropped = Text(f"Dropped by cleaning ({len(a.dropped)} lines):")
        for line in a.dropped:
            dropped.append(f"\n[{printable(line.reason)}] ")
            dropped.append(printable(line.text))
        yield Static(dropped, id="article-dropped")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#article-dropped").display = False
        text = self.query_one(ArticleText)
        style = text.get_component_rich_style("article-text--claim", partial=True)
        text.add_options(article_options(self.article, self.sentence_claims, marker_style=style))
        if self.start_sentence is not None:
            with contextlib.suppress(LookupError):  # a sentence the article lacks
                text.highlighted = text.get_option_index(f"s{self.start_sentence}")
        text.focus()

    @property
    def showing_dropped(self) -> bool:
        """Whether the dropped lines are on screen."""
        return bool(self.query_one("#article-dropped").display)

    def action_toggle_dropped(self) -> None:
        dropped = self.query_one("#article-dropped")
        dropped.display = not dropped.display

    @on(OptionList.OptionSelected)
    def _open_claim(self, event: OptionList.OptionSelected) -> None:
        option_id = event.option.id or ""
        claim_id = self.sentence_claims.get((self.article.id, int(option_id[1:] or -1)))
        if claim_id is None:
            self.notify("This sentence states no claim shared in the alignment.", markup=False)
            return
        self.post_message(ClaimChosen(claim_id))
