"""What the TUI shows, decided from the alignment alone: coverage, flags, filters, order.

Every function here is pure and Textual-free, so the rules that decide which claims are
listed (and in what order) are tested without a terminal. The TUI never recomputes what
the alignment file holds; it only counts, groups and filters it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum
from typing import Any

from storydiff.coverage.model import (
    Alignment,
    Article,
    Claim,
    Credit,
    Derivation,
    DivergenceType,
    Figure,
    Member,
    SharedSentence,
)
from storydiff.coverage.outlets import outlet_labels as short_labels


class SortOrder(StrEnum):
    """How the claims list is ordered; the first is the one the TUI opens on."""

    CHANGES_FIRST = "changes first"
    """Shared claims where outlets differ, then the other shared claims, then claims one
    outlet alone states; story order within each. Most claims of a story are one
    outlet's, so story order opens on headlines nobody else wrote."""
    STORY = "story order"
    COVERAGE = "coverage"
    DIVERGENCES = "divergences"

    def next(self) -> SortOrder:
        """The order after this one, wrapping round."""
        orders = list(SortOrder)
        return orders[(orders.index(self) + 1) % len(orders)]


class CellState(StrEnum):
    """One outlet's standing on one claim, as the coverage matrix shows it."""

    PRESENT = "present"
    ALTERED = "altered"
    MISSING = "missing"
    """Left out, where enough outlets state the claim for that to be an omission."""
    ABSENT = "absent"
    """Not stated, where too few outlets state the claim for that to mean anything."""


@dataclass(frozen=True, slots=True)
class ClaimCells:
    """One claim's row of the coverage matrix, with its sets built once, so a cell is
    three set look-ups however many outlets the story has."""

    present: frozenset[str]
    altered: frozenset[str]
    missing: frozenset[str]
    """The claim's omissions under the story's ``OmissionRule``."""

    def state(self, article_id: str) -> CellState:
        """The cell of ``article_id``; agrees with ``cell_state``."""
        if article_id in self.altered:
            return CellState.ALTERED
        if article_id in self.present:
            return CellState.PRESENT
        return CellState.MISSING if article_id in self.missing else CellState.ABSENT


def claim_cells(claim: Claim, *, omitted_by: tuple[str, ...] = ()) -> ClaimCells:
    """``claim``'s matrix row; ``omitted_by`` as for ``cell_state``."""
    return ClaimCells(frozenset(claim_articles(claim)), altered_articles(claim),
                      frozenset(omitted_by))


