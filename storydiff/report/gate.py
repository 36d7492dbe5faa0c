"""``--fail-on``: which divergence types make a run exit with status 1, and how many were found.

Shared by ``compare``, ``report`` and ``batch`` so that one flag means the same thing
everywhere. ``omitted`` is counted once per claim some outlet never states (the spec
implies it from ``missing_from`` rather than listing it), so ``--fail-on any`` trips on
any story whose outlets do not all tell the same claims.
"""

from __future__ import annotations

from collections.abc import Iterable

from storydiff.coverage.model import Alignment, DivergenceType
from storydiff.errors import StorydiffError

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


def divergences_matching(alignment: Alignment, types: Iterable[DivergenceType]) -> int:
    """How many divergences of ``types`` the alignment holds (omissions: one per claim)."""
    wanted = frozenset(types)
    count = 0
    for claim in alignment.claims:
        listed = [d for d in claim.divergences if d.type in wanted]
        count += len(listed)
        omission_listed = any(d.type is DivergenceType.OMITTED for d in claim.divergences)
        if DivergenceType.OMITTED in wanted and claim.missing_from and not omission_listed:
            count += 1
    return count
