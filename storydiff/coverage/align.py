"""Sentences across outlets → claims.

Outlets rewrite each other, so no single similarity finds every restatement. A pair of
sentences from two articles is scored by three signals that fail in different ways:
character similarity (rapidfuzz, for light edits and reordering), the cosine of
IDF-weighted content words (rare names and terms count, "the report said" does not) and
shared anchors (distinctive numbers and quotations, which survive paraphrase). Within
each pair of articles a maximum-weight bipartite matching keeps one partner per sentence;
matched pairs are then merged into claims without putting two sentences of one article
in a claim, except for an adjacent sentence that measurably completes a split claim.
Every sentence ends up in exactly one claim; unmatched ones are claims of one outlet.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Hashable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import TypeVar

import numpy as np
from numpy.typing import NDArray
from rapidfuzz import fuzz, process
from scipy import sparse
from scipy.optimize import linear_sum_assignment

from storydiff.coverage import parallel
from storydiff.coverage.lexicon import stem
from storydiff.coverage.model import Article, NumberKind, NumberMention
from storydiff.coverage.numbers import find_numbers, format_value
from storydiff.coverage.settings import Settings

SLOT_WEIGHT = 0.15
"""Anchor for a figure of the same kind, unit (or counted thing) and size but another
value: a misquoted figure, or two figures that merely look alike."""

PHRASE_WEIGHT = 0.15
PHRASE_CAP = 0.45
"""Each shared rare bigram adds PHRASE_WEIGHT to the anchor, up to PHRASE_CAP: names
are bigrams too, and a sentence that only names the same people is not the same claim."""

_T = TypeVar("_T")

SentenceKey = tuple[int, int]
"""(position of the article in the input, sentence index)."""

_STOP_WORDS = frozenset(
    [
        "a",
        "about",
        "above",
        "after",
        "again",
        "against",
        "all",
        "also",
        "am",
        "an",
        "and",
        "any",
        "are",
        "as",
        "at",
        "be",
        "because",
        "been",
        "before",
        "being",
        "below",
        "between",
        "both",
        "but",
        "by",
        "can",
        "could",
        "did",
        "do",
        "does",
        "doing",
        "down",
        "during",
        "each",
        "few",
        "for",
        "from",
        "further",
        "had",
        "has",
        "have",
        "having",
        "he",
        "her",
        "here",
        "hers",
        "herself",
        "him",
        "himself",
        "his",
        "how",
        "i",
        "if",
        "in",
        "into",
        "is",
        "it",
        "its",
        "itself",
        "just",
        "me",
        "more",
        "most",
        "my",
        "myself",
        "no",
        "nor",
        "not",
        "now",
        "of",
        "off",
        "on",
        "once",
        "only",
        "or",
        "other",
        "our",
        "ours",
        "ourselves",
        "out",
        "over",
        "own",
        "same",
        "she",
        "should",
        "so",
        "some",
        "such",
        "than",
        "that",
        "the",
        "their",
        "theirs",
        "them",
        "themselves",
        "then",
        "there",
        "these",
        "they",
        "this",
        "those",
        "through",
        "to",
        "too",
        "under",
        "until",
        "up",
        "very",
        "was",
        "we",
        "were",
        "what",
        "when",
        "where",
        "which",
        "while",
        "who",
        "whom",
        "why",
        "will",
        "with",
        "would",
        "you",
        "your",
        "yours",
        "yourself",
        "yourselves",
        "said",
        "says",
        "say",
        "saying",
        "told",
        "according",
        "one",
        "two",
        "three",
        "new",
        "year",
        "years",
        "per",
        "cent",
        "percent",
        "which",
        "its",
        "it's",
        "mr",
        "ms",
        "mrs",
        "dr",
        "also",
        "however",
        "would",
        "could",
        "may",
        "might",
        "must",
        "shall",
    ]
)

# Prepositions the stop list keeps as content ("across", "since") still end a title:
# in "transplant centres across China" nothing before "across" names China.
_PREPOSITIONS = frozenset(
    {
        "across",
        "along",
        "amid",
        "among",
        "around",
        "behind",
        "beneath",
        "beside",
        "besides",
        "beyond",
        "despite",
        "except",
        "inside",
        "like",
        "near",
        "onto",
        "outside",
        "past",
        "since",
        "throughout",
        "till",
        "toward",
        "towards",
        "underneath",
        "unlike",
        "upon",
        "via",
        "within",
        "without",
        "versus",
    }
)

_WORD_RE = re.compile(r"[^\W_]+(?:[’'][^\W_]+)*", re.UNICODE)
_QUOTE_RE = re.compile(r"[\"“”]([^\"“”]{12,})[\"“”]")


def normalize(text: str) -> str:
    """Comparable form of a sentence: case-folded, quotes straightened, digits unseparated.

    Idempotent, so normalising twice is harmless.

    >>> normalize("“7,785 Organs”")
    '"7785 organs"'
    """
    text = unicodedata.normalize("NFKC", text)
    text = text.translate(_STRAIGHTEN)
    text = re.sub(r"(?<=\d),(?=\d{3}\b)", "", text)
    return re.sub(r"\s+", " ", text).strip().casefold()


_STRAIGHTEN = str.maketrans({"“": '"', "”": '"', "„": '"', "‘": "'", "’": "'", "–": "-", "—": "-"})


def phrase_bigrams(text: str) -> frozenset[tuple[str, str]]:
    """Adjacent content-word pairs, names and the titles before them left out.

    Names already weigh in through rare words; counting "David Kilgour" or "lawyer
    David" again as a phrase would align every sentence that merely mentions the same
    people. A title that leads into a name ("human rights lawyer David Matas") names the
    person too, so it is left out with the name. A capital that opens the sentence is
    no name.

    >>> sorted(phrase_bigrams("Officials said human rights lawyer Ada Kerr sued the mining board."))
    [('mine', 'board'), ('su', 'mine')]
    """
    prepared = unicodedata.normalize("NFKC", text).translate(_STRAIGHTEN)
    tokens = []
    previous_end = 0
    for n, match in enumerate(_WORD_RE.finditer(prepared)):
        word = match.group()
        # Punctuation between two words ends a title: "hospitals, Amnesty said".
        joined = not prepared[previous_end : match.start()].strip(" -")
        previous_end = match.end()
        folded = word.casefold()
        stop = folded in _STOP_WORDS or len(word) < 2
        # A title is a run of content words, not prepositions, joined up to a name.
        titled = joined and not stop and folded not in _PREPOSITIONS
        tokens.append((folded, stop, n > 0 and word[:1].isupper(), titled))
    named = [False] * len(tokens)
    leads_to_name = False
    for n in range(len(tokens) - 1, -1, -1):
        _, stop, is_name, can_be_title = tokens[n]
        named[n] = is_name or (leads_to_name and can_be_title)
        leads_to_name = named[n] and can_be_title
    words = [(stem(w), named[n]) for n, (w, stop, _, _) in enumerate(tokens) if not stop]
    return frozenset(
        (a, b)
        for (a, a_named), (b, b_named) in zip(words, words[1:], strict=False)
        if not (a_named or b_named)
    )


def content_terms(text: str) -> tuple[str, ...]:
    """Stemmed content words of a sentence, stop words out."""
    words = _WORD_RE.findall(normalize(text))
    return tuple(stem(w) for w in words if w not in _STOP_WORDS and len(w) > 1)


def distinctive_values(text: str) -> frozenset[str]:
    """Figures worth anchoring on, as ledger keys: not years, not small counts.

    Words and digits meet ("thirty-eight" and "38"), and a range also offers its ends,
    so "between 60,000 and 100,000" meets "60,000 to 100,000" and "up to 100,000".
    """
    return _values_of(find_numbers(text))


def _values_of(mentions: Iterable[NumberMention]) -> frozenset[str]:
    values: set[str] = set()
    for mention in _anchoring(mentions):
        prefix = _slot(mention)
        values.add(prefix + format_value(mention.low, mention.high))
        if mention.low != mention.high:
            values.add(prefix + format_value(mention.low, mention.low))
            values.add(prefix + format_value(mention.high, mention.high))
    return frozenset(values)


def _anchoring(mentions: Iterable[NumberMention]) -> Iterator[NumberMention]:
    for mention in mentions:
        # "Thousands of" homes and "thousands of" fish share no fact: vague amounts
        # are not anchors.
        vague = (mention.qualifier or "").endswith(" of")
        if mention.kind not in _ANCHOR_KINDS or vague:
            continue
        small = mention.high < 11 and float(mention.high).is_integer()
        if small and mention.kind is NumberKind.COUNT:
            continue
        yield mention


def _slot(mention: NumberMention) -> str:
    """The kind of figure, and a measure's unit: "eleven years" is no anchor for "11
    vessels"."""
    unit = (
        (mention.subject or "").split(" ")[0].casefold().rstrip("s")
        if mention.kind is NumberKind.MEASURE
        else ""
    )
    return f"{mention.kind.value}:{unit}:"


