"""The data every stage passes on: frozen dataclasses, tuples inside, no behaviour.

Each stage of the pipeline (ingest, clean, segment, align, detect) is a pure function
from these values to these values, and ``store.py`` alone maps them to the JSON of the
alignment file. Offsets are always character offsets into the text they name.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any

SCHEMA = "storydiff/alignment@1"


class NumberKind(StrEnum):
    """What a number is, so that a year is never compared with a head count."""

    COUNT = "count"
    PERCENT = "percent"
    MONEY = "money"
    YEAR = "year"
    DATE = "date"
    MEASURE = "measure"
    ORDINAL = "ordinal"
    TIME = "time"


class DivergenceType(StrEnum):
    """The ways one outlet's version of a claim can depart from the reference."""

    NUMBER_CHANGED = "number_changed"
    NUMBER_SUBJECT_CHANGED = "number_subject_changed"
    QUALIFIER_CHANGED = "qualifier_changed"
    QUOTE_ALTERED = "quote_altered"
    QUOTE_TRIMMED = "quote_trimmed"
    ATTRIBUTION_CHANGED = "attribution_changed"
    OMITTED = "omitted"


class DiffOp(StrEnum):
    """A word-level edit of a member against the reference member."""

    EQUAL = "equal"
    INSERT = "insert"
    DELETE = "delete"
    REPLACE = "replace"


@dataclass(frozen=True, slots=True)
class Metadata:
    """What is known about an article besides its text; any field may be unknown."""

    outlet: str | None = None
    title: str | None = None
    url: str | None = None
    published: str | None = None
    """ISO date (``YYYY-MM-DD``) when known."""
    author: str | None = None

    def merged_over(self, fallback: Metadata) -> Metadata:
        """Fields of ``self`` where known, else those of ``fallback``."""
        return Metadata(
            outlet=self.outlet or fallback.outlet,
            title=self.title or fallback.title,
            url=self.url or fallback.url,
            published=self.published or fallback.published,
            author=self.author or fallback.author,
        )


@dataclass(frozen=True, slots=True)
class RawArticle:
    """One article as read from disk or the web, before cleaning."""

    path: str
    """As given by the user (a file path or a URL)."""
    text: str
    """Decoded text; for HTML, the main text an extractor found."""
    metadata: Metadata
    """From front matter, HTML meta or JSON fields; the text itself is read later."""
    source_format: str
    """One of ``txt``, ``md``, ``html``, ``json``, ``jsonl``."""


@dataclass(frozen=True, slots=True)
class DroppedLine:
    """A line cleaning removed, kept so a user can see what went and why."""

    text: str
    reason: str
    """A short closed vocabulary: ``boilerplate``, ``navigation``, ``related``,
    ``credit``, ``caption``, ``prompt``, ``copyright``, ``byline``, ``dateline``, ..."""


@dataclass(frozen=True, slots=True)
class CleanText:
    """The text that sentences are cut from, with what was removed and what was learnt."""

    text: str
    dropped: tuple[DroppedLine, ...]
    metadata: Metadata
    """Metadata found in the text itself (a byline, an "Updated ..." line, a title line)."""


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence of an article's cleaned text."""

    index: int
    text: str
    start: int
    """Invariant: ``article.text[start:end] == text``."""
    end: int


@dataclass(frozen=True, slots=True)
class NumberMention:
    """A number found in a sentence, normalised to a value."""

    surface: str
    """The words as written: "between 60,000 and 100,000"."""
    low: float
    high: float
    """Equal to ``low`` unless the surface is a range."""
    kind: NumberKind
    qualifier: str | None
    """The hedge, normalised: ``about``, ``more than``, ``less than``, ``up to``,
    ``at least``, ``at most``, ``nearly``, ``exactly``, ``tens of``, or None."""
    subject: str | None
    """The thing counted: "organ transplants", "hospitals"."""
    start: int
    end: int
    """Offsets of ``surface`` within the sentence text."""


@dataclass(frozen=True, slots=True)
class Quote:
    """A direct quotation in a sentence, with who it is credited to."""

    text: str
    """The quoted words, without the quotation marks."""
    speaker: str | None
    """The person or organisation credited, as written ("David Matas", "Amnesty
    International"); None when nobody is named."""
    start: int
    end: int
    """Offsets of ``text`` within the sentence text."""


@dataclass(frozen=True, slots=True)
class Article:
    """A cleaned, segmented article: everything outputs need, nothing more."""

    id: str
    path: str
    outlet: str
    title: str | None
    url: str | None
    published: str | None
    author: str | None
    text: str
    """The cleaned text; sentence offsets point into it."""
    sentences: tuple[Sentence, ...]
    dropped: tuple[DroppedLine, ...]


@dataclass(frozen=True, slots=True)
class DiffChunk:
    """One run of a word-level diff: reference words against member words."""

    op: DiffOp
    reference: str
    text: str


@dataclass(frozen=True, slots=True)
class Member:
    """One article's sentence stating a claim."""

    article: str
    sentence: int
    score: float
    """Similarity to the claim's reference member, 0..1 (1.0 for the reference)."""
    text: str
    diff: tuple[DiffChunk, ...] = ()
    """Word-level diff of ``text`` against the reference member's text."""


@dataclass(frozen=True, slots=True)
class ClaimQuote:
    article: str
    sentence: int
    text: str
    speaker: str | None


@dataclass(frozen=True, slots=True)
class ClaimNumber:
    article: str
    sentence: int
    surface: str
    low: float
    high: float
    kind: NumberKind
    qualifier: str | None
    subject: str | None


@dataclass(frozen=True, slots=True)
class Evidence:
    """A sentence a divergence compares: one side's statement of the fact."""

    article: str
    sentence: int
    text: str


@dataclass(frozen=True, slots=True)
class Divergence:
    type: DivergenceType
    articles: tuple[str, ...]
    """The articles whose version departs from the reference."""
    reference: str
    detail: str
    """One line a person can read: "712 hospitals → more than 700 hospitals"."""
    evidence: tuple[Evidence, ...] = ()
    """The sentences compared: the reference's first, then the departing outlets'. A
    fact can be stated outside the claim the divergence is filed under, so these need
    not all be members of that claim."""
    confidence: float = 1.0
    """How sure storydiff is that this is a real change and not a misreading, 0..1:
    higher when more outlets agree on the reference value and when the two statements
    plainly speak of the same thing."""


@dataclass(frozen=True, slots=True)
class Claim:
    id: str
    label: str
    members: tuple[Member, ...]
    reference: str
    """Id of the article whose member the others are diffed against."""
    quotes: tuple[ClaimQuote, ...]
    numbers: tuple[ClaimNumber, ...]
    divergences: tuple[Divergence, ...]
    missing_from: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class FigureMention:
    article: str
    sentence: int
    surface: str
    qualifier: str | None
    subject: str | None
    claim: str | None


@dataclass(frozen=True, slots=True)
class Figure:
    """One value across the story, wherever it appears."""

    value: str
    """``"712"`` or, for a range, ``"60000-100000"``."""
    kind: NumberKind
    mentions: tuple[FigureMention, ...]


@dataclass(frozen=True, slots=True)
class Alignment:
    """The whole result of ``storydiff compare``: what the alignment file holds."""

    created: str
    settings: dict[str, Any]
    articles: tuple[Article, ...]
    claims: tuple[Claim, ...]
    figures: tuple[Figure, ...]
    schema: str = SCHEMA
