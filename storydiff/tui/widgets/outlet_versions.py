"""The claim view: each outlet's version of one claim, its changes, and who left it out.

Who "left it out" follows the story's ``OmissionRule``: a claim one outlet alone
states is shown as that outlet's addition, not as every other outlet's omission.

``OutletVersion`` rows form a pool that only grows to the widest claim seen so far and
is re-used for every claim (re-assigned, re-classed, hidden): the DOM stays as small as
the claim, so moving through a 200-outlet story restyles a few rows, not 200. Word
changes, numbers and quotations are styled spans of a ``Text`` whose styles come from
component classes in ``app.tcss``; the words themselves are never markup.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.style import Style
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widget import Widget
from textual.widgets import Static

from storydiff.coverage.model import Article, Claim, DivergenceType, Member
from storydiff.coverage.omissions import OmissionRule, added_by, omitted_by
from storydiff.coverage.versions import evidence_elsewhere, versions
from storydiff.tui.messages import ArticleRequested
from storydiff.tui.render import ROLES, plain, printable, version_text
from storydiff.tui.view import altered_articles, coverage, members_by_article


class OutletVersion(Widget, can_focus=True):
    """One outlet's sentence(s) for the shown claim; Enter or a click opens the article."""

    COMPONENT_CLASSES = {
        "outlet-version--outlet",
        "outlet-version--meta",
        "outlet-version--delete",
        "outlet-version--insert",
        "outlet-version--replace",
        "outlet-version--number",
        "outlet-version--quote",
        "outlet-version--divergence",
    }
    DEFAULT_CSS = """
    OutletVersion { height: auto; }
    """
    BINDINGS = [
        Binding("enter", "open_article", "Open article", id="version-article",
                tooltip="Read this outlet's article at this claim."),
        Binding("down,j", "step(1)", "Next version", show=False, id="version-next",
                tooltip="Move to the next outlet's version of the claim."),
        Binding("up,k", "step(-1)", "Previous version", show=False, id="version-previous",
                tooltip="Move to the previous outlet's version of the claim."),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.article: Article | None = None
        self.claim: Claim | None = None
        self.members: tuple[Member, ...] = ()
        self._text: Text | None = None
        """The rendered row, kept until the row or the theme changes: Textual renders a
        row several times per frame (height, then lines)."""

    def show(
        self,
        article: Article,
        claim: Claim,
        members: Sequence[Member],
        *,
        altered: frozenset[str] = frozenset(),
    ) -> None:
        """Show ``article``'s ``members`` of ``claim``.

        ``altered`` is the claim's altered articles, computed once by the caller.
        """
        self.article = article
        self.claim = claim
        self.members = tuple(members)
        self._text = None
        self.display = True
        self.set_class(article.id in altered, "-altered")
        self.set_class(article.id == claim.reference, "-reference")
        self.refresh(layout=True)

    def hide(self) -> None:
        """Take this row out of the pane until it is needed again."""
        self.article, self.claim, self.members = None, None, ()
        self._text = None
        self.display = False

    def notify_style_update(self) -> None:
        self._text = None  # component styles (theme, classes) may have changed
        super().notify_style_update()

    def render(self) -> Text:
        if self._text is None:
            self._text = self._build_text()
        return self._text

    def _build_text(self) -> Text:
        claim, article = self.claim, self.article
        if claim is None or article is None or not self.members:
            return Text()
        style = self.get_component_rich_style
        roles: dict[str, Style] = {
            role: style(f"outlet-version--{role}", partial=True) for role in ROLES
        }
        meta = style("outlet-version--meta", partial=True)
        text = Text()
        text.append(printable(article.outlet), style("outlet-version--outlet", partial=True))
        text.append(f"  {printable(article.published or 'date unknown')}", meta)
        if article.id == claim.reference:
            text.append("  reference", meta)
        else:
            text.append(f"  {max(m.score for m in self.members):.2f}", meta)
        version = next(v for v in versions(claim) if v.article == article.id)
        text.append("\n")
        text.append_text(version_text(version, claim, roles))
        for quote in claim.quotes:
            if quote.article == article.id:
                text.append("\n")
                text.append("quote credited to ", meta)
                text.append(printable(quote.speaker or "nobody named"))
        divergence_style = style("outlet-version--divergence", partial=True)
        for divergence in claim.divergences:
            if article.id in divergence.articles and (
                divergence.type is not DivergenceType.OMITTED
            ):
                text.append("\n")
                text.append(f"▲ {divergence.type.value}: ", divergence_style)
                text.append(printable(divergence.detail))
                text.append(f"  confidence {divergence.confidence:.2f}", meta)
        return text

    def action_open_article(self) -> None:
        if self.article is not None and self.members:
            self.post_message(ArticleRequested(self.article.id, self.members[0].sentence))

    def on_click(self) -> None:
        self.action_open_article()

    def action_step(self, step: int) -> None:
        # the versions are the only focusable rows of the pane; wrap round within them
        if step > 0:
            self.screen.focus_next(OutletVersion)
        else:
            self.screen.focus_previous(OutletVersion)


VERSION_LIMIT = 20
"""Versions laid out at once: each costs layout on every move, and a 200-outlet claim
stated by 60 outlets made holding the arrow key lag. ``v`` shows them all."""


NAMES_LIMIT = 30
"""Outlets named in the "left out by" line; the others are counted."""


class ClaimDetail(VerticalScroll):
    """The detail pane: the claim's label and coverage, every outlet's version, omissions."""

    DEFAULT_CSS = """
    ClaimDetail { height: 1fr; }
    ClaimDetail > Static { height: auto; }
    """

    def __init__(
        self, articles: Sequence[Article], *, rule: OmissionRule | None = None,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self.articles = tuple(articles)
        self.rule = rule or OmissionRule()
        """When an outlet's silence on a claim is an omission (the story's settings)."""
        self.claim: Claim | None = None
        self._articles_by_id = {a.id: a for a in self.articles}
        self._pool: list[OutletVersion] = []
        self.version_limit = VERSION_LIMIT
        self.show_all = False
        """Whether every version is shown, however many outlets state the claim."""

    def compose(self) -> ComposeResult:
        yield Static(id="claim-heading")
        yield Static(id="claim-more")
        yield Static(id="claim-elsewhere")
        yield Static(id="claim-missing")

    def show_claim(self, claim: Claim | None) -> None:
        """Show ``claim``, or a hint when nothing is selected."""
        self.claim = claim
        heading = self.query_one("#claim-heading", Static)
        missing = self.query_one("#claim-missing", Static)
        more = self.query_one("#claim-more", Static)
        altered = altered_articles(claim) if claim else frozenset()
        ordered = self._ordered_versions(claim, altered)
        shown = ordered if self.show_all else ordered[: self.version_limit]
        if len(shown) > len(self._pool):
            extra = [OutletVersion() for _ in range(len(shown) - len(self._pool))]
            self._pool.extend(extra)
            self.mount_all(extra, before=more)
        for version, (article, members) in zip(self._pool, shown, strict=False):
            if claim is not None:
                version.show(article, claim, members, altered=altered)
        for version in self._pool[len(shown):]:
            if version.display:
                version.hide()
        hidden = len(ordered) - len(shown)
        more.display = hidden > 0
        more.update(Text(f"… and {hidden} more outlets state this claim (v: show all)"))
        elsewhere = self.query_one("#claim-elsewhere", Static)
        if claim is None:
            heading.update(Text("No claim selected."))
            missing.update(Text())
            elsewhere.update(Text())
            return
        elsewhere.update(self._elsewhere_text(claim))
        head = Text()
        head.append(f"{printable(claim.id)}  ", "bold")
        head.append(f"stated by {coverage(claim)} of {len(self.articles)} outlets\n")
        head.append_text(plain(claim.label))
        heading.update(head)
        omitted = omitted_by(claim, outlets=len(self.articles), rule=self.rule)
        missing.update(Text(self._silence_line(claim, omitted)))
        missing.set_class(bool(omitted), "-missing")
        self.scroll_home(animate=False)

    def _elsewhere_text(self, claim: Claim) -> Text:
        """Outlets that state this claim's figure or quotation in a sentence of another
        claim: the sentence, beside the change it shows."""
        text = Text()
        for divergence in claim.divergences:
            for evidence in evidence_elsewhere(claim, divergence):
                article = self._articles_by_id.get(evidence.article)
                if text:
                    text.append("\n")
                text.append(f"▲ {divergence.type.value}: ", "bold")
                text.append(printable(divergence.detail))
                text.append(f"  confidence {divergence.confidence:.2f}\n", "dim")
                outlet = article.outlet if article else evidence.article
                text.append(f"  elsewhere, {printable(outlet)}: ", "italic")
                text.append(printable(evidence.text))
        return text

    def _silence_line(self, claim: Claim, omitted: tuple[str, ...]) -> str:
        """Who left the claim out, when that means something; else whose claim it is."""

        def names(ids: Sequence[str]) -> str:
            # A claim most of 1000 outlets state leaves a few hundred out: name a line's
            # worth, count the rest (the matrix shows each).
            shown = ", ".join(
                printable(a.outlet if (a := self._articles_by_id.get(i)) else i)
                for i in ids[:NAMES_LIMIT]
            )
            more = len(ids) - NAMES_LIMIT
            return f"{shown} and {more} more (m: the matrix)" if more > 0 else shown

        if omitted:
            return f"Left out by: {names(omitted)}"
        if not claim.missing_from:
            return "Every outlet states this claim."
        adder = added_by(claim, outlets=len(self.articles))
        if adder is not None:
            return f"Only {names([adder])} states this claim: its addition."
        outlets = len(self.articles)
        return (f"Not stated by {len(claim.missing_from)} other outlets (an omission needs "
                f"{self.rule.floor(outlets)} of {outlets} to state it).")

    def _ordered_versions(
        self, claim: Claim | None, altered: frozenset[str]
    ) -> list[tuple[Article, tuple[Member, ...]]]:
        """Reference first, then outlets that depart from it, then the rest (stable)."""
        if claim is None:
            return []
        grouped = [
            (self._articles_by_id[a], members)
            for a, members in members_by_article(claim).items()
            if a in self._articles_by_id
        ]
        return sorted(
            grouped, key=lambda item: (item[0].id != claim.reference, item[0].id not in altered)
        )

    def toggle_show_all(self) -> None:
        """Show every outlet's version, or only the first ``version_limit`` again."""
        self.show_all = not self.show_all
        self.show_claim(self.claim)

    def versions(self) -> list[OutletVersion]:
        """The outlet rows shown for the current claim, reference first."""
        return [v for v in self._pool if v.display and v.article is not None]

    def version_of(self, article_id: str) -> OutletVersion | None:
        """The row showing ``article_id``'s version, if it is shown."""
        return next((v for v in self.versions() if v.article and v.article.id == article_id),
                    None)