@dataclass(frozen=True, slots=True)
class Page:
    """Which slice of a long list is built: the matrix's outlets, the ledger's mentions.

    A widget holds one page, so opening it costs a page however long the list is.

    >>> page = Page(number=0, size=16, total=1000)
    >>> page.count, page.turned(1).start, page.turned(99).stop, page.of_item(999).number
    (63, 16, 1000, 62)
    >>> page.turned(1).describe("outlets")
    'outlets 17–32 of 1000'
    """

    number: int
    size: int
    total: int

    @property
    def count(self) -> int:
        """How many pages there are (at least one, even of nothing)."""
        return max(1, -(-self.total // self.size))

    @property
    def start(self) -> int:
        return self.number * self.size

    @property
    def stop(self) -> int:
        return min(self.start + self.size, self.total)

    def turned(self, step: int) -> Page:
        """The page ``step`` pages on (back when negative), kept within the list."""
        return replace(self, number=min(max(self.number + step, 0), self.count - 1))

    def of_item(self, index: int) -> Page:
        """The page holding item ``index``."""
        return replace(self, number=0).turned(index // self.size)

    def describe(self, noun: str) -> str:
        return f"{noun} {self.start + 1}–{self.stop} of {self.total}"


@dataclass(frozen=True, slots=True)
class ClaimFilter:
    """Which claims the list shows; every condition must hold."""

    divergent_only: bool = False
    quotes_only: bool = False
    numbers_only: bool = False
    unique_only: bool = False
    divergence_type: DivergenceType | None = None
    outlet: str | None = None
    """Article id: only claims this outlet states."""
    search: str = ""
    """Case-insensitive text looked for in the label and every member's sentence."""

    @property
    def is_active(self) -> bool:
        """True when any condition narrows the list."""
        return self != ClaimFilter()

    def toggled(self, name: str) -> ClaimFilter:
        """This filter with the boolean condition ``name`` flipped."""
        flags: dict[str, Any] = {name: not getattr(self, name)}
        return replace(self, **flags)

    def describe(self, outlet_names: dict[str, str]) -> str:
        """A short line for the status bar: "divergent · numbers · outlet: Harbor Times"."""
        parts = [
            word
            for flag, word in (
                (self.divergent_only, "divergent"),
                (self.quotes_only, "quotations"),
                (self.numbers_only, "numbers"),
                (self.unique_only, "unique"),
            )
            if flag
        ]
        if self.divergence_type is not None:
            parts.append(f"type: {self.divergence_type.value}")
        if self.outlet is not None:
            parts.append(f"outlet: {outlet_names.get(self.outlet, self.outlet)}")
        if self.search:
            parts.append(f"search: {self.search}")
        return " · ".join(parts)


def claim_articles(claim: Claim) -> tuple[str, ...]:
    """Ids of the articles stating the claim, in member order, each once."""
    return tuple(dict.fromkeys(m.article for m in claim.members))


def coverage(claim: Claim) -> int:
    """How many outlets state the claim."""
    return len(claim_articles(claim))


def altered_articles(claim: Claim) -> frozenset[str]:
    """Articles named in any divergence of the claim (omissions aside)."""
    return frozenset(
        a for d in claim.divergences if d.type is not DivergenceType.OMITTED for a in d.articles
    )


def divergence_count(claim: Claim) -> int:
    """Divergences other than omissions: omissions are what coverage already counts."""
    return sum(1 for d in claim.divergences if d.type is not DivergenceType.OMITTED)


def cell_state(claim: Claim, article_id: str, *, omitted_by: tuple[str, ...] = ()) -> CellState:
    """Present, altered, missing or absent: one cell of the coverage matrix.

    ``omitted_by`` is the claim's omissions under the story's ``OmissionRule``.
    """
    if article_id in altered_articles(claim):
        return CellState.ALTERED
    if article_id in claim_articles(claim):
        return CellState.PRESENT
    return CellState.MISSING if article_id in omitted_by else CellState.ABSENT


def signal_rank(claim: Claim) -> int:
    """0 for a shared claim where outlets differ, 1 for another shared claim, 2 for a
    claim one outlet alone states: the claims that matter come first."""
    if coverage(claim) < 2:
        return 2
    return 0 if divergence_count(claim) else 1


def matches(claim: Claim, claim_filter: ClaimFilter) -> bool:
    """Whether the claim passes every condition of the filter."""
    f = claim_filter
    if f.divergent_only and divergence_count(claim) == 0:
        return False
    if f.quotes_only and not claim.quotes:
        return False
    if f.numbers_only and not claim.numbers:
        return False
    if f.unique_only and coverage(claim) != 1:
        return False
    wanted_type = f.divergence_type
    if wanted_type is not None and all(d.type != wanted_type for d in claim.divergences):
        return False
    if f.outlet is not None and f.outlet not in claim_articles(claim):
        return False
    if f.search:
        needle = f.search.casefold()
        haystacks = (claim.label, *(m.text for m in claim.members))
        if not any(needle in text.casefold() for text in haystacks):
            return False
    return True


def visible_claims(
    claims: Sequence[Claim], *, claim_filter: ClaimFilter, order: SortOrder
) -> tuple[Claim, ...]:
    """The claims the list shows, filtered then sorted; ties keep story order."""
    kept = [c for c in claims if matches(c, claim_filter)]
    if order is SortOrder.CHANGES_FIRST:
        kept.sort(key=signal_rank)
    elif order is SortOrder.COVERAGE:
        kept.sort(key=lambda c: -coverage(c))
    elif order is SortOrder.DIVERGENCES:
        kept.sort(key=lambda c: -divergence_count(c))
    return tuple(kept)


def divergence_types(claims: Iterable[Claim]) -> tuple[DivergenceType, ...]:
    """The divergence types present in the story, in the enum's order."""
    found = {d.type for c in claims for d in c.divergences}
    return tuple(t for t in DivergenceType if t in found)


def members_by_article(claim: Claim) -> dict[str, tuple[Member, ...]]:
    """The claim's members grouped by article (an outlet may state it in two sentences)."""
    grouped: dict[str, list[Member]] = {}
    for member in claim.members:
        grouped.setdefault(member.article, []).append(member)
    return {a: tuple(ms) for a, ms in grouped.items()}


def sentence_claims(alignment: Alignment) -> dict[tuple[str, int], str]:
    """(article id, sentence index) → id of the claim that sentence states."""
    return {(m.article, m.sentence): c.id for c in alignment.claims for m in c.members}


def with_outlet_labels(alignment: Alignment) -> Alignment:
    """The alignment as the TUI shows it: each outlet by its short label, so a file-named
    outlet (``000_402aea852ad639f5``) takes a column's width, not two."""
    labels = short_labels(alignment.articles)
    if all(labels[a.id] == a.outlet for a in alignment.articles):
        return alignment
    articles = tuple(replace(a, outlet=labels[a.id]) for a in alignment.articles)
    return replace(alignment, articles=articles)


def article_by_id(alignment: Alignment) -> dict[str, Article]:
    """Articles keyed by id."""
    return {a.id: a for a in alignment.articles}


@dataclass(frozen=True, slots=True)
class FigureUsage:
    """How the story mostly talks about a figure, so departures can be highlighted."""

    usual_subject: str | None
    usual_qualifier: str | None


def figure_usage(figure: Figure) -> FigureUsage:
    """The most common subject and qualifier of a figure's mentions (first seen on ties)."""

    def most_common(values: list[str | None]) -> str | None:
        return Counter(values).most_common(1)[0][0] if values else None

    return FigureUsage(
        usual_subject=most_common([m.subject for m in figure.mentions]),
        usual_qualifier=most_common([m.qualifier for m in figure.mentions]),
    )


def outlet_labels(alignment: Alignment) -> dict[str, str]:
    """Article id → outlet name, with the id added where an outlet has several texts."""
    counts = Counter(a.outlet for a in alignment.articles)
    return {
        a.id: a.outlet if counts[a.outlet] == 1 else f"{a.outlet} ({a.id})"
        for a in alignment.articles
    }


def shared_sentences(derivation: Derivation) -> tuple[SharedSentence, ...]:
    """The sentence pairs among a derivation's evidence, in the derived text's order."""
    return tuple(e for e in derivation.evidence if isinstance(e, SharedSentence))


def credits_in(derivation: Derivation) -> tuple[Credit, ...]:
    return tuple(e for e in derivation.evidence if isinstance(e, Credit))


def links_of(
    alignment: Alignment, article_id: str
) -> tuple[tuple[Derivation, ...], tuple[Derivation, ...]]:
    """(links where the article is the derived text, links where it is the source)."""
    return (
        tuple(d for d in alignment.provenance if d.derived == article_id),
        tuple(d for d in alignment.provenance if d.source == article_id),
    )
