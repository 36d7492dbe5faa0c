"""``--fail-on``: which divergence types make a run exit with status 1, and how many were found.

Shared by ``compare``, ``report`` and ``batch`` so that one flag means the same thing
everywhere. ``omitted`` is counted once per claim that enough outlets state and some
outlet never states (the spec implies omissions from ``missing_from`` rather than listing
them; ``storydiff.coverage.omissions`` decides which count), so a sentence one outlet
alone wrote never trips it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from storydiff.coverage.model import Alignment, DivergenceType
from storydiff.coverage.omissions import silences, stating_outlets
from storydiff.errors import StorydiffError
from storydiff.report.common import clean_text, outlet_names

EVERY_TYPE = frozenset(DivergenceType)
CHANGES = EVERY_TYPE - {DivergenceType.OMITTED}
"""What ``any`` means: every way a version can depart from the reference. Omissions are
left out, since nearly every story has a sentence only one outlet wrote; ``all`` (or
naming ``omitted``) gates on them too."""
_ALIASES = {"any": CHANGES, "all": EVERY_TYPE}


class FailOnError(StorydiffError):
    """A ``--fail-on`` value named no known divergence type."""


def valid_names() -> tuple[str, ...]:
    """What ``--fail-on`` accepts, for help text and error messages."""
    return (*sorted(_ALIASES), *(t.value for t in DivergenceType))


def parse_fail_on(value: str) -> frozenset[DivergenceType]:
    """Parse ``"number_changed,quote_altered"`` (or ``any``/``all``) into divergence types.

    Case, spaces and ``-`` for ``_`` are forgiven.

    Raises:
        FailOnError: empty, or a name that is not a divergence type.

    >>> sorted(t.value for t in parse_fail_on("Quote-Altered, number_changed"))
    ['number_changed', 'quote_altered']
    """
    names = [part.strip().lower().replace("-", "_") for part in value.split(",")]
    names = [name for name in names if name]
    if not names:
        raise FailOnError(f"--fail-on: no divergence type given; valid: {', '.join(valid_names())}")
    types: set[DivergenceType] = set()
    for name in names:
        if name in _ALIASES:
            types |= _ALIASES[name]
            continue
        try:
            types.add(DivergenceType(name))
        except ValueError:
            raise FailOnError(
                f"--fail-on: unknown divergence type {name!r}; valid: {', '.join(valid_names())}"
            ) from None
    return frozenset(types)


@dataclass(frozen=True, slots=True)
class GateHit:
    """One divergence that trips ``--fail-on``."""

    type: DivergenceType
    claim: str
    articles: tuple[str, ...]
    """The outlets that depart (or, for ``omitted``, that leave the claim out)."""
    detail: str
    confidence: float | None = None
    """The divergence's confidence; None for an omission, which is read, not judged."""


def gate_hits(alignment: Alignment, types: Iterable[DivergenceType]) -> tuple[GateHit, ...]:
    """The divergences of ``types`` in the alignment, the most certain first, then in
    claim order; omissions come last.

    An omission is one hit per claim, naming the outlets that leave it out, and only
    where the claim is stated by enough outlets for that to count (``OmissionRule``).
    """
    wanted = frozenset(types)
    outlets = len(alignment.articles)
    hits = []
    for silence in silences(alignment):
        claim = silence.claim
        hits += [
            GateHit(d.type, claim.id, d.articles, d.detail, d.confidence)
            for d in claim.divergences
            if d.type in wanted
        ]
        omission_listed = any(d.type is DivergenceType.OMITTED for d in claim.divergences)
        if DivergenceType.OMITTED in wanted and silence.omitted_by and not omission_listed:
            stated = len(stating_outlets(claim))
            hits.append(GateHit(DivergenceType.OMITTED, claim.id, silence.omitted_by,
                                f"claim not stated; {stated} of {outlets} outlets state it"))
    return tuple(sorted(hits, key=lambda hit: -(hit.confidence if hit.confidence is not None
                                                  else -1.0)))


def divergences_matching(alignment: Alignment, types: Iterable[DivergenceType]) -> int:
    """How many divergences of ``types`` the alignment holds (omissions: one per claim)."""
    return len(gate_hits(alignment, types))


def describe_hits(alignment: Alignment, hits: Iterable[GateHit]) -> tuple[str, ...]:
    """One line per hit and outlet, for stderr: what tripped the gate, where, by whom.

    >>> from storydiff.coverage.model import Alignment
    >>> describe_hits(Alignment("t", {}, (), (), ()), [GateHit(
    ...     DivergenceType.NUMBER_CHANGED, "c2", ("ledger",), "712 → 700")])
    ('number_changed in claim c2 by ledger: 712 → 700',)
    """
    names = outlet_names(alignment)
    return tuple(
        clean_text(
            f"{hit.type.value} in claim {hit.claim} by {names.get(a, a)}: {hit.detail}"
            + (f" (confidence {hit.confidence:.2f})" if hit.confidence is not None else "")
        )
        for hit in hits
        for a in hit.articles
    )
