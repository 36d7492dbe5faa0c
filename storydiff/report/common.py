"""What every report format shares: safe text, outlet names, and the story's summary figures.

Article text is hostile, so each renderer starts from ``clean_text``, which removes the
control characters (terminal escapes, bidi overrides) that could change what a reader
sees; each format then applies its own escaping. The summary figures are computed here
once so that Markdown, HTML, CSV and the batch index never disagree about a count.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import PurePosixPath, PureWindowsPath

from storydiff.coverage.model import (
    Alignment,
    Article,
    Claim,
    Credit,
    Divergence,
    DivergenceType,
    Member,
)
from storydiff.coverage.omissions import OmissionRule, silences
from storydiff.coverage.outlets import outlet_labels
from storydiff.coverage.versions import is_rewrite, versions

_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f")
_WHITESPACE_RUN = re.compile(r"\s+")


def clean_text(text: str | None) -> str:
    """One line of displayable text: control characters and bidi overrides removed.

    >>> clean_text("red\\x1b[31m alert\\n\\u202eevil")
    'red[31m alert evil'
    """
    if not text:
        return ""
    kept = (
        " " if ch in "\n\r\t" else ch
        for ch in text
        if ch in "\n\r\t"
        or (unicodedata.category(ch) != "Cc" and ch not in _BIDI_CONTROLS)
    )
    return _WHITESPACE_RUN.sub(" ", "".join(kept)).strip()


def outlet_names(alignment: Alignment) -> dict[str, str]:
    """Article id → the outlet's label, cleaned for display: its name, with a file name's
    hash-like run shortened (``000_402aea…``)."""
    labels = outlet_labels(alignment.articles)
    return {a.id: clean_text(labels[a.id]) or a.id for a in alignment.articles}


def link_names(alignment: Alignment) -> dict[str, str]:
    """Like ``outlet_names``, with the article id added where an outlet has several texts
    (two versions, or two stations both credited to "AP")."""
    names = outlet_names(alignment)
    counts = Counter(names.values())
    return {a: name if counts[name] == 1 else f"{name} ({a})" for a, name in names.items()}


def credit_names(credits: Iterable[Credit]) -> list[str]:
    """Each name credited and how, once, with a count: "Fire Service (according to, 2×)"."""
    counts = Counter((clean_text(c.name), c.kind.value.replace("_", " ")) for c in credits)
    return [
        f"{name} ({how}{f', {n}×' if n > 1 else ''})" for (name, how), n in counts.items()
    ]


def credit_how(credit: Credit) -> str:
    """How and where a text credits a name: "contributed, sentence 13", "dateline, a
    dropped line"."""
    where = "a dropped line" if credit.sentence is None else f"sentence {credit.sentence}"
    return f"{credit.kind.value.replace('_', ' ')}, {where}"


def story_name(alignment: Alignment) -> str:
    """A name for the story: the folder its articles share, else the first title."""
    parents = {_parent_name(a.path) for a in alignment.articles}
    parents.discard("")
    if len(parents) == 1:
        return clean_text(parents.pop())
    titles = [clean_text(a.title) for a in alignment.articles if a.title]
    return titles[0] if titles else "story"


def _parent_name(path: str) -> str:
    # Paths in the file may come from either platform; URLs have no story folder.
    if "://" in path:
        return ""
    pure = PureWindowsPath(path) if "\\" in path else PurePosixPath(path)
    return pure.parent.name


def claim_members(claim: Claim, article_id: str) -> tuple[Member, ...]:
    """The members of ``claim`` from one article (two when the outlet split the claim)."""
    return tuple(m for m in claim.members if m.article == article_id)


def shown_members(claim: Claim, article_id: str) -> tuple[Member, ...]:
    """The members to display for one article: a split claim's diff covers the joined
    sentences and is stored on the first of them, so the others are then not shown again."""
    members = claim_members(claim, article_id)
    diffed = tuple(m for m in members if m.diff)
    return diffed or members


def is_rewritten(claim: Claim, article_id: str) -> bool:
    """The outlet rewrote the claim: show its own words, its changes marked, and not the
    reference words it dropped (the same rule as the TUI's)."""
    return any(v.article == article_id and is_rewrite(v) for v in versions(claim))


def member_sentence(claim: Claim, article_id: str) -> str:
    """The article's wording of the claim, split members joined by a space."""
    return " ".join(clean_text(m.text) for m in claim_members(claim, article_id))


