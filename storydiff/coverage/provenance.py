"""Provenance: which texts were written from which, and how each outlet differs.

Outlets that write a story independently share facts, names, quotations and common
phrases ("police said the shooting"), but rarely a run of their own words. A text
written from another keeps such runs: whole sentences word for word when it runs the
other's copy, a phrase here and there when it rewrites it. So two texts are compared
by the runs of words they share (five or more, found by shared five-word seeds), and a
run counts only for the words in it that are the outlet's own prose: quoted words are
anyone's who heard the speaker, and names are anyone's who covered the story. Each
word weighs what it tells (rare words in this story weigh more than "the" or
"police"), and a run that more outlets share tells less about any two of them.

A sentence *follows* another closely when most of its own words lie in such runs (or
the aligner put the two in one claim and they differ in a letter or two), and in part
when the aligner put them in one claim and they share a run. A link is claimed only
when enough sentences follow closely, or when one follows and a credit ties the two
texts ("(CNN) —", "reported the Ledger", a dateline both carry). Which came first is
read from credits, then publication dates; texts of one outlet are versions, not
copies. Every link carries its evidence: the sentences, the credits, the dates.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

import numpy as np
from numpy.typing import NDArray
from rapidfuzz import fuzz
from scipy import sparse

from storydiff.coverage.align import normalize
from storydiff.coverage.credits import find_credits, matching_name_pairs, names_match
from storydiff.coverage.model import (
    COPY_CREDITS,
    Article,
    Claim,
    Credit,
    Derivation,
    DivergenceType,
    FigureChange,
    LinkEvidence,
    Member,
    Order,
    OutletProfile,
    PublicationOrder,
    Quote,
    Relation,
    SameOutlet,
    SentenceRef,
    SharedSentence,
)
from storydiff.coverage.parallel import map_chunks
from storydiff.coverage.quotes import find_quotes

__all__ = ["find_derivations", "profile_outlets", "run_spans", "trace_provenance"]

SEED_WORDS = 5
"""Runs are found from shared runs of this many words (quoted words and names
included), then extended as far as the two texts agree."""

MIN_OWN_WORDS = 5
"""A run is distinctive only when at least this many of its words are the outlet's own
prose (not quoted, not names): "said Chief Fire Officer Dagny Orrell" is not."""

CLOSE_COVERAGE = 0.5
"""A sentence follows another closely when at least this share of the weight of its own
words lies in distinctive runs shared with it."""

NEAR_VERBATIM = 0.9
"""rapidfuzz ``ratio`` (0..1) of two sentences of one claim, quotations taken out, from
which they are near-verbatim even where a changed spelling or figure breaks every run."""

MIN_CLOSE_SENTENCES = 3.0
"""Sentences following closely (each weighed by how few outlets share it) needed to
claim a link without a credit. Independent reports can share a stock sentence or two
("There are no reports of other suspects"); three is past what they share by chance."""

CREDIT_WEIGHT = 0.5
"""How much an explicit credit of the source raises the score: it halves the doubt
that the shared words leave."""

COMMON_CREDIT_WEIGHT = 0.25
"""The same for two texts whose datelines or bylines credit the same third newsroom."""

VIA_SHARE = 0.8
"""A link is explained by a third text when at least this share of the sentences one
of the two takes from the other it also shares with the third, which is linked more
strongly to both."""

RAN_COPY = 0.8
"""Share of its sentences following the source closely from which a text is said to
run the source's copy rather than to rewrite it."""

_WORD = re.compile(r"\w+(?:['’.,-]\w+)*")
_DIGIT_COMMA = re.compile(r"(?<=\d),(?=\d)")


@dataclass(frozen=True, slots=True)
class _Token:
    key: str
    sentence: int
    start: int
    end: int
    own: bool
    """The outlet's own prose: neither inside a quotation nor a capitalised name."""


@dataclass(frozen=True, slots=True)
class _Text:
    article: Article
    tokens: tuple[_Token, ...]
    grams: frozenset[tuple[str, ...]]


@dataclass(frozen=True, slots=True)
class _Run:
    """Maximal words ``length`` long shared at ``left`` in one text and ``right`` in the other."""

    left: int
    right: int
    length: int
    rarity: float


@dataclass(frozen=True, slots=True)
class _Follow:
    """One sentence of one text following a sentence of another."""

    sentence: int
    partner: int
    coverage: float
    rarity: float
    closely: bool
    runs: tuple[str, ...]
    claim: str | None


@dataclass(frozen=True, slots=True)
class _Direction:
    """What one text takes from another: its sentences that follow, and its share."""

    follows: tuple[_Follow, ...]
    share: float

    @property
    def close_weight(self) -> float:
        return sum(f.rarity for f in self.follows if f.closely)

    @property
    def closely(self) -> int:
        return sum(f.closely for f in self.follows)