def figure_slots(mentions: Iterable[NumberMention]) -> frozenset[tuple[str, int]]:
    """Where a figure sits, whatever its value: its kind and unit (for a count, what it
    counts) and its size to half an octave.

    An outlet that misquotes a figure ("turnout was 44.6 percent" for 41.6) keeps it in
    the same slot; sharing a slot with a close value is weaker evidence than sharing the
    value, but it is what is left when the value changed.
    """
    slots = set()
    for mention in _anchoring(mentions):
        if mention.high <= 0:
            continue
        key = _slot(mention)
        if mention.kind is NumberKind.COUNT:
            if not mention.subject:
                continue
            key += stem(mention.subject.split(" ")[0].casefold())
        slots.add((key, math.floor(2 * math.log2(mention.high))))
    return frozenset(slots)


_ANCHOR_KINDS = frozenset(
    {NumberKind.COUNT, NumberKind.PERCENT, NumberKind.MONEY, NumberKind.MEASURE}
)


def quoted_spans(text: str) -> tuple[str, ...]:
    """Normalised quoted passages long enough to be worth matching."""
    return tuple(normalize(m.group(1)) for m in _QUOTE_RE.finditer(text))


@dataclass(frozen=True, slots=True)
class AlignedClaim:
    """A claim as alignment sees it: sentence keys and each member's score to the others."""

    members: tuple[SentenceKey, ...]
    scores: Mapping[SentenceKey, float]


@dataclass(frozen=True, slots=True)
class _AnchorMatrices:
    """Sentence × key incidence matrices: anchors for a block of pairs in a few products."""

    values: sparse.csr_matrix
    """1 where the sentence states the figure."""
    weighted_values: sparse.csr_matrix
    """Half the figure's weight where the sentence states it."""
    multi_digit: sparse.csr_matrix
    """1 where the sentence states the figure and it has two digits or more."""
    digits: sparse.csr_matrix
    """1 for the figure's digits in sorted order: transpositions share a key."""
    scaled: sparse.csr_matrix
    """1 for the figure's significant digits: a slipped zero (25,000 for 250,000) shares
    a key."""
    scalable: sparse.csr_matrix
    """1 where the sentence states a figure that has a ``scaled`` key."""
    round_self: sparse.csr_matrix
    """1 where the sentence states a round figure (700)."""
    round_near: sparse.csr_matrix
    """1 for the round figures a less round one could be rounded to (712 → 700)."""
    phrases: sparse.csr_matrix
    slot_self: sparse.csr_matrix
    """1 for each figure's slot at its own size."""
    slot_near: sparse.csr_matrix
    """1 for each figure's slot at its own size and the sizes either side."""
    has_quote: NDArray[np.bool_]


@dataclass(frozen=True, slots=True)
class _Corpus:
    keys: tuple[SentenceKey, ...]
    texts: tuple[str, ...]
    normalized: tuple[str, ...]
    vectors: sparse.csr_matrix
    """L2-normalised TF-IDF rows, one per sentence, for scoring blocks of pairs."""
    values: tuple[frozenset[str], ...]
    quotes: tuple[tuple[str, ...], ...]
    phrases: tuple[frozenset[tuple[str, str]], ...]
    """Rare content-word bigrams: a shared phrase survives a reworded frame."""
    value_weight: Mapping[str, float]
    anchors: _AnchorMatrices
    by_article: tuple[tuple[int, ...], ...]
    """Row numbers of each article's sentences."""
    distinct: NDArray[np.intp]
    """Each row's number among the story's distinct sentence texts: every score of a
    pair depends on the two texts alone, so a sentence many outlets carry word for word
    is scored once."""
    representatives: tuple[int, ...]
    """The first row of each distinct text."""


def _build_corpus(articles: Sequence[Article]) -> _Corpus:
    keys: list[SentenceKey] = []
    texts: list[str] = []
    by_article: list[tuple[int, ...]] = []
    for a_pos, article in enumerate(articles):
        rows = []
        for sentence in article.sentences:
            rows.append(len(keys))
            keys.append((a_pos, sentence.index))
            texts.append(sentence.text)
        by_article.append(tuple(rows))
    distinct_of: dict[str, int] = {}
    representatives: list[int] = []
    for row, text in enumerate(texts):
        if text not in distinct_of:
            distinct_of[text] = len(representatives)
            representatives.append(row)
    distinct = [distinct_of[t] for t in texts]

    def each_text(found: Sequence[_T]) -> list[_T]:
        """What was found once per distinct text, for every row: outlets that carry a
        sentence word for word cost one reading of it."""
        return [found[d] for d in distinct]

    unique_texts = [texts[r] for r in representatives]
    terms = each_text([content_terms(t) for t in unique_texts])
    document_frequency: Counter[str] = Counter()
    for sentence_terms in terms:
        document_frequency.update(set(sentence_terms))
    total = max(len(texts), 1)
    weights = each_text(
        [_tfidf_weights(terms[r], document_frequency, total) for r in representatives]
    )
    vectors = _tfidf_matrix(weights, document_frequency)
    unique_mentions = [find_numbers(t) for t in unique_texts]
    values = each_text([_values_of(m) for m in unique_mentions])
    slots = each_text([figure_slots(m) for m in unique_mentions])
    bigrams = each_text([phrase_bigrams(t) for t in unique_texts])
    bigram_frequency: Counter[tuple[str, str]] = Counter()
    for sentence_bigrams in bigrams:
        bigram_frequency.update(sentence_bigrams)
    # A phrase every outlet repeats throughout ("organ harvesting") names the story, not
    # a claim; one that occurs about once per outlet marks a claim.
    phrase_limit = max(2, len(articles))
    phrases = [frozenset(b for b in bs if bigram_frequency[b] <= phrase_limit) for bs in bigrams]
    # A value that many articles repeat (a death toll in every paragraph) anchors less
    # than one that marks a single fact.
    value_frequency: Counter[str] = Counter()
    for sentence_values in values:
        value_frequency.update(sentence_values)
    value_weight = {
        v: 1.0 / math.sqrt(max(1.0, n / max(1, len(articles)))) for v, n in value_frequency.items()
    }
    quotes = tuple(each_text([quoted_spans(t) for t in unique_texts]))
    return _Corpus(
        keys=tuple(keys),
        texts=tuple(texts),
        normalized=tuple(each_text([normalize(t) for t in unique_texts])),
        vectors=vectors,
        values=tuple(values),
        quotes=quotes,
        phrases=tuple(phrases),
        value_weight=value_weight,
        anchors=_anchor_matrices(values, value_weight, phrases, quotes, slots),
        by_article=tuple(by_article),
        distinct=np.array(distinct, dtype=np.intp),
        representatives=tuple(representatives),
    )


