"""Every knob that changes an alignment, with its default and what it trades off.

The CLI builds a ``Settings`` from flags and the alignment file records it under
``"settings"``, so a result can always be reproduced and explained.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from typing import Any


@dataclass(frozen=True, slots=True)
class Settings:
    threshold: float = 0.35
    """Combined pair score (0..1) above which two sentences of different outlets may
    state the same claim. Lower finds more paraphrases and more false pairs."""

    weak_threshold: float = 0.26
    """A pair under ``threshold`` but over this still aligns when it shares an anchor (a
    figure, a phrase, a quotation) and each sentence is the other's clear best partner;
    this is how heavy rewrites are caught. Lower catches more rewrites and more noise."""

    weak_margin: float = 0.06
    """How far a weak pair must beat each sentence's next best partner."""

    candidate_cutoff: float = 0.25
    """Cheap character score (0..1) below which a pair is not scored further unless an
    anchor (a shared distinctive number, quotation or rare name) links it."""

    fuzzy_weight: float = 0.30
    """Weight of rapidfuzz ``token_set_ratio`` in the combined score."""

    tfidf_weight: float = 0.40
    """Weight of the cosine of IDF-weighted content words; survives reordering."""

    anchor_weight: float = 0.30
    """Weight of shared anchors (distinctive numbers, quotations); survives paraphrase."""

    link_ratio: float = 1.0
    """Two groups of matched sentences merge into one claim only when their mean pair
    score is at least ``link_ratio * threshold``; lower lets chains of weak links form."""

    allow_split: bool = True
    """Let one outlet state a claim in two adjacent sentences (and fold two into one)."""

    split_margin: float = 0.08
    """How much a sentence pair must beat the best single sentence to be kept as a
    split member; larger keeps fewer splits."""

    min_sentence_chars: int = 12
    """Shorter sentences (bylines, headings) never anchor a claim with another outlet."""

    min_confidence: float = 0.0
    """Divergences less certain than this (0..1) are left out of the alignment. Raise it
    to see only the changes storydiff is surest of; every divergence carries its own
    ``confidence`` either way."""

    workers: int = -1
    """Threads for ``rapidfuzz.process.cdist``, and processes for a big story's
    whole-story steps (-1: one per core); does not change the result, only how fast it
    comes."""

    pair_scoring: str = "auto"
    """Which sentence pairs are scored: ``"all"`` of them, only the ``"blocked"``
    candidates that share a rare word, a name, a figure or a quotation's word, or
    ``"auto"``: all up to 3,000 distinct sentences, the candidates beyond. Candidates
    keep a big story's cost near linear in its sentences; on the stories measured they
    give the same claims."""

    omission_min_outlets: int = 2
    """An outlet's silence on a claim is reported as an omission only when at least this
    many outlets state the claim; a claim one outlet alone states is that outlet's
    addition instead. Changes what the reports, the TUI and ``--fail-on omitted`` call an
    omission, never the claims or ``missing_from``."""

    omission_min_share: float = 0.5
    """... and when at least this share of the story's outlets state it (0..1): in a
    story of six outlets a claim two of them state is neither an omission nor an
    addition. Higher reports fewer, more telling omissions."""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Settings:
        """Build from a mapping, ignoring keys this version does not know."""
        known = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in known})
