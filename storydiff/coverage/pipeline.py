"""The whole analysis: articles → aligned claims → divergences → an ``Alignment``.

This is the one function every output calls when handed articles rather than an
alignment file. It reads nothing but what ``load`` gives it and depends on no clock
unless asked for the time, so the same articles always give the same alignment.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime

import numpy as np
from rapidfuzz import fuzz, process

from storydiff.coverage import parallel
from storydiff.coverage.align import AlignedClaim, SentenceKey, align_sentences, normalize
from storydiff.coverage.article_work import SentenceFacts, facts_key, facts_of_articles
from storydiff.coverage.cache import ArticleCache
from storydiff.coverage.detect import (
    COMPARED_KINDS,
    Version,
    credits_disagree,
    find_divergences,
    head_family,
    quotes_less,
    quotes_pieces,
    shares_facts,
    story_cast,
    story_synonyms,
    version_content,
)
from storydiff.coverage.diff import word_diff
from storydiff.coverage.fact_credits import cross_claim_credits
from storydiff.coverage.facts import (
    FactDivergence,
    cross_claim_divergences,
    cross_claim_quotes,
    linked_figures,
)
from storydiff.coverage.load import LoadFailure, load_articles
from storydiff.coverage.model import (
    Alignment,
    Article,
    Claim,
    ClaimNumber,
    ClaimQuote,
    Divergence,
    DivergenceType,
    Evidence,
    Figure,
    FigureMention,
    Member,
    NumberKind,
    NumberMention,
)
from storydiff.coverage.numbers import format_value, is_near_miss, values_match
from storydiff.coverage.provenance import trace_provenance
from storydiff.coverage.settings import Settings
from storydiff.errors import NoArticlesError

LABEL_CHARS = 120

Progress = Callable[[str], None]


@dataclass(frozen=True, slots=True)
class CompareResult:
    alignment: Alignment
    failures: tuple[LoadFailure, ...]
    """Files that could not be read; the others were compared."""


def compare_paths(
    paths: Sequence[str],
    *,
    settings: Settings | None = None,
    progress: Progress | None = None,
    created: str | None = None,
    outlet_names: Mapping[str, str] | None = None,
    cache: ArticleCache | None = None,
    counter: Callable[[int, int], None] | None = None,
) -> CompareResult:
    """Read, clean, align and compare the articles at ``paths``.

    ``outlet_names`` maps files to the outlet names the user gave (``--outlet``);
    ``cache`` keeps each article's own work for the next run; ``counter`` is told
    (articles cleaned, articles read) as the cleaning goes.

    Raises:
        NoArticlesError: nothing at ``paths`` could be read as an article.
    """
    settings = settings or Settings()
    report = progress or (lambda _message: None)
    report(f"reading {len(paths)} path(s)")
    loaded = load_articles(paths, outlet_names=outlet_names, cache=cache, counter=counter)
    if not loaded.articles:
        raise NoArticlesError(", ".join(paths) + ": no articles could be read")
    report(f"aligning {len(loaded.articles)} article(s)")
    alignment = compare_articles(
        loaded.articles, settings=settings, created=created, known=loaded.facts, cache=cache
    )
    report(f"found {len(alignment.claims)} claim(s)")
    return CompareResult(alignment=alignment, failures=loaded.failures)


def now_utc() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def compare_articles(
    articles: Sequence[Article],
    *,
    settings: Settings | None = None,
    created: str | None = None,
    known: Mapping[tuple[str, ...], tuple[SentenceFacts, ...]] | None = None,
    cache: ArticleCache | None = None,
) -> Alignment:
    """Align ``articles`` into claims and find every divergence and figure.

    The articles are put in a canonical order (by id) first, so the result does not
    depend on the order they were given in. ``known`` holds sentence facts already
    found (by an article's sentence texts), ``cache`` those of earlier runs.
    """
    settings = settings or Settings()
    ordered = tuple(sorted(articles, key=lambda a: a.id))
    known = known or {}
    missing = [a for a in ordered if facts_key(a) not in known]
    found = {**known, **facts_of_articles(missing, cache)}
    facts = {a.id: found[facts_key(a)] for a in ordered}
    aligned = drop_contained_claims(
        attach_slipped_figures(align_sentences(ordered, settings=settings), ordered, facts)
    )
    cast = story_cast(
        [
            who
            for sentence_facts in facts.values()
            for f in sentence_facts
            for who in (f.credit, *(q.speaker for q in f.quotes))
            if who
        ],
        [s.text for a in ordered for s in a.sentences],
    )
    # Each claim's versions are built once: the story's synonyms are read from all of
    # them before any claim is compared.
    versions_of = {claim.members: _claim_versions(claim, ordered, facts, cast) for claim in aligned}
    synonyms = story_synonyms([list(v.values()) for v in versions_of.values()])
    claims = _build_claims(ordered, aligned, facts, versions_of, synonyms, settings.workers)
    by_sentence = {
        (a_pos, index): f
        for a_pos, article in enumerate(ordered)
        for index, f in enumerate(facts[article.id])
    }
    numbers = {key: f.numbers for key, f in by_sentence.items()}
    quotes = {key: f.quotes for key, f in by_sentence.items()}

    credits = {key: f.credit for key, f in by_sentence.items()}
    figures = linked_figures(ordered, numbers)
    claims = file_fact_divergences(
        claims,
        (
            *cross_claim_divergences(ordered, numbers, aligned, figures),
            *cross_claim_quotes(ordered, quotes, aligned),
            *cross_claim_credits(ordered, figures, credits, aligned, cast),
        ),
        ordered,
    )
    claims = tuple(rank_divergences(c, settings.min_confidence) for c in claims)
    # Profiles read the claims' divergences as they are now, cross-claim ones included.
    provenance, outlets = trace_provenance(
        ordered,
        claims,
        quotes={a: tuple(f.quotes for f in fs) for a, fs in facts.items()},
        workers=settings.workers,
    )
    return Alignment(
        created=created or now_utc(),
        settings=settings.to_dict(),
        articles=ordered,
        claims=claims,
        figures=_figure_ledger(ordered, claims, facts),
        provenance=provenance,
        outlets=outlets,
    )


def rank_divergences(claim: Claim, min_confidence: float = 0.0) -> Claim:
    """The claim with its divergences most certain first, those under ``min_confidence``
    left out, so every output shows the surest changes first."""
    kept = [d for d in claim.divergences if d.confidence >= min_confidence]
    kept.sort(key=lambda d: -d.confidence)  # stable: ties keep their type order
    return replace(claim, divergences=tuple(kept))


def keep_confident(alignment: Alignment, min_confidence: float) -> Alignment:
    """An alignment read from a file, with only the divergences of at least
    ``min_confidence``: what ``report --min-confidence`` shows."""
    return replace(
        alignment, claims=tuple(rank_divergences(c, min_confidence) for c in alignment.claims)
    )


def file_fact_divergences(
    claims: Sequence[Claim], found: Sequence[FactDivergence], articles: Sequence[Article]
) -> tuple[Claim, ...]:
    """Show each change found between figures of different claims on the claim that
    states the reference figure, unless a claim already reports it."""
    home_of: dict[tuple[str, int], int] = {}
    for n, claim in enumerate(claims):
        for m in claim.members:
            home_of.setdefault((m.article, m.sentence), n)
    reported = {
        (d.type, a, e.sentence, _departing_side(d.detail))
        for c in claims
        for d in c.divergences
        for a in d.articles
        for e in d.evidence
        if e.article == a
    }
    compared = {
        (_family(d.type), frozenset((e.article, e.sentence) for e in pair))
        for c in claims
        for d in c.divergences
        for pair in _pairs(d.evidence)
    }
    # The same change told in the same words is one change, wherever it was found.
    told = {(d.type, d.articles, d.detail) for c in claims for d in c.divergences}
    added: dict[int, list[Divergence]] = defaultdict(list)
    for fact in found:
        d = fact.divergence
        departing = d.evidence[-1]
        key = (d.type, departing.article, departing.sentence, _departing_side(d.detail))
        if key in reported:
            continue
        if (d.type, d.articles, d.detail) in told:
            continue
        told.add((d.type, d.articles, d.detail))
        reported.add(key)
        sentences = frozenset((e.article, e.sentence) for e in d.evidence)
        if (_family(d.type), sentences) in compared:
            continue  # the claim compared these two sentences already
        home = home_of[(articles[fact.home[0]].id, fact.home[1])]
        added[home].append(d)
    return tuple(
        replace(c, divergences=(*c.divergences, *added[n])) if n in added else c
        for n, c in enumerate(claims)
    )


def _departing_side(detail: str) -> str:
    """What the departing outlet wrote, as a detail line gives it ("… → 16 injured")."""
    return detail.rpartition(" → ")[2]


def _family(kind: DivergenceType) -> str:
    """Quotation findings of one pair of sentences are one question asked once."""
    quote_kinds = {DivergenceType.QUOTE_ALTERED, DivergenceType.QUOTE_TRIMMED}
    return "quote" if kind in quote_kinds else kind.value


def _pairs(evidence: Sequence[Evidence]) -> list[tuple[Evidence, Evidence]]:
    return [
        (a, b) for n, a in enumerate(evidence) for b in evidence[n + 1 :] if a.article != b.article
    ]


def drop_contained_claims(claims: Sequence[AlignedClaim]) -> tuple[AlignedClaim, ...]:
    """Leave out a claim of two or more sentences that another claim holds entirely.

    Splits, folds and misquoted figures add sentences to claims; two claims can end up
    holding the same sentences, and a change in them would be reported twice.
    """
    member_sets = [frozenset(c.members) for c in claims]
    kept = []
    for n, claim in enumerate(claims):
        mine = member_sets[n]
        contained = len(mine) >= 2 and any(
            m != n and mine <= other and (mine != other or m < n)
            for m, other in enumerate(member_sets)
        )
        if not contained:
            kept.append(claim)
    return tuple(kept)


def attach_slipped_figures(
    claims: Sequence[AlignedClaim],
    articles: Sequence[Article],
    facts: dict[str, tuple[SentenceFacts, ...]],
) -> tuple[AlignedClaim, ...]:
    """Bring a misquoted figure to the claim it misquotes.

    An outlet that writes "up to 3,200 nurses" where the others write "2,300 nurses"
    often folds the figure into another sentence, which then aligns elsewhere or not at
    all. A sentence of an outlet missing from a claim joins it when it counts the same
    thing with a figure one slip away (rounded, digits swapped, a zero slipped), so the
    change is reported on the claim, where a fact-checker looks for it.
    """
    result = list(claims)
    singles = {c.members[0]: n for n, c in enumerate(result) if len(c.members) == 1}
    dropped: set[int] = set()
    # Each article's figures that a figure of a claim could misquote, with what they
    # count, read once rather than once per claim.
    slippable = [
        [
            (index, found, head_family(found.subject) if found.subject else None)
            for index, sentence_facts in enumerate(facts[article.id])
            for found in sentence_facts.numbers
            if found.kind in COMPARED_KINDS
        ]
        for article in articles
    ]
    for n, claim in enumerate(result):
        present = {a for a, _ in claim.members}
        stated = [
            (a, m)
            for a, i in claim.members
            for m in facts[articles[a].id][i].numbers
            if m.kind in COMPARED_KINDS
        ]
        if len(present) < 2:
            continue
        # Only a figure two outlets agree on draws its misquotes: otherwise the claim
        # holding the misquote would draw the sentences that state it right.
        figures = list(
            dict.fromkeys(
                (m, head_family(m.subject) if m.subject else None)
                for a, m in stated
                if _agreed(m, a, stated)
            )
        )
        if not figures:
            continue
        # Outlets that carry the claim word for word are read once.
        member_texts = list(
            dict.fromkeys(normalize(articles[a].sentences[i].text) for a, i in claim.members)
        )
        added: dict[SentenceKey, float] = {}
        kinds = {figure.kind for figure, _ in figures}
        for a_pos, article in enumerate(articles):
            if a_pos in present:
                continue
            slipped = next(
                (
                    (a_pos, index)
                    for index, found, found_head in slippable[a_pos]
                    if found.kind in kinds
                    and any(_misquotes(found, found_head, figure, head) for figure, head in figures)
                ),
                None,
            )
            if slipped is not None:
                text = normalize(article.sentences[slipped[1]].text)
                added[slipped] = max(
                    fuzz.token_sort_ratio(text, member) / 100 for member in member_texts
                )
                if slipped in singles:
                    dropped.add(singles[slipped])
        if added:
            result[n] = AlignedClaim(
                members=tuple(sorted((*claim.members, *added))),
                scores={**claim.scores, **{key: round(v, 4) for key, v in added.items()}},
            )
    return tuple(c for n, c in enumerate(result) if n not in dropped)


def _agreed(
    mention: NumberMention, a_pos: int, stated: Sequence[tuple[int, NumberMention]]
) -> bool:
    """Another outlet than ``a_pos`` states ``mention``'s value among ``stated``."""
    return any(b != a_pos and values_match(mention, other) for b, other in stated)


def _misquotes(
    found: NumberMention, found_head: str | None, figure: NumberMention, head: str | None
) -> bool:
    """``found`` gives ``figure`` wrongly: one slip away and counting the same thing (or
    with its digits swapped, whatever it counts), or a sum of money of about the same
    size for the same named thing ("$350 million for severance" where
    the others set aside "$310 million in severance payments")."""
    if found.kind != figure.kind or not 0 < figure.low / 11 <= found.low <= figure.low * 11:
        return False  # every slip, and every sum about the same, is within a factor of ten
    if values_match(found, figure):
        return False
    same_thing = bool(found.subject) and head == found_head
    if is_near_miss(found, figure):
        return same_thing or _digits_swapped(found, figure)
    return (
        same_thing
        and found.kind is NumberKind.MONEY
        and found.low == found.high
        and figure.low == figure.high
        and 0 < figure.low / 2 <= found.low <= figure.low * 2
    )


def _digits_swapped(a: NumberMention, b: NumberMention) -> bool:
    """Three digits or more, the same ones in another order (214 and 241): too unlikely
    by chance to need the counted thing to agree as well."""
    x, y = f"{a.low:.0f}", f"{b.low:.0f}"
    return (
        a.low == a.high
        and b.low == b.high
        and float(x) == a.low
        and float(y) == b.low
        and len(x) >= 3
        and x != y
        and sorted(x) == sorted(y)
    )


def _story_position(claim: AlignedClaim, articles: Sequence[Article]) -> float:
    positions = [index / max(1, len(articles[a].sentences)) for a, index in claim.members]
    return sum(positions) / len(positions)


def _build_claims(
    articles: Sequence[Article],
    aligned: Sequence[AlignedClaim],
    facts: dict[str, tuple[SentenceFacts, ...]],
    versions_of: Mapping[tuple[SentenceKey, ...], dict[int, Version]],
    synonyms: frozenset[frozenset[str]],
    workers: int = -1,
) -> tuple[Claim, ...]:
    in_story_order = sorted(
        aligned, key=lambda c: (round(_story_position(c, articles), 9), c.members)
    )
    claims = parallel.map_chunks(
        _claims_of,
        (articles, facts, versions_of, synonyms),
        list(enumerate(in_story_order, start=1)),
        spread=len(articles) >= parallel.SPREAD_FROM_ARTICLES,
        workers=workers,
    )
    return tuple(_report_each_change_once(claims))


def _claims_of(
    story: tuple[
        Sequence[Article],
        dict[str, tuple[SentenceFacts, ...]],
        Mapping[tuple[SentenceKey, ...], dict[int, Version]],
        frozenset[frozenset[str]],
    ],
    numbered: Sequence[tuple[int, AlignedClaim]],
) -> list[Claim]:
    """``_build_claims``' work for the claims ``numbered`` in story order."""
    articles, facts, versions_of, synonyms = story
    return [
        _build_claim(
            f"c{n}",
            claim,
            articles,
            facts,
            {a: replace(v, synonyms=synonyms) for a, v in versions_of[claim.members].items()},
        )
        for n, claim in numbered
    ]


def _report_each_change_once(claims: Sequence[Claim]) -> list[Claim]:
    """Keep a divergence in the first claim that reports it from the same sentences.

    A sentence that folds two facts sits in two claims; the change it makes would
    otherwise be listed twice, and a fact-checker counts changes, not claims.
    """
    seen: set[tuple[str, str, tuple[tuple[str, int], ...]]] = set()
    kept = []
    for claim in claims:
        divergences = []
        for divergence in claim.divergences:
            sentences = tuple(
                sorted(
                    (m.article, m.sentence)
                    for m in claim.members
                    if m.article in divergence.articles
                )
            )
            key = (divergence.type.value, divergence.detail, sentences)
            if key in seen:
                continue
            seen.add(key)
            divergences.append(divergence)
        kept.append(replace(claim, divergences=tuple(divergences)))
    return kept


def _claim_versions(
    aligned: AlignedClaim,
    articles: Sequence[Article],
    facts: dict[str, tuple[SentenceFacts, ...]],
    cast: Mapping[str, frozenset[str]],
) -> dict[int, Version]:
    """Each outlet's statement of a claim, keyed by article position."""
    by_article: dict[int, list[int]] = defaultdict(list)
    for a_pos, index in aligned.members:
        by_article[a_pos].append(index)
    return {
        a_pos: _version(articles[a_pos], sorted(indexes), facts, cast)
        for a_pos, indexes in by_article.items()
    }


def _build_claim(
    claim_id: str,
    aligned: AlignedClaim,
    articles: Sequence[Article],
    facts: dict[str, tuple[SentenceFacts, ...]],
    versions: dict[int, Version],
) -> Claim:
    by_article: dict[int, list[int]] = defaultdict(list)
    for a_pos, index in aligned.members:
        by_article[a_pos].append(index)
    texts = {a_pos: version.text for a_pos, version in versions.items()}
    reference_pos, found = _reference_and_divergences(texts, versions, articles)
    divergences = tuple(
        _with_evidence(d, aligned, articles, len(by_article)) for d in found
    )
    reference_text = texts[reference_pos]
    members = tuple(
        Member(
            article=articles[key[0]].id,
            sentence=key[1],
            # a version word for word the reference's is a perfect match, whatever
            # the evidence weights made of it
            score=1.0 if texts[key[0]] == reference_text else aligned.scores[key],
            text=articles[key[0]].sentences[key[1]].text,
            diff=()
            if key[0] == reference_pos
            else word_diff(reference_text, texts[key[0]])
            if _is_first_of_article(key, by_article)
            else (),
        )
        for key in aligned.members
    )
    present = {articles[a_pos].id for a_pos in by_article}
    return Claim(
        id=claim_id,
        label=_label(reference_text),
        members=members,
        reference=articles[reference_pos].id,
        quotes=tuple(
            ClaimQuote(article=articles[a].id, sentence=i, text=q.text, speaker=q.speaker)
            for a, i in aligned.members
            for q in facts[articles[a].id][i].quotes
        ),
        numbers=tuple(
            ClaimNumber(
                article=articles[a].id,
                sentence=i,
                surface=n.surface,
                low=n.low,
                high=n.high,
                kind=n.kind,
                qualifier=n.qualifier,
                subject=n.subject,
            )
            for a, i in aligned.members
            for n in facts[articles[a].id][i].numbers
        ),
        divergences=divergences,
        missing_from=tuple(a.id for a in articles if a.id not in present),
    )


TYPE_CONFIDENCE = {
    DivergenceType.NUMBER_CHANGED: 0.8,
    DivergenceType.QUALIFIER_CHANGED: 0.75,
    DivergenceType.NUMBER_SUBJECT_CHANGED: 0.5,
    DivergenceType.QUOTE_ALTERED: 0.8,
    DivergenceType.QUOTE_TRIMMED: 0.75,
    DivergenceType.ATTRIBUTION_CHANGED: 0.6,
}
"""How often a divergence of each type is a real change when its sentences align: a
changed subject or credit rests on reading what a figure counts or who spoke, which
fails more often than reading a figure or a quotation's words."""


def _with_evidence(
    divergence: Divergence, aligned: AlignedClaim, articles: Sequence[Article], outlets: int
) -> Divergence:
    """The divergence with the sentences it compares and how sure it is.

    Confidence starts from the type's, rises when other outlets side with the
    reference (one outlet against several is a stronger finding than one against one)
    and falls with how loosely the departing sentences joined the claim.
    """
    ids = {a.id: n for n, a in enumerate(articles)}
    involved = (divergence.reference, *divergence.articles)
    evidence = tuple(
        Evidence(article=article, sentence=index, text=articles[a_pos].sentences[index].text)
        for article in involved
        for a_pos, index in _credit_sentences(aligned, ids[article], articles, divergence.type)
    )
    siding = outlets - len(divergence.articles) - 1
    fit = min(
        (aligned.scores[(a_pos, i)] for a_pos, i in aligned.members
         if articles[a_pos].id in divergence.articles),
        default=1.0,
    )
    confidence = TYPE_CONFIDENCE.get(divergence.type, 0.7) + 0.05 * min(siding, 3)
    confidence -= max(0.0, 0.5 - fit) * 0.4
    return replace(divergence, evidence=evidence, confidence=round(min(confidence, 0.99), 2))


def _credit_sentences(
    aligned: AlignedClaim, a_pos: int, articles: Sequence[Article], kind: DivergenceType
) -> list[SentenceKey]:
    """An article's sentences in the claim, and for a changed credit the sentence that
    introduces a statement ("the paper released the following statement:"), where the
    credit is."""
    keys = [key for key in aligned.members if key[0] == a_pos]
    if kind is DivergenceType.ATTRIBUTION_CHANGED and keys:
        first = min(index for _, index in keys)
        if first > 0 and articles[a_pos].sentences[first - 1].text.rstrip().endswith(":"):
            keys.insert(0, (a_pos, first - 1))
    return keys


def _is_first_of_article(key: SentenceKey, by_article: dict[int, list[int]]) -> bool:
    """A split claim's diff is the joined sentences' diff, stored on the first of them."""
    return key[1] == min(by_article[key[0]])


REFERENCE_CANDIDATES = 6
"""How many of the most central versions are tried as the reference of a claim."""


def _reference_and_divergences(
    texts: dict[int, str], versions: dict[int, Version], articles: Sequence[Article]
) -> tuple[int, tuple[Divergence, ...]]:
    """The reference that blames fewest outlets, and the divergences against it.

    The most central phrasing is usually the majority's, but an outlet can phrase a
    claim like everyone else and still change its figure (3,412 where three outlets say
    3,214). Trying the most central versions and keeping the one the fewest outlets
    depart from puts the blame on the one that changed the fact. Versions that share a
    checkable fact with more of the others come first: a paraphrase without the quotation
    would otherwise win by having nothing to disagree about.
    """
    ranked = rank_references(texts, articles)[:REFERENCE_CANDIDATES]
    best: tuple[tuple[int, int, int, int], int, tuple[Divergence, ...]] | None = None
    for candidate in ranked:
        others = [versions[a_pos] for a_pos in sorted(versions) if a_pos != candidate]
        reference = versions[candidate]
        # Outlets that word the claim alike are weighed alike: once per wording.
        weighed: dict[tuple[object, ...], tuple[bool, int]] = {}
        for other in others:
            wording = version_content(other)
            if wording not in weighed:
                weighed[wording] = (
                    shares_facts(reference, other),
                    # A credit the others contradict counts against a candidate even
                    # where only one side quotes, so the majority's credit wins; so does
                    # a quotation the others give in full, since they are not blamed for
                    # quoting more.
                    credits_disagree(reference, other) + quotes_less(reference, other),
                )
        covered = sum(weighed[version_content(other)][0] for other in others)
        found = find_divergences(reference, others)
        blamed = sum(len(d.articles) for d in found) + sum(
            weighed[version_content(other)][1] for other in others
        )
        # Outlets that would be told they changed a figure or a quotation's words weigh
        # first: two outlets that agree on 38% but hedge it differently must not hand the
        # reference to the one that wrote 48%. At a tie, a version that quotes pieces of
        # a statement the others give whole is no reference: it is the one that cut.
        changed_facts = sum(len(d.articles) for d in found if d.type in _FACT_CHANGES)
        pieces = sum(quotes_pieces(versions[candidate], other) for other in others)
        key = (-covered, changed_facts, blamed, pieces)
        if best is None or key < best[0]:
            best = (key, candidate, found)
    assert best is not None  # a claim has at least one version
    return best[1], best[2]


_FACT_CHANGES = frozenset(
    {
        DivergenceType.NUMBER_CHANGED,
        DivergenceType.NUMBER_SUBJECT_CHANGED,
        DivergenceType.QUOTE_ALTERED,
    }
)


def rank_references(texts: dict[int, str], articles: Sequence[Article]) -> list[int]:
    """Versions from the most to the least central: closest on average to the others.

    Ties go to the earliest published article, then the first in canonical order.
    """
    if len(texts) == 1:
        return list(texts)
    order = list(texts)
    normalized = [normalize(texts[a]) for a in order]
    # Many outlets word a claim alike: each wording is scored once, and its row spread
    # back over the versions, so the sums are those of every pair, to the last bit.
    wordings = list(dict.fromkeys(normalized))
    number = {text: n for n, text in enumerate(wordings)}
    spread = np.array([number[text] for text in normalized], dtype=np.intp)
    scores = process.cdist(wordings, wordings, scorer=fuzz.token_sort_ratio, workers=1)
    # Each wording's mean score against the others (its own 100 left out).
    mean = [
        (float(scores[n][spread].sum()) - float(scores[n][n])) / (len(order) - 1)
        for n in range(len(wordings))
    ]
    centrality = {a: mean[spread[n]] for n, a in enumerate(order)}
    return sorted(
        texts,
        key=lambda a: (-round(centrality[a], 6), articles[a].published or "9999", a),
    )


def _version(
    article: Article,
    indexes: Sequence[int],
    facts: dict[str, tuple[SentenceFacts, ...]],
    cast: Mapping[str, frozenset[str]],
) -> Version:
    sentence_facts = [facts[article.id][i] for i in indexes]
    return Version(
        article=article.id,
        text=" ".join(article.sentences[i].text for i in indexes),
        numbers=tuple(n for f in sentence_facts for n in f.numbers),
        quotes=tuple(q for f in sentence_facts for q in f.quotes),
        credit=next((f.credit for f in sentence_facts if f.credit), None),
        cast=cast,
    )


def _label(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= LABEL_CHARS else text[: LABEL_CHARS - 1].rstrip() + "…"


_KIND_ORDER = {kind: n for n, kind in enumerate(NumberKind)}


def _figure_ledger(
    articles: Sequence[Article],
    claims: Sequence[Claim],
    facts: dict[str, tuple[SentenceFacts, ...]],
) -> tuple[Figure, ...]:
    """Every number in the story, grouped by value, whether or not its sentences aligned."""
    claim_of = {(m.article, m.sentence): c.id for c in claims for m in c.members}
    grouped: dict[tuple[NumberKind, str], list[tuple[float, FigureMention]]] = defaultdict(list)
    for article in articles:
        for index, sentence_facts in enumerate(facts[article.id]):
            for n in sentence_facts.numbers:
                grouped[(n.kind, format_value(n.low, n.high, kind=n.kind))].append(
                    (
                        n.low,
                        FigureMention(
                            article=article.id,
                            sentence=index,
                            surface=n.surface,
                            qualifier=n.qualifier,
                            subject=n.subject,
                            claim=claim_of.get((article.id, index)),
                        ),
                    )
                )
    ordered = sorted(
        grouped.items(), key=lambda item: (_KIND_ORDER[item[0][0]], item[1][0][0], item[0][1])
    )
    return tuple(
        Figure(value=value, kind=kind, mentions=tuple(m for _, m in mentions))
        for (kind, value), mentions in ordered
    )