def _incidence(
    *row_sets: Sequence[Iterable[Hashable]],
    weight: Callable[[Hashable], float] | None = None,
) -> tuple[sparse.csr_matrix, ...]:
    """One sentence × key matrix per row set, all over one vocabulary so they multiply."""
    vocabulary: dict[Hashable, int] = {}
    triples = []
    for rows in row_sets:
        row_ids: list[int] = []
        col_ids: list[int] = []
        data: list[float] = []
        for row, keys in enumerate(rows):
            for key in keys:
                row_ids.append(row)
                col_ids.append(vocabulary.setdefault(key, len(vocabulary)))
                data.append(1.0 if weight is None else weight(key))
        triples.append((len(rows), row_ids, col_ids, data))
    width = max(1, len(vocabulary))
    return tuple(
        sparse.csr_matrix((data, (row_ids, col_ids)), shape=(n, width), dtype=np.float64)
        for n, row_ids, col_ids, data in triples
    )


def _split_value(value: str) -> tuple[str, str]:
    """``"count::712"`` → (``"count::"``, ``"712"``)."""
    prefix, _, number = value.rpartition(":")
    return prefix + ":", number


def _round_neighbours(value: str) -> tuple[str, ...]:
    """Round figures within 10% of ``value`` that are rounder than it (712 → 700)."""
    prefix, number = _split_value(value)
    try:
        x = float(number)
    except ValueError:
        return ()
    if x < 20 or not x.is_integer():
        return ()
    own = _roundness(x)
    found = []
    magnitude = 10 ** max(2, len(str(int(x))) - 2)
    while magnitude <= x * 1.1:
        low = math.ceil(x * 0.9 / magnitude) * magnitude
        for candidate in range(int(low), int(x * 1.1) + 1, magnitude):
            if candidate != x and _roundness(float(candidate)) > own:
                found.append(f"{prefix}{candidate}")
        magnitude *= 10
    return tuple(sorted(set(found)))


def _anchor_matrices(
    values: Sequence[frozenset[str]],
    value_weight: Mapping[str, float],
    phrases: Sequence[frozenset[tuple[str, str]]],
    quotes: Sequence[tuple[str, ...]],
    slots: Sequence[frozenset[tuple[str, int]]],
) -> _AnchorMatrices:
    def is_round(value: str) -> bool:
        try:
            return _roundness(float(_split_value(value)[1])) >= 2
        except ValueError:
            return False

    def digit_key(value: str) -> str:
        prefix, number = _split_value(value)
        return prefix + "".join(sorted(number))

    def scale_key(value: str) -> str | None:
        prefix, number = _split_value(value)
        significant = number.replace(".", "").strip("0")
        # Two significant digits at least: 100 and 1,000 are too common to be a slip.
        if len(significant) < 2 or not significant.isdigit():
            return None
        return prefix + significant

    multi = [frozenset(v for v in vs if len(_split_value(v)[1]) >= 2) for vs in values]
    scalable_values = [frozenset(v for v in vs if scale_key(v)) for vs in values]
    (plain,) = _incidence(values)
    (weighted,) = _incidence(values, weight=lambda v: 0.5 * value_weight[str(v)])
    (multi_digit,) = _incidence(multi)
    (digits,) = _incidence([{digit_key(v) for v in vs} for vs in multi])
    (scaled,) = _incidence([{str(scale_key(v)) for v in vs} for vs in scalable_values])
    (scalable,) = _incidence(scalable_values)
    round_self, round_near = _incidence(
        [{v for v in vs if is_round(v)} for vs in values],
        [{n for v in vs for n in _round_neighbours(v)} for vs in values],
    )
    (phrase_matrix,) = _incidence(phrases)
    slot_self, slot_near = _incidence(
        slots, [{(key, size + step) for key, size in ss for step in (-1, 0, 1)} for ss in slots]
    )
    return _AnchorMatrices(
        values=plain,
        weighted_values=weighted,
        multi_digit=multi_digit,
        digits=digits,
        scaled=scaled,
        scalable=scalable,
        round_self=round_self,
        round_near=round_near,
        phrases=phrase_matrix,
        slot_self=slot_self,
        slot_near=slot_near,
        has_quote=np.array([bool(q) for q in quotes], dtype=bool),
    )


def _anchor_block(
    corpus: _Corpus, rows_a: Sequence[int], rows_b: Sequence[int]
) -> tuple[NDArray[np.float64], NDArray[np.bool_]]:
    """Anchor scores (0..1) for every pair of ``rows_a`` × ``rows_b``, and which pairs
    share a figure (or a figure one edit away) or a quotation."""
    m = corpus.anchors
    ra, rb = list(rows_a), list(rows_b)

    def shared(left: sparse.csr_matrix, right: sparse.csr_matrix) -> NDArray[np.float64]:
        product: NDArray[np.float64] = (left[ra] @ right[rb].T).toarray()
        return product

    same = shared(m.values, m.weighted_values)
    transposed = shared(m.digits, m.digits) - shared(m.multi_digit, m.multi_digit)
    slipped = shared(m.scaled, m.scaled) - shared(m.scalable, m.scalable)
    rounded = shared(m.round_self, m.round_near) + shared(m.round_near, m.round_self)
    # A rounded, transposed or slipped figure ("more than 700" for 712, 83 for 38,
    # 25,000 for 250,000) is weaker evidence than the same figure, but still evidence.
    near = 0.25 * (np.clip(transposed, 0, None) + np.clip(slipped, 0, None) + rounded)
    phrase = np.minimum(PHRASE_CAP, PHRASE_WEIGHT * shared(m.phrases, m.phrases))
    quote = np.zeros(same.shape, dtype=np.float64)
    for x, y in zip(*np.nonzero(np.outer(m.has_quote[ra], m.has_quote[rb])), strict=True):
        quote[x, y] = _quotes_match(corpus.quotes[ra[x]], corpus.quotes[rb[y]])
    slot = np.where((same == 0) & (near == 0) & (shared(m.slot_self, m.slot_near) > 0), 1.0, 0.0)
    score = np.minimum(1.0, same + near + phrase + quote + SLOT_WEIGHT * slot)
    return score, (same > 0) | (near > 0) | (quote > 0) | (slot > 0)