def trace_provenance(
    articles: Sequence[Article],
    claims: Sequence[Claim],
    *,
    quotes: Mapping[str, Sequence[Sequence[Quote]]] | None = None,
    workers: int = -1,
) -> tuple[tuple[Derivation, ...], tuple[OutletProfile, ...]]:
    """The likely derivations between ``articles`` and one profile per article.

    Args:
        articles: the story's articles, in canonical order.
        claims: their aligned claims, with divergences found.
        quotes: each article's quotations by sentence, when already found.
        workers: processes that may weigh the pairs of texts (-1: one per core).

    Returns:
        Derivations strongest first, and the outlet profiles in article order.
    """
    credits = find_credits(articles)
    return (
        find_derivations(articles, claims, credits=credits, quotes=quotes, workers=workers),
        profile_outlets(articles, claims, credits=credits),
    )


def find_derivations(
    articles: Sequence[Article],
    claims: Sequence[Claim],
    *,
    credits: Mapping[str, tuple[Credit, ...]] | None = None,
    quotes: Mapping[str, Sequence[Sequence[Quote]]] | None = None,
    workers: int = -1,
) -> tuple[Derivation, ...]:
    """Every pair of articles with evidence that one was written from the other.

    Ranked by score, strongest first; ties in article-id order.
    """
    credits = credits if credits is not None else find_credits(articles)
    texts = {a.id: _text(a, (quotes or {}).get(a.id)) for a in articles}
    weights = _word_weights(texts.values())
    holders = _gram_holders(texts.values())
    claim_of = {(m.article, m.sentence): c.id for c in claims for m in c.members}
    stated = _claims_by_article(claims)
    by_id = {a.id: a for a in articles}
    weighed: dict[str, _Weighed] = {}
    seeds: dict[str, _Seeds] = {}
    seed_number = {gram: n for n, gram in enumerate(holders)}
    word_number: dict[str, int] = {}
    pairs = _candidate_pairs(articles, holders)
    for z in dict.fromkeys(z for pair in pairs for z in pair):
        weighed[z] = _weigh(texts[z], weights)
        seeds[z] = _seeds(texts[z], holders, seed_number, word_number)
    story = _PairWork(texts, weighed, seeds, claim_of, stated, by_id, credits)
    taken: dict[tuple[str, str], _Direction] = {}
    """(source, derived) -> what ``derived`` takes from ``source``, for linked pairs:
    the only ones a chain through a third text or a derivation reads."""
    links: dict[frozenset[str], _Link] = {}
    for x, y, x_takes, y_takes in map_chunks(
        _linked_pairs, story, pairs, spread=len(pairs) >= PARALLEL_PAIRS_FROM, workers=workers
    ):
        taken[(y, x)], taken[(x, y)] = x_takes, y_takes
        link = _link(by_id[x], by_id[y], taken, credits)
        if link is not None:  # always: the worker kept only linked pairs
            links[frozenset((x, y))] = link
    links = _through_third(links, taken)
    derivations = [_derivation(link, taken, by_id, articles) for link in links.values()]
    return tuple(sorted(derivations, key=lambda d: (-d.score, d.source, d.derived)))


PARALLEL_PAIRS_FROM = 400
"""Candidate pairs from which they are weighed on every core (about 2 ms a pair)."""


@dataclass(frozen=True, slots=True)
class _PairWork:
    """What weighing a pair of texts reads: the story's, the same for every pair."""

    texts: Mapping[str, _Text]
    weighed: Mapping[str, _Weighed]
    seeds: Mapping[str, _Seeds]
    claim_of: Mapping[tuple[str, int], str]
    stated: _Stated
    by_id: Mapping[str, Article]
    credits: Mapping[str, tuple[Credit, ...]]


def _linked_pairs(
    story: _PairWork, pairs: Sequence[tuple[str, str]]
) -> list[tuple[str, str, _Direction, _Direction]]:
    """Of ``pairs`` (x, y), those the evidence links, with what x takes from y and y
    from x."""
    linked = []
    for x, y in pairs:
        runs = _shared_runs(story.seeds[x], story.seeds[y])
        x_takes = _with_near_verbatim(
            _direction(story.texts[y], story.texts[x], [_flip(r) for r in runs],
                       story.weighed[y], story.weighed[x], story.claim_of),
            story.by_id[y], story.by_id[x], story.stated,
        )
        y_takes = _with_near_verbatim(
            _direction(story.texts[x], story.texts[y], runs, story.weighed[x],
                       story.weighed[y], story.claim_of),
            story.by_id[x], story.by_id[y], story.stated,
        )
        taken = {(y, x): x_takes, (x, y): y_takes}
        if _link(story.by_id[x], story.by_id[y], taken, story.credits) is not None:
            linked.append((x, y, x_takes, y_takes))
    return linked


