"""One outlet's version of a claim, as every output shows it.

A claim's members are sentences; an outlet may state a claim in two of them, and then
the word diff of the joined sentences is stored on the first (see docs/alignment-file.md).
Outputs show one version per outlet, so they all read claims through this module rather
than each re-deriving the rule.
"""

from __future__ import annotations

from dataclasses import dataclass

from storydiff.coverage.model import Claim, DiffChunk, DiffOp, Divergence, Evidence, Member

REWRITE_FROM = 0.5
"""Share of the reference's words an outlet dropped or replaced from which its version is
a rewrite: shown as its own words with the changes marked, not as an inline diff."""


@dataclass(frozen=True, slots=True)
class Version:
    article: str
    members: tuple[Member, ...]
    text: str
    """The outlet's sentences for the claim, joined with a space."""
    diff: tuple[DiffChunk, ...]
    """Against the reference version; empty for the reference itself."""
    score: float


def versions(claim: Claim) -> tuple[Version, ...]:
    """The claim's versions, one per outlet, reference first, then in member order."""
    by_article: dict[str, list[Member]] = {}
    for member in claim.members:
        by_article.setdefault(member.article, []).append(member)
    ordered = sorted(by_article, key=lambda a: a != claim.reference)
    result = []
    for article in ordered:
        members = tuple(sorted(by_article[article], key=lambda m: m.sentence))
        diff = next((m.diff for m in members if m.diff), ())
        result.append(
            Version(
                article=article,
                members=members,
                text=" ".join(m.text for m in members),
                diff=() if article == claim.reference else diff,
                score=max(m.score for m in members),
            )
        )
    return tuple(result)


def rewritten_share(diff: tuple[DiffChunk, ...]) -> float:
    """Share of the reference's characters the version dropped or replaced (0..1)."""
    total = sum(len(c.reference) for c in diff)
    if not total:
        return 0.0
    changed = sum(len(c.reference) for c in diff if c.op in (DiffOp.DELETE, DiffOp.REPLACE))
    return changed / total


def is_rewrite(version: Version) -> bool:
    """Too little of the reference survives for an inline diff to be readable."""
    return bool(version.diff) and rewritten_share(version.diff) >= REWRITE_FROM


def evidence_elsewhere(claim: Claim, divergence: Divergence) -> tuple[Evidence, ...]:
    """The sentences a divergence compares that are not the claim's own: an outlet that
    states the claim's figure or quotation in another sentence."""
    members = {(m.article, m.sentence) for m in claim.members}
    return tuple(e for e in divergence.evidence if (e.article, e.sentence) not in members)