def stating_articles(claim: Claim) -> tuple[str, ...]:
    """Ids of the articles that state the claim, in member order, without repeats."""
    return tuple(dict.fromkeys(m.article for m in claim.members))


def departing_types(claim: Claim, article_id: str) -> tuple[DivergenceType, ...]:
    """The divergence types that name ``article_id`` as departing from the reference."""
    return tuple(d.type for d in claim.divergences if article_id in d.articles)


def divergence_entries(alignment: Alignment) -> tuple[tuple[Claim, Divergence], ...]:
    """Every divergence of the story with its claim, the most certain first (then in
    claim order)."""
    entries = [(c, d) for c in alignment.claims for d in c.divergences]
    entries.sort(key=lambda entry: -entry[1].confidence)
    return tuple(entries)



@dataclass(frozen=True, slots=True)
class StorySummary:
    """The counts a reader sees first."""

    name: str
    articles: tuple[Article, ...]
    claims: int
    shared_claims: int
    """Claims stated by at least two outlets."""
    divergences: int
    """Divergence entries, omissions not included."""
    omissions: int
    """Claims some outlet omits: claims stated by enough outlets (``OmissionRule``) that
    an outlet's silence means something, and that some outlet never states."""
    additions: int
    """Claims one outlet alone states."""
    omission_rule: str
    """When a silence counts as an omission, in words: "stated by at least 3 of the 6
    outlets"."""
    outlets: tuple[OutletTally, ...]
    """Per outlet, in article order: what it states, adds and omits."""


@dataclass(frozen=True, slots=True)
class OutletTally:
    """One outlet's part in the story."""

    article: str
    states: int
    """Claims it states."""
    adds: int
    """Claims it alone states."""
    omits: int
    """Claims it leaves out that enough others state to count as an omission."""


def summarise(alignment: Alignment) -> StorySummary:
    """The story's headline counts."""
    found = silences(alignment)
    return StorySummary(
        name=story_name(alignment),
        articles=alignment.articles,
        claims=len(alignment.claims),
        shared_claims=sum(1 for c in alignment.claims if len(stating_articles(c)) >= 2),
        divergences=sum(
            1 for _, d in divergence_entries(alignment) if d.type is not DivergenceType.OMITTED
        ),
        omissions=sum(1 for s in found if s.omitted_by),
        additions=sum(1 for s in found if s.added_by is not None),
        omission_rule=OmissionRule.of(alignment).describe(len(alignment.articles)),
        outlets=tuple(
            OutletTally(
                article=a.id,
                states=sum(1 for c in alignment.claims if a.id in stating_articles(c)),
                adds=sum(1 for s in found if s.added_by == a.id),
                omits=sum(1 for s in found if a.id in s.omitted_by),
            )
            for a in alignment.articles
        ),
    )


@dataclass(frozen=True, slots=True)
class OutletPair:
    """How alike two outlets' coverage is."""

    left: str
    right: str
    shared: int
    """Claims both outlets state."""
    either: int
    """Claims at least one of them states."""
    mean_score: float | None
    """Mean similarity-to-reference of both outlets' members over the shared claims;
    None when they share none."""

    @property
    def shared_share(self) -> float:
        return self.shared / self.either if self.either else 0.0


def outlet_pairs(alignment: Alignment) -> tuple[OutletPair, ...]:
    """Every unordered pair of articles, in article order."""
    ids = [a.id for a in alignment.articles]
    stated = {i: {c.id for c in alignment.claims if i in stating_articles(c)} for i in ids}
    pairs = []
    for n, left in enumerate(ids):
        for right in ids[n + 1 :]:
            both = stated[left] & stated[right]
            scores = [
                m.score
                for c in alignment.claims
                if c.id in both
                for m in c.members
                if m.article in (left, right)
            ]
            pairs.append(
                OutletPair(
                    left=left,
                    right=right,
                    shared=len(both),
                    either=len(stated[left] | stated[right]),
                    mean_score=sum(scores) / len(scores) if scores else None,
                )
            )
    return tuple(pairs)


def coverage_state(claim: Claim, article_id: str, *, omitted_by: tuple[str, ...] = ()) -> str:
    """``reference``, ``present``, ``altered``, ``missing`` or ``absent``: one heat-map cell.

    ``missing`` is an omission (``article_id`` is in ``omitted_by``); ``absent`` a silence
    too few outlets break to count as one.
    """
    if not claim_members(claim, article_id):
        return "missing" if article_id in omitted_by else "absent"
    if departing_types(claim, article_id):
        return "altered"
    return "reference" if article_id == claim.reference else "present"
