"""Which silences mean something: a claim's omissions and its addition, from ``missing_from``.

The alignment file lists, for every claim, the outlets that never state it
(``missing_from``, as the shared spec defines it). Most claims of a story are told by
one outlet alone (its own detail, its own quotation), so reading every absence as an
omission buries the few that matter under the outlets that "omit" each of another's
sentences. Here an absence is an omission only when enough outlets state the claim
that leaving it out sets an outlet apart (``OmissionRule``); a claim one outlet alone
states is that outlet's addition. A claim in between (two of six outlets) is neither.
Every output (reports, TUI, ``--fail-on omitted``) asks this module, so they agree.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, TypeGuard

from storydiff.coverage.model import Alignment, Claim
from storydiff.coverage.settings import Settings

_DEFAULTS = Settings()


@dataclass(frozen=True, slots=True)
class OmissionRule:
    """When an outlet's silence on a claim is an omission worth reporting."""

    min_outlets: int = _DEFAULTS.omission_min_outlets
    """At least this many outlets state the claim."""
    min_share: float = _DEFAULTS.omission_min_share
    """And at least this share of the story's outlets do."""

    @classmethod
    def from_settings(cls, settings: Mapping[str, Any]) -> OmissionRule:
        """The rule an alignment file's ``settings`` record; defaults for what they lack.

        A value of the wrong type (a hand-edited file) falls back to the default rather
        than failing a report: the rule only decides what is shown.
        """
        outlets = settings.get("omission_min_outlets")
        share = settings.get("omission_min_share")
        return cls(
            min_outlets=outlets if _is_whole(outlets) else _DEFAULTS.omission_min_outlets,
            min_share=float(share) if _is_real(share) else _DEFAULTS.omission_min_share,
        )

    @classmethod
    def of(cls, alignment: Alignment) -> OmissionRule:
        """The rule recorded in ``alignment``."""
        return cls.from_settings(alignment.settings)

    def floor(self, outlets: int) -> int:
        """How many outlets must state a claim before the others' silence is an omission.

        >>> rule = OmissionRule()
        >>> [rule.floor(n) for n in (2, 3, 4, 5, 6, 12)]
        [2, 2, 2, 3, 3, 6]
        """
        # the small epsilon keeps 0.5 * 6 == 3 from rounding up to 4 through float error
        return max(self.min_outlets, math.ceil(self.min_share * outlets - 1e-9))

    def describe(self, outlets: int) -> str:
        """The rule in words, for a report: "stated by at least 3 of the 6 outlets"."""
        return f"stated by at least {self.floor(outlets)} of the {outlets} outlets"


def _is_whole(value: object) -> TypeGuard[int]:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_real(value: object) -> TypeGuard[int | float]:
    return isinstance(value, int | float) and not isinstance(value, bool)


def stating_outlets(claim: Claim) -> tuple[str, ...]:
    """Ids of the articles that state the claim, in member order, each once."""
    return tuple(dict.fromkeys(m.article for m in claim.members))


def omitted_by(claim: Claim, *, outlets: int, rule: OmissionRule) -> tuple[str, ...]:
    """The outlets whose silence on ``claim`` is an omission: ``missing_from`` when enough
    outlets state the claim, else nothing.

    Args:
        outlets: how many outlets the story has.
    """
    if len(stating_outlets(claim)) >= rule.floor(outlets):
        return claim.missing_from
    return ()


def added_by(claim: Claim, *, outlets: int) -> str | None:
    """The one outlet that alone states ``claim``, in a story of several; else None."""
    stating = stating_outlets(claim)
    return stating[0] if len(stating) == 1 and outlets >= 2 else None


@dataclass(frozen=True, slots=True)
class Silence:
    """A claim's omissions and addition under the story's rule."""

    claim: Claim
    omitted_by: tuple[str, ...]
    """Outlets whose silence is an omission (a subset of ``claim.missing_from``)."""
    added_by: str | None
    """The outlet that alone states the claim, if one does."""


def silences(alignment: Alignment) -> tuple[Silence, ...]:
    """Every claim of ``alignment`` with its omissions and addition, in claim order."""
    rule = OmissionRule.of(alignment)
    outlets = len(alignment.articles)
    return tuple(
        Silence(claim, omitted_by(claim, outlets=outlets, rule=rule),
                added_by(claim, outlets=outlets))
        for claim in alignment.claims
    )
