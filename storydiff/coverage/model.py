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
    credit: str | None = None
    """The outlet or agency the text credits at its head, e.g. ``CNN`` for "(CNN) —" or
    ``AP`` for "WASHINGTON (AP) —": evidence of where the text came from, which may differ
    from the outlet that published it."""

    def merged_over(self, fallback: Metadata) -> Metadata:
        """Fields of ``self`` where known, else those of ``fallback``."""
        return Metadata(
            outlet=self.outlet or fallback.outlet,
            title=self.title or fallback.title,
            url=self.url or fallback.url,
            published=self.published or fallback.published,
            author=self.author or fallback.author,
            credit=self.credit or fallback.credit,
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
    ``credit``, ``caption``, ``prompt``, ``copyright``, ``byline``, ``dateline``,
    ``highlights``, ``teaser``, ``embed``, ``unrelated``, ..."""


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
    credit: str | None = None
    """The outlet or agency the text credits at its head ("(CNN) —"), see ``Metadata``."""


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


class CreditKind(StrEnum):
    """How a text names the outlet or body it draws on.

    The first five say the words themselves came from elsewhere (a wire's copy, a
    contributing newsroom); the last three credit a fact or an interview.
    """

    DATELINE = "dateline"
    """"(CNN) —", "ST. JOSEPH, Mich. (AP) -"."""
    BYLINE = "byline"
    """"By Jane Roe, The Ledger"."""
    CONTRIBUTED = "contributed"
    """"The Associated Press contributed to this report"."""
    COPYRIGHT = "copyright"
    """"Copyright 2016 The Associated Press"."""
    FIRST_PUBLISHED = "first_published"
    """"This post first appeared on VICE UK", "first reported by ..."."""
    REPORTED = "reported"
    """"..., reported CNN", "CNN reported"."""
    TOLD = "told"
    """"..., she told the Globe and Mail"."""
    ACCORDING_TO = "according_to"
    """"according to Amnesty International"."""


COPY_CREDITS = frozenset(
    {
        CreditKind.DATELINE,
        CreditKind.BYLINE,
        CreditKind.CONTRIBUTED,
        CreditKind.COPYRIGHT,
        CreditKind.FIRST_PUBLISHED,
    }
)
"""Credits that say the text is (partly) another newsroom's copy."""


@dataclass(frozen=True, slots=True)
class Credit:
    """A name an article credits, where it does so, and which articles it names."""

    article: str
    """The crediting article."""
    name: str
    """As written, without a leading "the": "Globe and Mail", "CNN"."""
    kind: CreditKind
    text: str
    """The sentence, or the line cleaning dropped, that holds the credit."""
    sentence: int | None
    """Index of the sentence; None when the credit is in a dropped line."""
    names: tuple[str, ...] = ()
    """Ids of the other articles whose outlet the credit names (several when one
    outlet has several texts in the story)."""


class Relation(StrEnum):
    """What two texts that share copy are to each other."""

    REWRITE = "rewrite"
    """``derived`` was written from ``source`` (copied, trimmed or rewritten)."""
    VERSION = "version"
    """Two texts of one outlet: an update or a second story, not copying."""
    SHARED = "shared"
    """They share copy, but nothing says which came first (or both ran a third text)."""


class Order(StrEnum):
    """What put ``source`` before ``derived``."""

    CREDIT = "credit"
    """``derived`` credits ``source``'s outlet."""
    PUBLISHED = "published"
    """``source`` was published on an earlier day."""
    VIA = "via"
    """The two links through ``via`` run one way (A -> B -> C puts A before C)."""
    UNKNOWN = "unknown"


@dataclass(frozen=True, slots=True)
class SentenceRef:
    article: str
    sentence: int
    text: str


@dataclass(frozen=True, slots=True)
class SharedSentence:
    """A sentence of ``derived`` that follows one of ``source``."""

    source: SentenceRef
    derived: SentenceRef
    coverage: float
    """Share of the derived sentence's own words (not quoted, not names) inside runs
    of words it shares with the source, 0..1."""
    closely: bool
    """Near-verbatim: most of the sentence follows the source word for word."""
    runs: tuple[str, ...]
    """The distinctive runs of words they share, as the derived sentence writes them."""
    claim: str | None
    """The claim holding both sentences, if they were aligned into one."""


@dataclass(frozen=True, slots=True)
class PublicationOrder:
    source: str
    derived: str
    """The publication dates (``YYYY-MM-DD``) of the two articles."""


@dataclass(frozen=True, slots=True)
class SameOutlet:
    outlet: str


LinkEvidence = SharedSentence | Credit | PublicationOrder | SameOutlet
"""One reason to think a text follows another; a derivation lists all it has."""


@dataclass(frozen=True, slots=True)
class Derivation:
    """One likely derivation between two articles, with everything that says so."""

    source: str
    derived: str
    relation: Relation
    order: Order
    score: float
    """Strength of the evidence, 0..1: the share of ``derived`` that follows ``source``,
    raised by an explicit credit."""
    source_share: float
    derived_share: float
    """Share of each text (by the weight of its own words) that the other one follows."""
    summary: str
    """One line a person can read: "B probably rewrote A: 14 of its 30 sentences ..."."""
    evidence: tuple[LinkEvidence, ...]
    via: str | None = None
    """An article between the two that explains what they share (A -> B -> C gives
    A and C a link through B)."""


@dataclass(frozen=True, slots=True)
class FigureChange:
    """One of an outlet's figures that differs from the other outlets' version."""

    claim: str
    type: DivergenceType
    detail: str


@dataclass(frozen=True, slots=True)
class OutletProfile:
    """How one article's coverage differs from the rest of the story."""

    article: str
    outlet: str
    shared: tuple[str, ...]
    """Claims it states with at least one other outlet."""
    added: tuple[str, ...]
    """Claims only it states."""
    omitted: tuple[str, ...]
    """Claims at least two other outlets state and it leaves out."""
    altered: tuple[str, ...]
    """Claims where a divergence names it as departing from the reference."""
    figures: tuple[FigureChange, ...]
    credits: tuple[Credit, ...]


@dataclass(frozen=True, slots=True)
class Alignment:
    """The whole result of ``storydiff compare``: what the alignment file holds."""

    created: str
    settings: dict[str, Any]
    articles: tuple[Article, ...]
    claims: tuple[Claim, ...]
    figures: tuple[Figure, ...]
    schema: str = SCHEMA
    provenance: tuple[Derivation, ...] = ()
    """Likely derivations between articles, strongest first."""
    outlets: tuple[OutletProfile, ...] = ()
    """One profile per article, in article order."""