@dataclass(frozen=True, slots=True)
class _Link:
    """A claimed link before its evidence is written out."""

    source: Article
    derived: Article
    relation: Relation
    order: Order
    credits: tuple[Credit, ...]
    """Credits of the source in the derived text."""
    common: tuple[tuple[Credit, Credit], ...]
    """Copy credits of one newsroom that both texts carry."""
    score: float
    via: str | None = None


def _link(
    x: Article,
    y: Article,
    taken: Mapping[tuple[str, str], _Direction],
    credits: Mapping[str, tuple[Credit, ...]],
) -> _Link | None:
    """The link between ``x`` and ``y``, or None when the evidence does not hold one."""
    x_takes, y_takes = taken[(y.id, x.id)], taken[(x.id, y.id)]
    same_outlet = names_match(x.outlet, y.outlet)
    x_credits_y = _crediting(credits.get(x.id, ()), y.id)
    y_credits_x = _crediting(credits.get(y.id, ()), x.id)
    common = _common_copy_credits(credits.get(x.id, ()), credits.get(y.id, ()))
    following = max(len(x_takes.follows), len(y_takes.follows))
    close_weight = max(x_takes.close_weight, y_takes.close_weight)
    tied_by_credit = bool(x_credits_y or y_credits_x or common)
    if not same_outlet and not (
        close_weight >= MIN_CLOSE_SENTENCES or (following and tied_by_credit)
    ):
        return None
    earlier = _earlier(x, y)
    if same_outlet:
        relation = Relation.VERSION
        order = Order.PUBLISHED if earlier else Order.UNKNOWN
        # Without dates, id order: for numbered files usually the order they came in.
        source = earlier or x
    elif bool(x_credits_y) != bool(y_credits_x):
        relation, order = Relation.REWRITE, Order.CREDIT
        source = y if x_credits_y else x
    elif earlier is not None:
        relation = Relation.SHARED if common else Relation.REWRITE
        order, source = Order.PUBLISHED, earlier
    else:
        # Nothing says which came first: the text more of which follows the other is
        # named the derived one.
        relation, order = Relation.SHARED, Order.UNKNOWN
        source = y if _more(x_takes, y_takes) else x
    derived = y if source is x else x
    own_credits = x_credits_y if derived is x else y_credits_x
    return _Link(
        source=source,
        derived=derived,
        relation=relation,
        order=order,
        credits=own_credits,
        common=common,
        score=_score(taken[(source.id, derived.id)], own_credits, common),
    )


def _score(
    takes: _Direction, credits: Sequence[Credit], common: Sequence[tuple[Credit, Credit]]
) -> float:
    """The derived text's share, with the doubt it leaves cut by a credit."""
    boost = CREDIT_WEIGHT if credits else COMMON_CREDIT_WEIGHT if common else 0.0
    return round(1 - (1 - takes.share) * (1 - boost), 4)


def _derivation(
    link: _Link,
    taken: Mapping[tuple[str, str], _Direction],
    by_id: Mapping[str, Article],
    articles: Sequence[Article],
) -> Derivation:
    source, derived = link.source, link.derived
    takes = taken[(source.id, derived.id)]
    evidence: list[LinkEvidence] = []
    if link.relation is Relation.VERSION:
        evidence.append(SameOutlet(outlet=min(source.outlet, derived.outlet, key=len)))
    if _earlier(source, derived) is not None and source.published and derived.published:
        evidence.append(PublicationOrder(source=source.published, derived=derived.published))
    evidence.extend(link.credits)
    evidence.extend(c for pair in link.common for c in pair)
    evidence.extend(
        SharedSentence(
            source=_ref(source, f.partner),
            derived=_ref(derived, f.sentence),
            coverage=f.coverage,
            closely=f.closely,
            runs=f.runs,
            claim=f.claim,
        )
        for f in takes.follows
    )
    return Derivation(
        source=source.id,
        derived=derived.id,
        relation=link.relation,
        order=link.order,
        score=link.score,
        source_share=taken[(derived.id, source.id)].share,
        derived_share=takes.share,
        summary=_summary(link, takes, by_id, articles),
        evidence=tuple(evidence),
        via=link.via,
    )


COMMON_SEED = 50
"""Outlets from which a shared run of words is common to the story, not a trace of
copying (see ``_candidate_pairs``)."""