def _quotes_match(left: Sequence[str], right: Sequence[str]) -> float:
    return float(
        any(
            fuzz.partial_ratio(q1, q2) >= 85 and min(len(q1), len(q2)) >= 20
            for q1 in left
            for q2 in right
        )
    )


def _tfidf_weights(terms: Sequence[str], df: Mapping[str, int], total: int) -> dict[str, float]:
    counts = Counter(terms)
    vector = {t: (1 + math.log(n)) * math.log(1 + total / df[t]) for t, n in counts.items()}
    norm = math.sqrt(sum(w * w for w in vector.values())) or 1.0
    return {t: w / norm for t, w in sorted(vector.items())}


def _tfidf_matrix(
    weights: Sequence[Mapping[str, float]], df: Mapping[str, int]
) -> sparse.csr_matrix:
    vocabulary = {t: n for n, t in enumerate(sorted(df))}
    rows = [row for row, vector in enumerate(weights) for _ in vector]
    cols = [vocabulary[t] for vector in weights for t in vector]
    data = [w for vector in weights for w in vector.values()]
    return sparse.csr_matrix(
        (data, (rows, cols)), shape=(len(weights), max(1, len(vocabulary))), dtype=np.float64
    )


def _roundness(value: float) -> int:
    """Trailing zeros of a whole number: 700 → 2, 712 → 0."""
    if not value.is_integer() or value == 0:
        return 0
    n, zeros = int(value), 0
    while n % 10 == 0:
        n, zeros = n // 10, zeros + 1
    return zeros


def _fuzzy_matrix(
    corpus: _Corpus, rows_a: Sequence[int], rows_b: Sequence[int], settings: Settings
) -> NDArray[np.float32]:
    left = [corpus.normalized[r] for r in rows_a]
    right = [corpus.normalized[r] for r in rows_b]
    # token_set_ratio is 100 for any sentence whose words are a subset of the other's,
    # so short sentences would match everything; averaging with token_sort_ratio keeps
    # its tolerance of reordering and added clauses without that blind spot.
    set_scores = process.cdist(
        left, right, scorer=fuzz.token_set_ratio, workers=settings.workers, dtype=np.float32
    )
    sort_scores = process.cdist(
        left, right, scorer=fuzz.token_sort_ratio, workers=settings.workers, dtype=np.float32
    )
    result: NDArray[np.float32] = (set_scores + sort_scores) / 200.0
    return result


def _score_block(
    corpus: _Corpus,
    rows_a: Sequence[int],
    rows_b: Sequence[int],
    settings: Settings,
    min_chars: Sequence[bool],
) -> tuple[NDArray[np.float64], NDArray[np.bool_]]:
    """Combined scores of every pair of ``rows_a`` × ``rows_b``, and which pairs share a
    figure or a quotation. One call scores an article against all later ones, so the
    cost of a story grows with its sentences, not with its pairs of articles."""
    fuzzy = _fuzzy_matrix(corpus, rows_a, rows_b, settings).astype(np.float64)
    cosine = (corpus.vectors[list(rows_a)] @ corpus.vectors[list(rows_b)].T).toarray()
    anchor, figures_or_quotes = _anchor_block(corpus, rows_a, rows_b)
    combined = (
        settings.fuzzy_weight * fuzzy
        + settings.tfidf_weight * cosine
        + settings.anchor_weight * anchor
    )
    # Pairs with no character, word or anchor evidence are not candidates at all.
    combined[(fuzzy < settings.candidate_cutoff) & (cosine <= 0.3) & (anchor == 0)] = 0.0
    combined[[not min_chars[i] for i in rows_a], :] = 0.0
    combined[:, [not min_chars[j] for j in rows_b]] = 0.0
    return combined, figures_or_quotes


def _match_block(
    combined: NDArray[np.float64],
    figures_or_quotes: NDArray[np.bool_],
    rows_a: Sequence[int],
    rows_b: Sequence[int],
    settings: Settings,
) -> list[tuple[float, int, int]]:
    """Best one-to-one sentence pairs between two articles, strong or weak links."""
    eligible = np.where(combined >= settings.threshold, combined, 0.0)
    eligible = np.maximum(eligible, _weak_links(combined, figures_or_quotes, settings))
    if not eligible.any():
        return []
    row_ind, col_ind = linear_sum_assignment(eligible, maximize=True)
    return [
        (float(eligible[x, y]), rows_a[x], rows_b[y])
        for x, y in zip(row_ind, col_ind, strict=True)
        if eligible[x, y] > 0
    ]


def _weak_links(
    combined: NDArray[np.float64], anchored: NDArray[np.bool_], settings: Settings
) -> NDArray[np.float64]:
    """Pairs under the threshold that still belong together.

    A heavy rewrite (a tabloid's) shares few words with the original but keeps its
    figures and quotations: a pair that shares one (or a figure one edit away), clears
    ``weak_threshold`` and is each sentence's clear best partner in the other article
    is kept. A shared phrase is not enough: "Monday morning" is in many claims.
    """
    weak = np.zeros(combined.shape, dtype=np.float64)
    if combined.size == 0:
        return weak
    # The best score of each pair's row and column leaving the pair itself out: the
    # row's (column's) best, or its second best where the pair is the best.
    best_other = np.maximum(_best_elsewhere(combined), _best_elsewhere(combined.T).T)
    keep = (combined >= settings.weak_threshold) & anchored
    keep &= combined >= best_other + settings.weak_margin
    weak[keep] = combined[keep]
    return weak


def _best_elsewhere(scores: NDArray[np.float64]) -> NDArray[np.float64]:
    """For each cell, the highest score elsewhere in its row (0 when it is alone)."""
    if scores.shape[1] < 2:
        return np.zeros(scores.shape, dtype=np.float64)
    top_two = np.sort(scores, axis=1)[:, -2:]
    first, second = top_two[:, 1:2], top_two[:, 0:1]
    return np.where(
        scores >= first, np.broadcast_to(second, scores.shape), np.broadcast_to(first, scores.shape)
    )


