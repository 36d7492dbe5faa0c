"""Credits across claims: one figure, credited to two different people.

Outlets that write on their own often state a figure in sentences that do not align as
wholes ("All nine were in fair condition after treatment at two hospitals, said police
spokesman Jon Marrow" against "All nine of the injured are in fair condition, Ibarra
said"). The figure layer (``facts``) still links the two figures by the words of their
clauses; when each sentence names a different person as its source, the outlets credit
one fact to two people, which a fact-checker wants to see.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence

from storydiff.coverage.align import AlignedClaim, SentenceKey
from storydiff.coverage.detect import different_people
from storydiff.coverage.facts import FactDivergence, FigureFact, claim_pairs, evidence_of
from storydiff.coverage.model import Article, Divergence, DivergenceType


def cross_claim_credits(
    articles: Sequence[Article],
    figures: tuple[Sequence[FigureFact], Sequence[tuple[float, int, int]]],
    credits: Mapping[SentenceKey, str | None],
    claims: Sequence[AlignedClaim],
    cast: Mapping[str, frozenset[str]],
) -> tuple[FactDivergence, ...]:
    """Linked figures of sentences no claim holds together, each sentence crediting a
    named person, the two people different. The person more of the linked sentences
    credit is the reference; each pair of sentences is reported once."""
    facts, links = figures
    together = claim_pairs(claims)
    support = Counter(
        credits.get(facts[n].key) for _, i, j in links for n in (i, j) if credits.get(facts[n].key)
    )
    found: dict[tuple[SentenceKey, SentenceKey], FactDivergence] = {}
    for score, i, j in links:
        a, b = facts[i], facts[j]
        if a.key[0] == b.key[0] or (a.key, b.key) in together:
            continue
        credit_a, credit_b = credits.get(a.key), credits.get(b.key)
        if not credit_a or not credit_b:
            continue
        text_a, text_b = _text(a.key, articles), _text(b.key, articles)
        if not different_people(credit_a, text_a, credit_b, text_b, cast):
            continue
        ref, other = sorted((a, b), key=lambda f: (-support[credits.get(f.key)], f.key))
        pair = (ref.key, other.key)
        if pair in found:
            continue
        found[pair] = FactDivergence(
            home=ref.key,
            divergence=Divergence(
                type=DivergenceType.ATTRIBUTION_CHANGED,
                articles=(articles[other.key[0]].id,),
                reference=articles[ref.key[0]].id,
                detail=f"credited to {credits[ref.key]} → credited to {credits[other.key]}",
                evidence=(evidence_of(ref.key, articles), evidence_of(other.key, articles)),
                confidence=round(min(0.9, 0.3 + 0.5 * score), 2),
            ),
        )
    return tuple(found.values())


def _text(key: SentenceKey, articles: Sequence[Article]) -> str:
    return articles[key[0]].sentences[key[1]].text