def _candidate_pairs(
    articles: Sequence[Article], holders: Mapping[tuple[str, ...], frozenset[str]]
) -> list[tuple[str, str]]:
    """Pairs that share a seed, plus every pair of one outlet (always versions).

    A seed that more than ``COMMON_SEED`` outlets hold proposes no pair: what every
    outlet carries says nothing of who took it from whom, and proposing every pair of
    hundreds of outlets would make the story's cost grow with their square. For the same
    reason each text proposes only the ``COPY_PARTNERS`` texts it shares the most
    distinctive seeds with (a seed fewer outlets hold weighs more).
    """
    position = {a.id: n for n, a in enumerate(articles)}
    rows: list[int] = []
    cols: list[int] = []
    weights: list[float] = []
    for ids in holders.values():
        if 2 <= len(ids) <= COMMON_SEED:
            for article_id in ids:
                rows.append(position[article_id])
                cols.append(len(weights))
            weights.append(1.0 / (len(ids) - 1))
    holding = sparse.csr_matrix(
        (np.ones(len(rows)), (rows, cols)), shape=(len(articles), max(1, len(weights)))
    )
    shared = (holding @ sparse.diags(np.array(weights or [0.0])) @ holding.T).tocsr()
    pairs: set[tuple[str, str]] = set()
    for n, article in enumerate(articles):
        start, end = shared.indptr[n], shared.indptr[n + 1]
        partners = [
            (-round(float(w), 9), articles[m].id)
            for m, w in zip(shared.indices[start:end].tolist(), shared.data[start:end].tolist(),
                            strict=True)
            if m != n and w > 0
        ]
        for _, other in sorted(partners)[:COPY_PARTNERS]:
            pairs.add((article.id, other) if article.id < other else (other, article.id))
    for i, j in matching_name_pairs([a.outlet for a in articles]):
        a, b = articles[i].id, articles[j].id
        pairs.add((a, b) if a < b else (b, a))
    return sorted(pairs)


COPY_PARTNERS = 8
"""Texts each text is compared with, at most: a story of up to 9 texts compares every
pair that shares a seed; in a story of hundreds, a text copied from one of them shares
more distinctive runs with it than with the others that retell the story."""


# --- the words of a text -----------------------------------------------------------


@lru_cache(maxsize=65536)  # a story repeats its words across hundreds of texts
def _key(word: str) -> str:
    return _DIGIT_COMMA.sub("", word.casefold().replace("’", "'")).rstrip(".")


def _text(article: Article, quotes: Sequence[Sequence[Quote]] | None = None) -> _Text:
    """The article's words; ``quotes`` are its sentences' quotations, when known."""
    if quotes is None:
        quotes = find_quotes([s.text for s in article.sentences])
    tokens = []
    for sentence in article.sentences:
        spans = [(q.start, q.end) for q in quotes[sentence.index]]
        for n, match in enumerate(_WORD.finditer(sentence.text)):
            word = match.group()
            quoted = bool(spans) and any(start <= match.start() < end for start, end in spans)
            # A capital inside a sentence marks a name (or a title): every outlet that
            # covered the story writes it, so it is no sign of copying.
            name = n > 0 and word[:1].isupper()
            tokens.append(
                _Token(
                    key=_key(word),
                    sentence=sentence.index,
                    start=match.start(),
                    end=match.end(),
                    own=not quoted and not name,
                )
            )
    keys = [t.key for t in tokens]
    grams = frozenset(tuple(keys[i : i + SEED_WORDS]) for i in range(len(keys) - SEED_WORDS + 1))
    return _Text(article=article, tokens=tuple(tokens), grams=grams)


def _word_weights(texts: Iterable[_Text]) -> dict[str, float]:
    """Inverse sentence frequency over the story: rare words tell more than "the"."""
    sentence_count = 0
    frequency: Counter[str] = Counter()
    for text in texts:
        per_sentence: dict[int, set[str]] = defaultdict(set)
        for token in text.tokens:
            per_sentence[token.sentence].add(token.key)
        sentence_count += len(text.article.sentences)
        for words in per_sentence.values():
            frequency.update(words)
    return {w: math.log((sentence_count + 1) / (n + 1)) for w, n in frequency.items()}


def _gram_holders(texts: Iterable[_Text]) -> dict[tuple[str, ...], frozenset[str]]:
    holders: dict[tuple[str, ...], set[str]] = defaultdict(set)
    for text in texts:
        for gram in text.grams:
            holders[gram].add(text.article.id)
    return {gram: frozenset(ids) for gram, ids in holders.items()}


# --- shared runs -------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Seeds:
    """A text's words and the seed starting at each of them, with how many outlets hold
    that seed: read once per text rather than once per pair of texts."""

    keys: tuple[str, ...]
    words: NDArray[np.intp]
    """Each word's number in the story (one number per distinct key)."""
    seeds: NDArray[np.intp]
    """The number of the seed starting at each place, for every place a seed starts."""
    holders: tuple[int, ...]
    own_before: tuple[int, ...]
    """How many of the text's own words come before each place (and after the last)."""


def _seeds(
    text: _Text,
    holders: Mapping[tuple[str, ...], frozenset[str]],
    seed_number: Mapping[tuple[str, ...], int],
    word_number: dict[str, int],
) -> _Seeds:
    keys = tuple(t.key for t in text.tokens)
    at = [keys[i : i + SEED_WORDS] for i in range(len(keys) - SEED_WORDS + 1)]
    own_before = [0]
    for token in text.tokens:
        own_before.append(own_before[-1] + token.own)
    return _Seeds(
        keys=keys,
        words=np.array([word_number.setdefault(k, len(word_number)) for k in keys], np.intp),
        seeds=np.array([seed_number[gram] for gram in at], dtype=np.intp),
        holders=tuple(len(holders[gram]) for gram in at),
        own_before=tuple(own_before),
    )