class PairScores:
    """Combined scores (and shared figures or quotations) of pairs of distinct sentence
    texts, indexed by ``_Corpus.distinct``; a pair never scored is 0 and shares nothing.

    Dense when every pair was scored; sparse when only the candidates were.
    """

    def __init__(
        self,
        scores: NDArray[np.float64] | sparse.csr_matrix,
        shared: NDArray[np.bool_] | sparse.csr_matrix,
        scored: int,
    ) -> None:
        self._scores = scores
        self._shared = shared
        self.scored = scored
        """Pairs of distinct texts scored: what the story cost."""

    def rows(self, ids: NDArray[np.intp]) -> tuple[NDArray[np.float64], NDArray[np.bool_]]:
        """Every score of the distinct texts ``ids`` (one row each, one column per text)."""
        if isinstance(self._scores, np.ndarray) and isinstance(self._shared, np.ndarray):
            return self._scores[ids], self._shared[ids]
        assert not isinstance(self._scores, np.ndarray)
        assert not isinstance(self._shared, np.ndarray)
        scores: NDArray[np.float64] = self._scores[ids].toarray()
        shared: NDArray[np.bool_] = self._shared[ids].toarray().astype(bool)
        return scores, shared

    def block(
        self, left: Sequence[int], right: Sequence[int], corpus: _Corpus
    ) -> tuple[NDArray[np.float32], NDArray[np.bool_]]:
        """Scores of corpus rows ``left`` × ``right``, as the matching kept them (float32)."""
        a, b = corpus.distinct[list(left)], corpus.distinct[list(right)]
        if isinstance(self._scores, np.ndarray) and isinstance(self._shared, np.ndarray):
            return self._scores[np.ix_(a, b)].astype(np.float32), self._shared[np.ix_(a, b)]
        assert not isinstance(self._scores, np.ndarray)
        assert not isinstance(self._shared, np.ndarray)
        scores = self._scores[a][:, b].toarray().astype(np.float32)
        shared = self._shared[a][:, b].toarray().astype(bool)
        return scores, shared


DENSE_CELLS = 4_000_000
"""Rows of the pair matrix are scored this many cells at a time, so that scoring every
pair of a big story never holds more than a few such blocks."""

ALL_PAIRS_UP_TO = 3000
"""With ``pair_scoring="auto"``, a story of up to this many distinct sentences has every
pair scored (exact and, at this size, fast); a bigger one only its candidate pairs."""


def score_pairs(corpus: _Corpus, settings: Settings) -> PairScores:
    """Score the pairs of the story's distinct sentence texts: all of them, or only the
    candidates that share a rare word, a figure, a name or a quotation's word.

    A pair that shares none of these can only score on common words and letters, which
    never reach the thresholds; leaving it unscored keeps the cost near linear in the
    story's sentences instead of growing with their square.
    """
    reps = corpus.representatives
    mode = settings.pair_scoring
    if mode == "all" or (mode == "auto" and len(reps) <= ALL_PAIRS_UP_TO):
        return _score_all_pairs(corpus, settings)
    return _score_candidates(corpus, settings)


def _long_enough(corpus: _Corpus, settings: Settings) -> list[bool]:
    return [len(t) >= settings.min_sentence_chars for t in corpus.texts]