def _shared_runs(left_seeds: _Seeds, right_seeds: _Seeds) -> list[_Run]:
    """Maximal shared runs, longest first, no word used twice (greedy string tiling)."""
    a, b = left_seeds.keys, right_seeds.keys
    found: list[tuple[int, int, int]] = []
    for i, j in _run_starts(left_seeds, right_seeds):
        n = SEED_WORDS
        while i + n < len(a) and j + n < len(b) and a[i + n] == b[j + n]:
            n += 1
        found.append((n, i, j))
    found.sort(key=lambda r: (-r[0], r[2], r[1]))
    used_a = bytearray(len(a))
    used_b = bytearray(len(b))
    runs = []
    for n, i, j in found:
        if 1 in used_a[i : i + n] or 1 in used_b[j : j + n]:
            continue
        own = right_seeds.own_before[j + n] - right_seeds.own_before[j]
        if own < MIN_OWN_WORDS:
            continue
        used_a[i : i + n] = b"\x01" * n
        used_b[j : j + n] = b"\x01" * n
        # The fewest outlets holding any stretch of the run: a long run that is
        # distinctive in one place is distinctive.
        share_count = min(right_seeds.holders[j : j + n - SEED_WORDS + 1])
        runs.append(_Run(left=i, right=j, length=n, rarity=1 / max(1, share_count - 1)))
    return runs


def _run_starts(left: _Seeds, right: _Seeds) -> list[tuple[int, int]]:
    """Every (i, j) where one seed starts at i in ``left`` and at j in ``right``, and the
    words before them differ (else it is inside a run that starts earlier)."""
    order = np.argsort(left.seeds, kind="stable")
    ranked = left.seeds[order]
    low = np.searchsorted(ranked, right.seeds, side="left")
    count = np.searchsorted(ranked, right.seeds, side="right") - low
    j = np.repeat(np.arange(len(right.seeds)), count)
    within = np.arange(len(j)) - np.repeat(np.cumsum(count) - count, count)
    i = order[np.repeat(low, count) + within]
    inside = (i > 0) & (j > 0)
    inside[inside] = left.words[i[inside] - 1] == right.words[j[inside] - 1]
    return list(zip(i[~inside].tolist(), j[~inside].tolist(), strict=True))


def _flip(run: _Run) -> _Run:
    return _Run(left=run.right, right=run.left, length=run.length, rarity=run.rarity)


@dataclass(frozen=True, slots=True)
class _Weighed:
    """What a text's words weigh, whatever source it is compared with: worked out once
    per text rather than once per pair of texts."""

    weights: NDArray[np.float64]
    """Each token's weight: its word's, for the text's own words; 0 otherwise."""
    sentences: NDArray[np.intp]
    """Each token's sentence."""
    total: Mapping[int, float]
    """Each sentence's weight, its tokens' added in order."""
    own_words: Mapping[int, int]
    """Each sentence's own words."""


def _weigh(text: _Text, weights: Mapping[str, float]) -> _Weighed:
    token_weights = [weights.get(t.key, 0.0) if t.own else 0.0 for t in text.tokens]
    total: dict[int, float] = defaultdict(float)
    own_words: Counter[int] = Counter()
    for token, weight in zip(text.tokens, token_weights, strict=True):
        total[token.sentence] += weight
        own_words[token.sentence] += token.own
    return _Weighed(
        weights=np.array(token_weights, dtype=np.float64),
        sentences=np.array([t.sentence for t in text.tokens], dtype=np.intp),
        total=dict(total),
        own_words=own_words,
    )


def _direction(
    source: _Text,
    derived: _Text,
    runs: Sequence[_Run],
    source_weighed: _Weighed,
    weighed: _Weighed,
    claim_of: Mapping[tuple[str, int], str],
) -> _Direction:
    """The sentences of ``derived`` that follow ``source`` (runs: left in source)."""
    total, own_words = weighed.total, weighed.own_words
    # Only the words a run covers add anything, in text order as they always did: numpy
    # adds each sentence's weights one by one in that order, as Python did.
    lengths = np.array([r.length for r in runs], dtype=np.intp)
    run_of = np.repeat(np.arange(len(runs)), lengths)
    step = np.arange(len(run_of)) - (np.cumsum(lengths) - lengths)[run_of]  # place in run
    position = np.array([r.right for r in runs], dtype=np.intp)[run_of] + step
    source_position = np.array([r.left for r in runs], dtype=np.intp)[run_of] + step
    rarity = np.array([r.rarity for r in runs], dtype=np.float64)[run_of]
    order = np.argsort(position, kind="stable")
    position, source_position, rarity = position[order], source_position[order], rarity[order]
    sentence_of = weighed.sentences[position]
    weight = weighed.weights[position]
    width = len(total) and max(total) + 1
    covered_all = np.bincount(sentence_of, weights=weight, minlength=width)
    rare_all = np.bincount(sentence_of, weights=weight * rarity, minlength=width)
    present = np.unique(sentence_of).tolist()  # ascending: the order they first appear in
    covered = {s: float(covered_all[s]) for s in present}
    rare = {s: float(rare_all[s]) for s in present}
    partners = _partners(sentence_of, source_weighed.sentences[source_position])
    spans = _spans(position, sentence_of)
    follows = []
    for sentence, partner in sorted(partners.items()):
        if own_words[sentence] < MIN_OWN_WORDS or not total[sentence] or not covered[sentence]:
            continue
        coverage = covered[sentence] / total[sentence]
        claim = _common_claim(claim_of, source.article.id, partner, derived.article.id, sentence)
        closely = coverage >= CLOSE_COVERAGE
        if not closely and claim is None:
            continue  # a phrase in a sentence about something else
        follows.append(
            _Follow(
                sentence=sentence,
                partner=partner,
                coverage=round(coverage, 4),
                rarity=round(rare[sentence] / covered[sentence], 4),
                closely=closely,
                runs=tuple(_span_text(derived, span) for span in spans[sentence]),
                claim=claim,
            )
        )
    whole = sum(total.values())
    share = sum(rare.values()) / whole if whole else 0.0
    return _Direction(follows=tuple(follows), share=round(min(1.0, share), 4))


def _partners(sentence: NDArray[np.intp], source: NDArray[np.intp]) -> dict[int, int]:
    """For each sentence, the source sentence most of its covered words come from; of
    two as many, the one its earliest covered word comes from."""
    best: dict[int, tuple[int, int, int]] = {}  # sentence → (-count, first place, source)
    if len(sentence) == 0:
        return {}
    width = int(source.max()) + 1
    pairs, first, counts = np.unique(
        sentence * width + source, return_index=True, return_counts=True
    )
    for pair, place, count in zip(pairs.tolist(), first.tolist(), counts.tolist(), strict=True):
        mine, theirs = divmod(pair, width)
        key = (-count, place, theirs)
        if mine not in best or key < best[mine]:
            best[mine] = key
    return {mine: key[2] for mine, key in best.items()}


def _spans(
    position: NDArray[np.intp], sentence: NDArray[np.intp]
) -> dict[int, list[tuple[int, int]]]:
    """Each sentence's covered words as spans of consecutive places."""
    spans: dict[int, list[tuple[int, int]]] = defaultdict(list)
    if len(position) == 0:
        return spans
    breaks = np.nonzero((np.diff(position) != 1) | (np.diff(sentence) != 0))[0] + 1
    starts = np.concatenate([[0], breaks]).tolist()
    ends = np.concatenate([breaks - 1, [len(position) - 1]]).tolist()
    places, sentences = position.tolist(), sentence.tolist()
    for start, end in zip(starts, ends, strict=True):
        spans[sentences[start]].append((places[start], places[end]))
    return spans


def _span_text(text: _Text, span: tuple[int, int]) -> str:
    first, last = text.tokens[span[0]], text.tokens[span[1]]
    return text.article.sentences[first.sentence].text[first.start : last.end]


def _common_claim(
    claim_of: Mapping[tuple[str, int], str], a: str, i: int, b: str, j: int
) -> str | None:
    claim = claim_of.get((a, i))
    return claim if claim is not None and claim_of.get((b, j)) == claim else None


_Stated = Mapping[str, Sequence[tuple[Claim, Mapping[str, Sequence[Member]]]]]
"""Each article's claims, with every claim's members by article: built once a story,
so that a pair of articles looks only at the claims they both state."""


def _claims_by_article(claims: Sequence[Claim]) -> _Stated:
    stated: dict[str, list[tuple[Claim, Mapping[str, Sequence[Member]]]]] = defaultdict(list)
    for claim in claims:
        members: dict[str, list[Member]] = defaultdict(list)
        for m in claim.members:
            members[m.article].append(m)
        for article in members:
            stated[article].append((claim, members))
    return stated


def _with_near_verbatim(
    taken: _Direction, source: Article, derived: Article, stated: _Stated
) -> _Direction:
    """Add sentence pairs of one claim that differ in a letter or a figure only."""
    have = {f.sentence for f in taken.follows}
    added = []
    for claim, members in stated.get(derived.id, ()):
        if source.id not in members:
            continue
        mine = [m for m in members[derived.id] if m.sentence not in have]
        theirs = members[source.id]
        for member in mine:
            for other in theirs:
                a, b = _unquoted(member.text), _unquoted(other.text)
                if len(a.split()) < MIN_OWN_WORDS or len(b.split()) < MIN_OWN_WORDS:
                    continue
                if fuzz.ratio(a, b) / 100 >= NEAR_VERBATIM:
                    added.append(
                        _Follow(
                            sentence=member.sentence,
                            partner=other.sentence,
                            coverage=1.0,
                            rarity=1.0,
                            closely=True,
                            runs=(),
                            claim=claim.id,
                        )
                    )
                    have.add(member.sentence)
                    break
    if not added:
        return taken
    follows = tuple(sorted((*taken.follows, *added), key=lambda f: f.sentence))
    return _Direction(follows=follows, share=taken.share)