def _score_all_pairs(corpus: _Corpus, settings: Settings) -> PairScores:
    reps = list(corpus.representatives)
    size = len(reps)
    long_enough = _long_enough(corpus, settings)
    scores = np.zeros((size, size), dtype=np.float64)
    shared = np.zeros((size, size), dtype=bool)
    step = max(1, DENSE_CELLS // max(1, size))
    for start in range(0, size, step):
        rows = reps[start : start + step]
        block, anchored = _score_block(corpus, rows, reps, settings, long_enough)
        scores[start : start + len(rows)] = block
        shared[start : start + len(rows)] = anchored
    return PairScores(scores, shared, scored=size * size)


RARE_PER_ARTICLE = 2
"""A content word held by more sentences than this many per article (and more than
``RARE_AT_LEAST``) is common to the story: it proposes no candidate pairs. A claim's
own words are held by about one sentence per outlet that states it."""

RARE_AT_LEAST = 12

RAREST_OWN_WORDS = 3
"""Each sentence proposes the sentences that hold any of its this many rarest words."""


def candidate_pairs(corpus: _Corpus) -> tuple[NDArray[np.intp], NDArray[np.intp]]:
    """Pairs (p <= q) of distinct texts that share a rare content word (names and
    quotations' words are content words) or any anchor: a figure, a figure one slip
    away, a rare phrase, a figure's slot."""
    reps = list(corpus.representatives)
    terms = [content_terms(corpus.texts[r]) for r in reps]
    frequency: Counter[str] = Counter()
    for d in corpus.distinct.tolist():
        frequency.update(set(terms[d]))
    limit = max(RARE_AT_LEAST, RARE_PER_ARTICLE * len(corpus.by_article))
    # Each sentence also proposes every sentence that holds one of its rarest words,
    # however common: "retired" in a story about a retired trooper is its best clue.
    rarest = [
        set(sorted(set(ts), key=lambda t: (frequency[t], t))[:RAREST_OWN_WORDS]) for ts in terms
    ]
    rare, own, every = _incidence(
        [{t for t in ts if frequency[t] <= limit} for ts in terms],
        rarest,
        [set(ts) for ts in terms],
    )
    m = corpus.anchors
    held = own @ every.T
    # a text two outlets carry word for word is always a candidate, words or none
    pattern = rare @ rare.T + held + held.T + sparse.identity(len(reps), format="csr")
    for left, right in (
        (m.values, m.values),
        (m.digits, m.digits),
        (m.scaled, m.scaled),
        (m.round_self, m.round_near),
        (m.phrases, m.phrases),
        (m.slot_self, m.slot_near),
    ):
        product = left[reps] @ right[reps].T
        pattern = pattern + product + product.T
    upper = sparse.triu(pattern, format="coo")
    order = np.lexsort((upper.col, upper.row))
    return upper.row[order].astype(np.intp), upper.col[order].astype(np.intp)


def _pairwise(
    left: sparse.csr_matrix, right: sparse.csr_matrix, p: NDArray[np.intp], q: NDArray[np.intp]
) -> NDArray[np.float64]:
    """Row ``p[k]`` of ``left`` dotted with row ``q[k]`` of ``right``, for every k."""
    if len(p) == 0:
        return np.zeros(0, dtype=np.float64)
    return np.asarray(left[p].multiply(right[q]).sum(axis=1), dtype=np.float64).ravel()


CANDIDATE_CHUNK = 500_000
"""Candidate pairs scored at a time: bounds the memory of the pairwise products."""


def _score_candidates(corpus: _Corpus, settings: Settings) -> PairScores:
    reps = np.array(corpus.representatives, dtype=np.intp)
    size = len(reps)
    p_all, q_all = candidate_pairs(corpus)
    long_enough = np.array(_long_enough(corpus, settings), dtype=bool)[reps]
    kept_p: list[NDArray[np.intp]] = []
    kept_q: list[NDArray[np.intp]] = []
    kept_score: list[NDArray[np.float64]] = []
    kept_shared: list[NDArray[np.bool_]] = []
    for start in range(0, len(p_all), CANDIDATE_CHUNK):
        p, q = p_all[start : start + CANDIDATE_CHUNK], q_all[start : start + CANDIDATE_CHUNK]
        combined, anchored = _score_listed(corpus, reps[p], reps[q], settings)
        combined[~(long_enough[p] & long_enough[q])] = 0.0
        keep = (combined > 0) | anchored
        kept_p.append(p[keep])
        kept_q.append(q[keep])
        kept_score.append(combined[keep])
        kept_shared.append(anchored[keep])
    p = np.concatenate([np.zeros(0, np.intp), *kept_p])
    q = np.concatenate([np.zeros(0, np.intp), *kept_q])
    values = np.concatenate([np.zeros(0), *kept_score])
    flags = np.concatenate([np.zeros(0, bool), *kept_shared]).astype(np.float64)
    off = p != q  # the diagonal is stored once
    rows, cols = np.concatenate([p, q[off]]), np.concatenate([q, p[off]])
    scores = sparse.csr_matrix(
        (np.concatenate([values, values[off]]), (rows, cols)), shape=(size, size)
    )
    shared = sparse.csr_matrix(
        (np.concatenate([flags, flags[off]]), (rows, cols)), shape=(size, size)
    )
    return PairScores(scores, shared, scored=2 * len(p_all) - int(np.sum(p_all == q_all)))


def _score_listed(
    corpus: _Corpus, left: NDArray[np.intp], right: NDArray[np.intp], settings: Settings
) -> tuple[NDArray[np.float64], NDArray[np.bool_]]:
    """``_score_block``'s scores for the listed pairs of rows only."""
    a = [corpus.normalized[r] for r in left.tolist()]
    b = [corpus.normalized[r] for r in right.tolist()]
    workers = settings.workers
    set_scores = process.cpdist(a, b, scorer=fuzz.token_set_ratio, workers=workers,
                                dtype=np.float32)
    sort_scores = process.cpdist(a, b, scorer=fuzz.token_sort_ratio, workers=workers,
                                 dtype=np.float32)
    fuzzy = ((set_scores + sort_scores) / 200.0).astype(np.float64)
    cosine = _pairwise(corpus.vectors, corpus.vectors, left, right)
    m = corpus.anchors
    same = _pairwise(m.values, m.weighted_values, left, right)
    transposed = _pairwise(m.digits, m.digits, left, right) - _pairwise(
        m.multi_digit, m.multi_digit, left, right
    )
    slipped = _pairwise(m.scaled, m.scaled, left, right) - _pairwise(
        m.scalable, m.scalable, left, right
    )
    rounded = _pairwise(m.round_self, m.round_near, left, right) + _pairwise(
        m.round_near, m.round_self, left, right
    )
    near = 0.25 * (np.clip(transposed, 0, None) + np.clip(slipped, 0, None) + rounded)
    phrase = np.minimum(PHRASE_CAP, PHRASE_WEIGHT * _pairwise(m.phrases, m.phrases, left, right))
    quote = np.zeros(len(left), dtype=np.float64)
    for k in np.nonzero(m.has_quote[left] & m.has_quote[right])[0].tolist():
        quote[k] = _quotes_match(corpus.quotes[left[k]], corpus.quotes[right[k]])
    slot_shared = _pairwise(m.slot_self, m.slot_near, left, right)
    slot = np.where((same == 0) & (near == 0) & (slot_shared > 0), 1.0, 0.0)
    anchor = np.minimum(1.0, same + near + phrase + quote + SLOT_WEIGHT * slot)
    combined = (
        settings.fuzzy_weight * fuzzy
        + settings.tfidf_weight * cosine
        + settings.anchor_weight * anchor
    )
    combined[(fuzzy < settings.candidate_cutoff) & (cosine <= 0.3) & (anchor == 0)] = 0.0
    anchored = (same > 0) | (near > 0) | (quote > 0) | (slot > 0)
    return combined, anchored


def align_sentences(articles: Sequence[Article], *, settings: Settings) -> tuple[AlignedClaim, ...]:
    """Group every sentence of ``articles`` into claims.

    Args:
        articles: cleaned, segmented articles, in a stable order.
        settings: thresholds and weights.

    Returns:
        Claims as tuples of ``(article position, sentence index)`` keys, each with every
        member's best combined score against another outlet's member (1.0 for a lone
        member). Every sentence is in a claim; one that folds two claims is in both.
    """
    corpus = _build_corpus(articles)
    pairs = score_pairs(corpus, settings)
    edges = _strongest_first(_matched_pairs(corpus, pairs, settings), corpus)
    groups = _merge(
        edges, corpus, pairs, settings.link_ratio * settings.threshold, settings.weak_threshold
    )
    if settings.allow_split:
        groups = _attach_split_sentences(groups, corpus, settings)
        groups = _attach_folded_sentences(groups, corpus, pairs, settings)
    return tuple(_to_claims(groups, corpus, pairs))


Edges = tuple[NDArray[np.float64], NDArray[np.intp], NDArray[np.intp]]
"""Matched sentence pairs as columns: each pair's score and its two corpus rows. A big
story has millions of them: as Python tuples they would take gigabytes."""


def _strongest_first(edges: Edges, corpus: _Corpus) -> Edges:
    """Strongest evidence first; ties broken by position so the result never depends on
    the order pairs were scored in."""
    values, left, right = edges
    if len(values) == 0:
        return edges
    keys = np.array(corpus.keys, dtype=np.intp).reshape(-1, 2)
    rank = np.empty(len(keys), dtype=np.intp)
    rank[np.lexsort((keys[:, 1], keys[:, 0]))] = np.arange(len(keys))
    position = rank[left] * len(keys) + rank[right]
    # A score rounded to nine places is a whole number of billionths: with the pair's
    # position it makes one integer key, and one integer sort is the fastest.
    billionths = np.rint(_round_9(values) * 1e9).astype(np.int64)
    span = int(billionths.max() - billionths.min()) + 1
    if span * len(keys) ** 2 < 2**62:
        order = np.argsort((billionths.max() - billionths) * len(keys) ** 2 + position)
    else:
        order = np.lexsort((position, -_round_9(values)))
    return values[order], left[order], right[order]


def _round_9(values: NDArray[np.float64]) -> NDArray[np.float64]:
    """Python's ``round(v, 9)`` of every value, to the bit, at numpy's speed.

    The nearest whole number of billionths over a billion is the double nearest to
    that decimal, as Python's is; only a value within rounding error of half a
    billionth could round the other way, and those few are rounded by Python.
    """
    scaled = values * 1e9
    nearest = np.rint(scaled)
    rounded: NDArray[np.float64] = nearest / 1e9
    for k in np.nonzero(np.abs(np.abs(scaled - nearest) - 0.5) < 1e-5)[0].tolist():
        rounded[k] = round(float(values[k]), 9)
    return rounded


def _matched_pairs(corpus: _Corpus, pairs: PairScores, settings: Settings) -> Edges:
    """Each pair of articles' best one-to-one sentence pairs.

    An article is scored against all later ones at once. Most pairs of articles that
    retell one story link each sentence to at most one partner: those links are the
    best one-to-one pairs as they stand, and only a pair of articles where a sentence
    has two partners or more is matched by ``_match_block``. A pair of articles none of
    whose sentence pairs reaches the weaker threshold is never looked at: many small
    articles of unrelated stories cost what their candidate pairs cost.
    """
    found = parallel.map_chunks(
        _matched_of_articles,
        (corpus, pairs, settings),
        range(len(corpus.by_article)),
        spread=len(corpus.by_article) >= parallel.SPREAD_FROM_ARTICLES,
        workers=settings.workers,
    )
    return (
        np.concatenate([np.zeros(0, dtype=np.float64), *(f[0] for f in found)]),
        np.concatenate([np.zeros(0, dtype=np.intp), *(f[1] for f in found)]).astype(np.intp),
        np.concatenate([np.zeros(0, dtype=np.intp), *(f[2] for f in found)]).astype(np.intp),
    )


def _matched_of_articles(
    story: tuple[_Corpus, PairScores, Settings], positions: Sequence[int]
) -> list[Edges]:
    """``_matched_pairs``' work for the articles at ``positions``, in their order."""
    corpus, pairs, settings = story
    floor = min(settings.threshold, settings.weak_threshold)
    article_of = np.array([a for a, _ in corpus.keys], dtype=np.intp)
    found: list[Edges] = []
    for position in positions:
        rows_a = corpus.by_article[position]
        if not rows_a:
            continue
        later = rows_a[-1] + 1  # rows run article by article
        if later >= len(corpus.keys):
            break
        scores, shared = pairs.rows(corpus.distinct[list(rows_a)])
        scores = scores[:, corpus.distinct[later:]]
        shared = shared[:, corpus.distinct[later:]]
        xs, cs = np.nonzero(scores >= floor)
        if len(xs) == 0:
            continue
        values = scores[xs, cs]
        strong = values >= settings.threshold
        weak = ~strong & shared[xs, cs] & (values >= settings.weak_threshold)
        for k in np.nonzero(weak)[0].tolist():
            weak[k] = _clear_best(scores, int(xs[k]), int(cs[k]), article_of, later, settings)
        keep = strong | weak
        xs, cs, values = xs[keep], cs[keep], values[keep]
        partner = article_of[later + cs]
        by_row = np.unique(xs * len(corpus.by_article) + partner, return_counts=True)
        by_column = np.unique(cs, return_counts=True)
        alone = (by_row[1][np.searchsorted(by_row[0], xs * len(corpus.by_article) + partner)]
                 == 1) & (by_column[1][np.searchsorted(by_column[0], cs)] == 1)
        tangled = np.unique(partner[~alone])
        plain = ~np.isin(partner, tangled)
        found.append((values[plain], rows_a[0] + xs[plain], later + cs[plain]))
        for b in tangled.tolist():
            rows_b = corpus.by_article[b]
            lo, hi = rows_b[0] - later, rows_b[-1] + 1 - later
            matched = _match_block(scores[:, lo:hi], shared[:, lo:hi], rows_a, rows_b, settings)
            found.append(
                (
                    np.array([v for v, _, _ in matched], dtype=np.float64),
                    np.array([i for _, i, _ in matched], dtype=np.intp),
                    np.array([j for _, _, j in matched], dtype=np.intp),
                )
            )
    return found


def _clear_best(
    scores: NDArray[np.float64],
    x: int,
    c: int,
    article_of: NDArray[np.intp],
    later: int,
    settings: Settings,
) -> bool:
    """``_weak_links``' test for the one pair (x, c) of an article's rows against all
    later ones: whether it beats every other pair of its row (in the partner article)
    and of its column by ``weak_margin``."""
    b = article_of[later + c]
    lo = int(np.searchsorted(article_of, b)) - later
    hi = int(np.searchsorted(article_of, b, side="right")) - later
    best_other = max(
        _best_except(scores[x, lo:hi], c - lo), _best_except(scores[:, c], x)
    )
    return bool(scores[x, c] >= best_other + settings.weak_margin)


def _best_except(line: NDArray[np.float64], at: int) -> float:
    """``_best_elsewhere`` for one cell: the highest other score of its line."""
    if len(line) < 2:
        return 0.0
    top_two = np.sort(line)[-2:]
    return float(top_two[0] if line[at] >= top_two[1] else top_two[1])


def _attach_folded_sentences(
    groups: list[set[int]],
    corpus: _Corpus,
    pairs: PairScores,
    settings: Settings,
) -> list[set[int]]:
    """Let a sentence that folds two claims into one also join the second claim.

    The sentence stays where matching put it; it is added to another claim of two or
    more outlets that its outlet is missing from, when it agrees with that claim's
    sentences on average as well as matched sentences must (``threshold``) and shares a
    figure or a quotation with at least one of them. Of several such sentences of one
    outlet, the one that agrees best joins.
    """
    result = [set(g) for g in groups]
    shared_groups = [g for g in result if len({corpus.keys[r][0] for r in g}) >= 2]
    movable = {r for g in result if len(g) == 1 or g in shared_groups for r in g}
    for group in shared_groups:
        members = sorted(group)
        present = {corpus.keys[r][0] for r in members}
        for a_pos, rows in enumerate(corpus.by_article):
            if a_pos in present or not rows:
                continue
            scored, shared = pairs.block(members, rows, corpus)
            mean = np.mean(scored, axis=0)
            anchored = np.any(shared, axis=0)
            # Highest agreement first, then the earlier sentence: (mean, -row) orders both.
            candidates = [
                (float(mean[x]), -rows[int(x)])
                for x in np.nonzero((mean >= settings.threshold) & anchored)[0]
                if rows[int(x)] in movable
                and len(corpus.texts[rows[int(x)]]) >= settings.min_sentence_chars
            ]
            if candidates:
                group.add(-max(candidates)[1])
    return result


MERGE_CHUNK = 65536
"""Edges read at a time by ``_merge``: those whose two sentences already share a claim
are dropped a chunk at a time by numpy rather than one by one."""


def _merge(
    edges: Edges,
    corpus: _Corpus,
    pairs: PairScores,
    link_floor: float,
    weak_floor: float,
) -> list[set[int]]:
    """Union matched pairs into groups, never two sentences of one article in a group.

    Two groups merge only when their members agree on average (mean score over every
    cross pair at least ``link_floor``): one strong edge alone would chain unrelated
    sentences through a sentence that mentions both. A lone sentence that agrees less
    (a heavy rewrite) may still join when it is matched to most of the group's
    sentences, each match its own piece of evidence.
    """
    linked: set[tuple[int, int]] = set()  # built when first asked: most stories never ask

    def supported(single: set[int], group: set[int]) -> bool:
        if not linked:
            low, high = np.minimum(edges[1], edges[2]), np.maximum(edges[1], edges[2])
            linked.update(zip(low.tolist(), high.tolist(), strict=True))
        (row,) = single
        support = sum((min(row, g), max(row, g)) in linked for g in group)
        return support >= max(2, math.ceil(len(group) / 2)) and (
            _mean_link(single, group, corpus, pairs) >= weak_floor
        )

    group_of: dict[int, int] = {}
    groups: dict[int, set[int]] = {}
    articles_in: dict[int, set[int]] = {}
    next_id = 0
    for i, j in _unsettled(edges, group_of, len(corpus.keys)):
        gi, gj = group_of.get(i), group_of.get(j)
        if gi is not None and gi == gj:
            continue
        if gi is None:
            gi, next_id = next_id, next_id + 1
            groups[gi], articles_in[gi], group_of[i] = {i}, {corpus.keys[i][0]}, gi
        if gj is None:
            gj, next_id = next_id, next_id + 1
            groups[gj], articles_in[gj], group_of[j] = {j}, {corpus.keys[j][0]}, gj
        if articles_in[gi] & articles_in[gj] or (
            len(groups[gi]) + len(groups[gj]) > 2
            and _mean_link(groups[gi], groups[gj], corpus, pairs) < link_floor
            and not (len(groups[gi]) == 1 and supported(groups[gi], groups[gj]))
            and not (len(groups[gj]) == 1 and supported(groups[gj], groups[gi]))
        ):
            # Merging would put two sentences of one article together: the weaker link
            # loses. A one-sentence group that lost is left for later edges.
            for g in (gi, gj):
                if len(groups[g]) == 1:
                    (only,) = groups[g]
                    del group_of[only], groups[g], articles_in[g]
            continue
        groups[gi] |= groups[gj]
        articles_in[gi] |= articles_in[gj]
        for row in groups[gj]:
            group_of[row] = gi
        del groups[gj], articles_in[gj]
    grouped = set(group_of)
    result = [set(g) for g in groups.values()]
    result.extend({row} for row in range(len(corpus.keys)) if row not in grouped)
    return result


def _unsettled(edges: Edges, group_of: Mapping[int, int], rows: int) -> Iterator[tuple[int, int]]:
    """The edges in order, less those whose sentences are already in one group when their
    chunk is read: a group of two or more only ever grows, so they would change nothing."""
    _, left, right = edges
    for start in range(0, len(left), MERGE_CHUNK):
        i, j = left[start : start + MERGE_CHUNK], right[start : start + MERGE_CHUNK]
        label = np.full(rows, -1, dtype=np.intp)
        if group_of:
            label[np.fromiter(group_of.keys(), dtype=np.intp, count=len(group_of))] = np.fromiter(
                group_of.values(), dtype=np.intp, count=len(group_of)
            )
        open_ = (label[i] < 0) | (label[i] != label[j])
        yield from zip(i[open_].tolist(), j[open_].tolist(), strict=True)


def _mean_link(left: set[int], right: set[int], corpus: _Corpus, pairs: PairScores) -> float:
    scores, _ = pairs.block(list(left), list(right), corpus)
    if scores.size <= EXACT_SUM_CELLS:
        # Python's sum, in the order the pairs were always added: the same story gives
        # the same claims to the last bit.
        return sum(scores.ravel().tolist()) / scores.size
    return float(scores.sum(dtype=np.float64)) / scores.size


EXACT_SUM_CELLS = 4096
"""Up to this many pairs a mean is added up in Python, beyond it in numpy (faster, and
its last bit may differ)."""


def _attach_split_sentences(
    groups: list[set[int]], corpus: _Corpus, settings: Settings
) -> list[set[int]]:
    """Let an unmatched sentence join its neighbour's claim when together they match better.

    An outlet that states one claim in two sentences leaves the second one unmatched;
    joined to its neighbour, the pair scores clearly higher against the other members.
    Only sentences of running text split a claim: a headline or a highlight bullet
    (a line with no closing punctuation) states its point on its own. A quotation split
    over two sentences ("... weakness," she said. "Over two years ...") joins whole when
    another outlet quotes both parts as one.
    """
    singles = {next(iter(g)) for g in groups if len(g) == 1}
    attached: set[int] = set()
    row_of = {key: row for row, key in enumerate(corpus.keys)}
    result = [set(g) for g in groups]
    for group in result:
        if len(group) < 2:
            continue
        for row in sorted(group):
            a_pos, index = corpus.keys[row]
            others: list[int] | None = None  # listed when first needed: a claim of a
            # thousand outlets has a thousand members, most of them with nothing to join
            for neighbour_index in (index - 1, index + 1):
                neighbour = row_of.get((a_pos, neighbour_index))
                if neighbour is None or neighbour in group:
                    continue
                if not (
                    is_running_text(corpus.texts[row])
                    and is_running_text(corpus.texts[neighbour])
                ):
                    continue
                if not (corpus.quotes[row] and corpus.quotes[neighbour]) and (
                    neighbour not in singles
                ):
                    continue  # neither half of a quotation nor a sentence to join
                if others is None:
                    others = [r for r in group if corpus.keys[r][0] != a_pos]
                if _continues_quotation(row, neighbour, others, corpus):
                    # The other half of a quotation joins even when it also states a
                    # claim of its own elsewhere: each claim holds the words it quotes.
                    group.add(neighbour)
                    if neighbour in singles:
                        singles.discard(neighbour)
                        attached.add(neighbour)
                    continue
                if neighbour not in singles:
                    continue
                alone = _mean_fuzzy(corpus.normalized[row], others, corpus)
                joined_text = (
                    corpus.normalized[neighbour] + " " + corpus.normalized[row]
                    if neighbour_index < index
                    else corpus.normalized[row] + " " + corpus.normalized[neighbour]
                )
                joined = _mean_fuzzy(joined_text, others, corpus)
                neighbour_alone = _mean_fuzzy(corpus.normalized[neighbour], others, corpus)
                if joined >= alone + settings.split_margin and neighbour_alone >= 0.45:
                    group.add(neighbour)
                    singles.discard(neighbour)
                    attached.add(neighbour)
    return [g for g in result if not (len(g) == 1 and next(iter(g)) in attached)]


QUOTE_PART_FROM = 75
"""rapidfuzz partial_ratio from which a quoted passage is part of a longer quotation;
below exact so that a part with a word changed still finds its whole."""


def _continues_quotation(row: int, neighbour: int, others: Sequence[int], corpus: _Corpus) -> bool:
    """Both sentences quote parts of one quotation that another member gives whole."""
    mine, theirs = corpus.quotes[row], corpus.quotes[neighbour]
    if not mine or not theirs:
        return False
    return any(
        any(fuzz.partial_ratio(q, whole) >= QUOTE_PART_FROM for q in mine)
        and any(fuzz.partial_ratio(q, whole) >= QUOTE_PART_FROM for q in theirs)
        for other in others
        for whole in corpus.quotes[other]
        if len(whole) > max(len(q) for q in (*mine, *theirs))
    )


_CLOSING_PUNCTUATION = re.compile(r"""[.!?…:;]["'”’)\]]*$""")


def is_running_text(sentence: str) -> bool:
    """Whether a sentence ends as prose does, not as a headline or a bullet.

    >>> is_running_text("It added that 12 more were missing."), is_running_text("Twelve missing")
    (True, False)
    """
    return bool(_CLOSING_PUNCTUATION.search(sentence.rstrip()))


def _mean_fuzzy(text: str, rows: Sequence[int], corpus: _Corpus) -> float:
    if not rows:
        return 0.0
    return sum(fuzz.token_sort_ratio(text, corpus.normalized[r]) for r in rows) / (100 * len(rows))


def _to_claims(groups: list[set[int]], corpus: _Corpus, pairs: PairScores) -> list[AlignedClaim]:
    claims = []
    for group in groups:
        rows = sorted(group, key=lambda r: corpus.keys[r])
        scores: dict[SentenceKey, float] = {}
        if len(rows) == 1:
            scores[corpus.keys[rows[0]]] = 1.0
        else:
            matrix, _ = pairs.block(rows, rows, corpus)
            articles = np.array([corpus.keys[r][0] for r in rows])
            partners = articles[:, None] != articles[None, :]
            best = np.where(partners, matrix, -np.inf).max(axis=1)
            alone = ~partners.any(axis=1)
            for r, value, lonely in zip(rows, best.tolist(), alone.tolist(), strict=True):
                score = 0.0 if lonely else value
                scores[corpus.keys[r]] = round(min(1.0, max(0.0, score)), 4)
        claims.append(AlignedClaim(members=tuple(corpus.keys[r] for r in rows), scores=scores))
    return claims