_QUOTED = re.compile(r"[\"“][^\"“”]*[\"”]")


@lru_cache(maxsize=65536)
def _unquoted(text: str) -> str:
    return normalize(_QUOTED.sub(" ", text))


# --- from evidence to a derivation -------------------------------------------------


def _more(left: _Direction, right: _Direction) -> bool:
    """``left`` takes more than ``right``: more close sentences, then a larger share."""
    return (left.close_weight, left.share) > (right.close_weight, right.share)


def _crediting(credits: Iterable[Credit], other: str) -> tuple[Credit, ...]:
    return tuple(c for c in credits if other in c.names)


def _common_copy_credits(
    left: Iterable[Credit], right: Iterable[Credit]
) -> tuple[tuple[Credit, Credit], ...]:
    """Pairs of copy credits (dateline, byline, ...) in the two texts naming one newsroom."""
    right_copy = [c for c in right if c.kind in COPY_CREDITS]
    pairs = []
    seen: set[str] = set()
    for mine in left:
        if mine.kind not in COPY_CREDITS or mine.name.casefold() in seen:
            continue
        theirs = next((c for c in right_copy if names_match(mine.name, c.name)), None)
        if theirs is not None:
            seen.add(mine.name.casefold())
            pairs.append((mine, theirs))
    return tuple(pairs)


def _earlier(x: Article, y: Article) -> Article | None:
    if not x.published or not y.published or x.published[:10] == y.published[:10]:
        return None
    return x if x.published[:10] < y.published[:10] else y


def _ref(article: Article, index: int) -> SentenceRef:
    return SentenceRef(article=article.id, sentence=index, text=article.sentences[index].text)


def _through_third(
    links: Mapping[frozenset[str], _Link], taken: Mapping[tuple[str, str], _Direction]
) -> dict[frozenset[str], _Link]:
    """Mark a link that a third text explains, and orient it along the chain.

    A -> B -> C gives A and C a link of their own, since C keeps what B kept of A. When
    what one of them shares with the other it also shares with B, and B is linked more
    strongly to both, the link is marked ``via`` B; when B's two links run one way,
    A -> C runs that way too. A link where one credits the other, or of one outlet,
    stands on its own.
    """
    result = dict(links)
    for pair, link in links.items():
        if link.relation is Relation.VERSION or link.credits:
            continue
        best: tuple[float, str] | None = None
        for third in {a for p in links for a in p} - pair:
            first = links.get(frozenset((link.source.id, third)))
            second = links.get(frozenset((third, link.derived.id)))
            if first is None or second is None:
                continue
            weaker = min(first.score, second.score)
            stronger_chain = weaker > link.score and _explains(taken, link, third)
            if stronger_chain and (best is None or (weaker, third) > best):
                best = (weaker, third)
        if best is not None:
            result[pair] = _along_chain(link, best[1], links, taken)
    return result


def _explains(taken: Mapping[tuple[str, str], _Direction], link: _Link, third: str) -> bool:
    """What one text of the link takes from the other, it also shares with ``third``."""
    a, c = link.source.id, link.derived.id
    for source, target in ((a, c), (c, a)):
        mine = {f.sentence for f in taken[(source, target)].follows}
        also = {f.sentence for f in taken.get((third, target), _NOTHING).follows}
        if mine and len(mine & also) >= VIA_SHARE * len(mine):
            return True
    return False


_NOTHING = _Direction(follows=(), share=0.0)


def _along_chain(
    link: _Link,
    via: str,
    links: Mapping[frozenset[str], _Link],
    taken: Mapping[tuple[str, str], _Direction],
) -> _Link:
    first = links[frozenset((link.source.id, via))]
    second = links[frozenset((via, link.derived.id))]
    directed = {Relation.REWRITE, Relation.VERSION}
    ends = {first.source.id, second.source.id} - {via}
    starts = {first.derived.id, second.derived.id} - {via}
    if not (
        first.relation in directed
        and second.relation in directed
        and len(ends) == 1
        and len(starts) == 1
        and ends != starts
    ):
        return replace(link, via=via)
    # Both links run the same way through ``via``: so does this one.
    source = link.source if link.source.id in ends else link.derived
    derived = link.derived if source is link.source else link.source
    return replace(
        link,
        source=source,
        derived=derived,
        relation=Relation.REWRITE,
        order=Order.VIA,
        credits=(),
        score=_score(taken[(source.id, derived.id)], (), link.common),
        via=via,
    )


def _summary(
    link: _Link,
    taken: _Direction,
    by_id: Mapping[str, Article],
    articles: Sequence[Article],
) -> str:
    source, derived = link.source, link.derived
    s, d = _label(source, articles), _label(derived, articles)
    count = len(derived.sentences)
    followed = len(taken.follows)
    if followed:
        verb = "follows" if followed == 1 else "follow"
        how = f"{followed} of its {count} sentences {verb} {s}"
        if taken.closely != followed:
            how += f" ({taken.closely} closely)"
        elif taken.closely:
            how += " closely"
    else:
        how = f"none of its {count} sentences follows {s} closely"
    if link.relation is Relation.VERSION:
        outlet = min(source.outlet, derived.outlet, key=len)
        head = f"{d} and {s} are texts of one outlet, {outlet}"
    elif link.relation is Relation.SHARED:
        head = f"{d} and {s} share copy"
    elif link.order is Order.VIA and link.via is not None:
        head = f"{d} follows {s} through {_label(by_id[link.via], articles)}"
    elif taken.closely >= RAN_COPY * count:
        head = f"{d} ran {s}'s copy"
    else:
        head = f"{d} probably rewrote {s}"
    parts = [f"{head}: {how}"]
    if link.credits:
        times = {1: "once", 2: "twice"}.get(len(link.credits), f"{len(link.credits)} times")
        parts.append(f"it credits {s} {times}")
    parts.extend(f"both credit {mine.name}" for mine, _theirs in link.common)
    if link.order is Order.PUBLISHED:
        parts.append(f"{s} was published first ({source.published}, {d} {derived.published})")
    elif link.order is Order.UNKNOWN and link.relation is not Relation.VERSION:
        parts.append("which came first is not known")
    if link.via is not None and link.order is not Order.VIA:
        parts.append(f"what they share, they share with {_label(by_id[link.via], articles)}")
    return "; ".join(parts) + "."


def _label(article: Article, articles: Sequence[Article]) -> str:
    """The outlet's name, with the article id when the outlet has several texts."""
    same = sum(a.outlet == article.outlet for a in articles)
    return article.outlet if same == 1 else f"{article.outlet} ({article.id})"


# --- outlet profiles ---------------------------------------------------------------

_FIGURE_CHANGES = frozenset(
    {
        DivergenceType.NUMBER_CHANGED,
        DivergenceType.NUMBER_SUBJECT_CHANGED,
        DivergenceType.QUALIFIER_CHANGED,
    }
)


def profile_outlets(
    articles: Sequence[Article],
    claims: Sequence[Claim],
    *,
    credits: Mapping[str, tuple[Credit, ...]] | None = None,
) -> tuple[OutletProfile, ...]:
    """For each article: the claims it shares, adds, omits and alters, its figures
    that differ from the others, and whom it credits."""
    credits = credits if credits is not None else find_credits(articles)
    profiles = []
    # Each claim's outlets, gathered once rather than once per article.
    present_in = [{m.article for m in claim.members} for claim in claims]
    for article in articles:
        shared: list[str] = []
        added: list[str] = []
        omitted: list[str] = []
        altered: list[str] = []
        figures: list[FigureChange] = []
        for claim, present in zip(claims, present_in, strict=True):
            if article.id in present:
                (shared if len(present) > 1 else added).append(claim.id)
            elif len(present) >= 2:
                omitted.append(claim.id)
            blamed = [
                d
                for d in claim.divergences
                if article.id in d.articles and d.type is not DivergenceType.OMITTED
            ]
            if blamed:
                altered.append(claim.id)
            figures.extend(
                FigureChange(claim=claim.id, type=d.type, detail=d.detail)
                for d in blamed
                if d.type in _FIGURE_CHANGES
            )
        profiles.append(
            OutletProfile(
                article=article.id,
                outlet=article.outlet,
                shared=tuple(shared),
                added=tuple(added),
                omitted=tuple(omitted),
                altered=tuple(altered),
                figures=tuple(figures),
                credits=credits.get(article.id, ()),
            )
        )
    return tuple(profiles)


def run_spans(text: str, runs: Iterable[str]) -> list[tuple[int, int]]:
    """Where the runs of shared words stand in ``text`` (case and spacing aside), so
    outputs can mark them in either sentence of a pair; overlapping places are merged.

    >>> run_spans("Police closed 14 roads.", ["closed 14  Roads", "Police closed"])
    [(0, 22)]
    """
    spans = []
    for run in runs:
        words = run.split()
        if not words:
            continue
        # Searched in the text itself (not a case-folded copy, whose offsets can differ).
        pattern = r"\s+".join(re.escape(w) for w in words)
        match = re.search(pattern, text, flags=re.IGNORECASE)
        if match:
            spans.append((match.start(), match.end()))
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged
