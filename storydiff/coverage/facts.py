"""Figures across outlets: the same fact wherever each outlet put it.

Outlets that write on their own pack several facts into one sentence and state one fact
in differently built sentences, so the sentences that hold a figure often do not align
as wholes ("a $5,587.75 vacation at the Martha's Vineyard retreat" in a list of
purchases; "$5,687.75 on the Martha's Vineyard retreat" in a sentence of its own). Here
every figure is read with the words of its own clause (bounded by the sentence's other
figures, so each item of a list keeps its own words), and two figures of different
outlets are taken for one fact when those words agree, weighted by how rare they are in
the story. The value is what is being tested, so it never decides the pairing alone:
it only has to be near enough to be a slip, a rounding or a change of hedge.

Figures whose sentences already sit in one claim are left to the claim's own comparison
(``detect``); this module reports what that comparison cannot see.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from rapidfuzz import fuzz

from storydiff.coverage.align import AlignedClaim, SentenceKey, is_running_text
from storydiff.coverage.lexicon import word_family
from storydiff.coverage.model import (
    Article,
    Divergence,
    DivergenceType,
    Evidence,
    NumberKind,
    NumberMention,
    Quote,
)
from storydiff.coverage.numbers import (
    describe,
    is_house_number,
    is_near_miss,
    is_rounding_of,
    time_within_bound,
    values_match,
)
from storydiff.coverage.quotes import quote_words_changed

FACT_KINDS = frozenset(
    {
        NumberKind.COUNT,
        NumberKind.PERCENT,
        NumberKind.MONEY,
        NumberKind.MEASURE,
        NumberKind.TIME,
    }
)
"""Kinds of figure that state a fact of the story. Years and dates place a fact; a
changed one is left to the claim comparison, where the sentences around it agree."""

CONTEXT_REACH = 7
"""Content words after a figure that say what it is about, unless another figure or
the end of the clause comes first: what a figure counts or buys mostly follows it."""

COMMA_FADE = 0.75
"""How much a word past each comma still says about the figure: a comma often ends the
figure's phrase, but lists ("televisions, DVD players and DVDs at Best Buy") run on."""

LEFT_REACH = 4
"""Content words before a figure that still say what it is about."""

LINK_FROM = 0.35
"""Context agreement (0..1) from which two figures of different outlets are one fact.
Lower pairs more misquoted figures and more figures that merely look alike."""

COMMON_HOLDERS = 400
"""A word held by more figures (or quotations) than this proposes no pairs: the rarer
words around them do, and the cost stays near linear in the story's size."""

THIN_CONTEXT = 6.0
"""A context lighter than this (about two rare words) cannot be "held" whole by another:
"Two men, ages 20 and 21" says only "men", which every count of men would hold."""

MIN_OVERLAP = 2.0
"""Least shared weight (a rare word is worth about three, a common one about one) for
two figures to be one fact at all: one shared common word is chance."""

_TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_CLAUSE_END = re.compile(r"[;:()\u2014]|--|\s-\s")
_COMPLEMENT = re.compile(r"\ball but\s*$", re.IGNORECASE)
_EARLIER_VALUE = re.compile(
    r"\bfrom\s*$|\bcompared (?:with|to)\s*$|"
    r"\b(?:than|against|versus|vs\.?)\s*$",
    re.IGNORECASE,
)
_PART_OF_UNNAMED = re.compile(r"\s+of\s+(?:them|those|these|us|whom)\b", re.IGNORECASE)
_OTHERS_AFTER = re.compile(r"^\s+(?:other|others|more)\b", re.IGNORECASE)
_STOP_WORDS = """a about above after again against all also am an and any are as at be because been
    before being below between both but by can could did do does during each few for from
    had has have having he her here hers him his how i if in into is it its just me more
    most my no nor not now of off on once only or other others our out over own same she
    should so some such than that the their them then there these they this those through
    to too under until up very was we were what when where which while who whom why will
    with would you your said says say told according early late morning afternoon evening
    night least total nearly
    almost around approximately roughly among including"""
_STOP = frozenset(_STOP_WORDS.split())


@dataclass(frozen=True, slots=True)
class FigureFact:
    """One figure of one outlet, read with the words around it."""

    key: SentenceKey
    mention: NumberMention
    context: Mapping[str, float]
    """Word families of the figure's own clause, the figure's words included, each with
    how closely it belongs to the figure."""
    names: frozenset[str] = frozenset()
    """Capitalised words of the sentence past its first word: the people and places it
    is about."""
    others: bool = False
    """The figure counts others besides someone named ("the tiara and 13 other pieces",
    "one died and four others were hurt"): the whole is one more."""
    places: frozenset[tuple[str, bool]] = frozenset()
    """Where the sentence puts what it tells, by the kind of place and whether it is one
    named place: "at Lee Memorial Hospital" is ("hospital", True), "at local hospitals"
    ("hospital", False)."""


@dataclass(frozen=True, slots=True)
class FactDivergence:
    """A divergence found between two figures, and the claim sentence it is filed under."""

    home: SentenceKey
    """The reference figure's sentence: the divergence is shown on its claim."""
    divergence: Divergence


def figure_facts(
    articles: Sequence[Article], numbers: Mapping[SentenceKey, Sequence[NumberMention]]
) -> tuple[FigureFact, ...]:
    """Every figure of the story that states a fact, with the words of its clause."""
    found = []
    for a_pos, article in enumerate(articles):
        for sentence in article.sentences:
            stated = numbers.get((a_pos, sentence.index), ())
            for mention in (*stated, *vague_counts(sentence.text)):
                if not _states_a_fact(sentence.text, mention):
                    continue
                # only written figures bound a figure's clause: "multiple charges" is
                # no item of a list of sums
                before = [m for m in stated if m.end <= mention.start and m is not mention]
                after = [m for m in stated if m.start >= mention.end and m is not mention]
                context = _with_implied_people(
                    mention, clause_context(sentence.text, mention, before, after)
                )
                found.append(
                    FigureFact(
                        (a_pos, sentence.index),
                        mention,
                        context,
                        _names(sentence.text),
                        bool(_OTHERS_AFTER.match(sentence.text[mention.end :])),
                        places_of(sentence.text),
                    )
                )
    return tuple(found)


VAGUE = "several"
"""The qualifier of a count said without a number ("multiple crime scenes")."""

_VAGUE_COUNT = re.compile(
    r"\b(?:several|multiple|numerous|a number of|a handful of)\s+"
    r"(?:(?:other|separate|more|different)\s+)?([a-z][a-z-]+(?:\s[a-z][a-z-]+)?)",
    re.IGNORECASE,
)


def vague_counts(text: str) -> tuple[NumberMention, ...]:
    """Counts a sentence gives without a number: "numerous weapons", "multiple crime
    scenes". Against an outlet that gives the number, the number was changed (or never
    given); against one another they agree.

    >>> [m.subject for m in vague_counts("Police found several weapons at the scene.")]
    ['weapons']
    """
    found = []
    for match in _VAGUE_COUNT.finditer(text):
        words = match.group(1).split()
        subject = " ".join(w for w in words if w.casefold() not in _STOP)
        if not subject:
            continue
        end = match.start(1)
        found.append(
            NumberMention(
                surface=text[match.start() : end].strip(),
                low=-1.0,
                high=-1.0,
                kind=NumberKind.COUNT,
                qualifier=VAGUE,
                subject=subject,
                start=match.start(),
                end=match.start() + len(text[match.start() : end].rstrip()),
            )
        )
    return tuple(found)


_HARM = frozenset(word_family(w) for w in ("injured", "killed", "shot"))
_PEOPLE = word_family("people")


def _with_implied_people(
    mention: NumberMention, context: Mapping[str, float]
) -> Mapping[str, float]:
    """ "Up to 16 were injured": a bare count that was hurt, shot or killed counts
    people, as "16 people were injured" says outright."""
    if mention.kind is not NumberKind.COUNT or mention.subject or _PEOPLE in context:
        return context
    harm = max((context[w] for w in _HARM if w in context), default=0.0)
    return {**context, _PEOPLE: harm} if harm else context


def is_vague(mention: NumberMention) -> bool:
    return mention.qualifier == VAGUE


def describe_figure(mention: NumberMention) -> str:
    """ "several weapons" as written; any other figure as ``numbers.describe`` reads it."""
    return f"{mention.surface} {mention.subject}" if is_vague(mention) else describe(mention)


def _names(text: str) -> frozenset[str]:
    """Capitalised words, the sentence's first one too unless it is a function word:
    "Bush paid ..." is about Bush."""
    words = _TOKEN.findall(text.translate(_STRAIGHT))
    if words and words[0].casefold() in _STOP:
        words = words[1:]
    return frozenset(_bare(w).casefold() for w in words if w[:1].isupper() and len(w) > 2)


_ONE_PLACE = re.compile(
    r"\b(?:at|in|to|into)\s+(?:the\s+)?(?:[A-Z][\w'’.-]*\s+){1,4}([A-Z][a-z]{3,})\b"
)
_MANY_PLACES = re.compile(r"\b(?:at|in|to|into)\s+(?:[a-z]+\s+){0,2}([a-z]{3,}s)\b")


@lru_cache(maxsize=65536)
def places_of(text: str) -> frozenset[tuple[str, bool]]:
    """The kinds of place the sentence is at, in or taken to, each as one named place or
    as many ("at Lee Memorial Hospital": ("hospital", True); "at local hospitals":
    ("hospital", False))."""
    text = text.translate(_STRAIGHT)
    one = {(m.group(1).casefold(), True) for m in _ONE_PLACE.finditer(text)}
    many = {(_singular(m.group(1)), False) for m in _MANY_PLACES.finditer(text)}
    return frozenset(one | many)


def _singular(plural: str) -> str:
    if plural.endswith("ies"):
        return plural[:-3] + "y"
    if plural.endswith(("ches", "shes", "sses", "xes")):
        return plural[:-2]
    return plural[:-1]


def one_place_against_many(
    a: NumberMention,
    a_places: frozenset[tuple[str, bool]],
    b: NumberMention,
    b_places: frozenset[tuple[str, bool]],
) -> bool:
    """Two counts, one at one named place of a kind, the other at many places of that
    kind and at no named one: "16 treated at Lee Memorial Hospital" is part of "at least
    19 treated at local hospitals", not a change of it."""
    if a.kind is not NumberKind.COUNT or b.kind is not NumberKind.COUNT:
        return False
    for first, second in ((a_places, b_places), (b_places, a_places)):
        for kind, one in first:
            named_here = one and (kind, False) not in first
            if named_here and (kind, False) in second and (kind, True) not in second:
                return True
    return False


def is_age(mention: NumberMention) -> bool:
    return mention.kind is NumberKind.MEASURE and "old" in (mention.subject or "").split()


def _states_a_fact(text: str, mention: NumberMention) -> bool:
    if mention.kind not in FACT_KINDS and not is_house_number(mention):
        return False
    if _EARLIER_VALUE.search(text[: mention.start]):
        return False  # "up from 11.9 points last year": the figure it is set against
    if _PART_OF_UNNAMED.match(text[mention.end :]):
        return False  # "fired at three of them": a part of a group named elsewhere
    # "first elected", "the second time": an ordinal without a thing is no figure
    return mention.kind is not NumberKind.ORDINAL or bool(mention.subject)


def is_complement(text: str, mention: NumberMention) -> bool:
    """ "all but five of the victims": the figure counts the others, not what its clause
    names, so it is no count to compare.

    >>> from storydiff.coverage.numbers import find_numbers
    >>> text = "All but five of the 13 victims had gone home."
    >>> [is_complement(text, n) for n in find_numbers(text)]
    [True, False]
    """
    return bool(_COMPLEMENT.search(text[: mention.start]))


def clause_context(
    text: str,
    mention: NumberMention,
    before: Sequence[NumberMention] = (),
    after: Sequence[NumberMention] = (),
) -> Mapping[str, float]:
    """The word families around ``mention`` in ``text``, each with how closely it
    belongs to the figure (1 beside it, less further off or past a comma).

    The words between two figures of a list belong to the one before the last "and" or
    comma between them, so each item keeps its own words:

    >>> from storydiff.coverage.numbers import find_numbers
    >>> text = "They spent $40 on books at Pellworth, and $95 on shoes at Ardley."
    >>> books, shoes = find_numbers(text)
    >>> sorted(clause_context(text, shoes, (books,)))
    ['ardley', 'shoe']
    """
    aside = _ASIDE.match(text, mention.end)
    if aside:
        # "three others, including one police officer, were injured": the aside's figure
        # ends nothing, and what happened to the three comes after it
        after = [m for m in after if not aside.start(2) <= m.start < aside.end(2)]
        if after:  # nor do its commas end the clause of a list's item
            start, end = aside.span(2)
            text = text[:start] + text[start:end].replace(",", " ") + text[end:]
    left_edge = max((m.end for m in before if m.end <= mention.start), default=0)
    right_edge = min((m.start for m in after if m.start >= mention.end), default=len(text))
    left = _clause_tail(text[left_edge : mention.start], shared=bool(before))
    right = _clause_head(text[mention.end : right_edge], shared=bool(after))
    weights: dict[str, float] = {}
    left_words = [(w, left.count(",", at)) for w, at in _content_words(left)][::-1]
    right_words = [(w, right.count(",", 0, at)) for w, at in _content_words(right)]
    for words, reach in ((left_words, LEFT_REACH), (right_words, CONTEXT_REACH)):
        for distance, (word, commas) in enumerate(words[:reach]):
            family = word_family(word)
            weight = _closeness(distance) * COMMA_FADE**commas
            weights[family] = max(weights.get(family, 0.0), weight)
    # The figure's own words ("per cent", "hours") are its kind and unit, already
    # compared; as context they would make every two percentages look alike.
    return weights


_ASIDE = re.compile(
    r"((?:\s+[^\W\d][\w'’-]*){0,3}?)"
    r"(,\s*(?:including|among them|among whom|most of them|all of them|one of them|"
    r"mostly|many of them|ranging|ranged|aged|ages)\b[^,;:()\u2014]*,)",
    re.IGNORECASE,
)
"""An aside set off by commas right after a figure's noun: the clause goes on past it."""


def _closeness(distance: int) -> float:
    return 1.0 if distance < 3 else 0.6


def _content_words(text: str) -> list[tuple[str, int]]:
    """The words of ``text`` that can say what a figure is about, with their offsets."""
    straight = text.translate(_STRAIGHT)
    return [
        (_bare(m.group()), m.start())
        for m in _TOKEN.finditer(straight)
        if m.group().casefold() not in _STOP and not m.group()[:1].isdigit()
    ]


def _bare(word: str) -> str:
    return re.sub(r"['’]s$", "", word.translate(_STRAIGHT))


_STRAIGHT = str.maketrans({"’": "'", "‘": "'"})
_LIST_BREAK = re.compile(r",|\band\b|\bor\b")


def _clause_tail(text: str, *, shared: bool) -> str:
    ends = list(_CLAUSE_END.finditer(text))
    text = text[ends[-1].end() :] if ends else text
    if shared:  # the text since the last figure: only what follows its last list break
        breaks = list(_LIST_BREAK.finditer(text))
        text = text[breaks[-1].end() :] if breaks else text
    return text


def _clause_head(text: str, *, shared: bool) -> str:
    end = _CLAUSE_END.search(text)
    text = text[: end.start()] if end else text
    if shared:
        first = _LIST_BREAK.search(text)
        text = text[: first.start()] if first else text
    return text


def story_weights(contexts: Iterable[Mapping[str, float]], sentences: int) -> dict[str, float]:
    """How much each word family says about which fact a figure states: rare in the
    story's sentences is telling, a word of every sentence is not."""
    df = Counter(word for context in contexts for word in context)
    return {word: math.log((sentences + 1) / (count + 1)) + 0.5 for word, count in df.items()}


_EVENTS = {"shoot": "harm", "injure": "harm", "kill": "death", "treat": "care",
           "release": "release", "arrest": "arrest", "attend": "attend"}  # fmt: skip
"""What happened to what a figure counts. Being shot and being hurt are one harm told
two ways; being shot and being treated in hospital are two counts of the story."""


def _events(fact: FigureFact) -> set[str]:
    return {_EVENTS[w] for w in fact.context if w in _EVENTS}


def link_score(a: FigureFact, b: FigureFact, weights: Mapping[str, float]) -> float:
    """How surely two figures state one fact, from the words around them (0..1)."""
    events_a, events_b = _events(a), _events(b)
    if events_a and events_b and not events_a & events_b:
        return 0.0
    shared = a.context.keys() & b.context.keys()
    if not shared:
        return 0.0
    weight_a = sum(weights.get(w, 1.0) * c * c for w, c in a.context.items())
    weight_b = sum(weights.get(w, 1.0) * c * c for w, c in b.context.items())
    overlap = sum(weights.get(w, 1.0) * a.context[w] * b.context[w] for w in shared)
    if overlap < MIN_OVERLAP:
        return 0.0
    # One outlet names more around a figure than another ("over $300 at Build-A-Bear"
    # against "$313.89 on stuffed animals ... from Build-A-Bear"): how much of the
    # shorter context the other holds counts as much as how alike the two are.
    cosine = overlap / math.sqrt(weight_a * weight_b)
    held = overlap / max(min(weight_a, weight_b), THIN_CONTEXT)
    return (cosine + held) / 2


def near_enough(a: NumberMention, b: NumberMention) -> bool:
    """Close enough in value to be one fact told differently, not two facts: the same
    value, a slip of a digit, a rounding, or a nearby count, time or sum. A count given
    without a number meets a count of two or more of the same thing."""
    if not _comparable_kinds(a, b):
        return False
    if is_vague(a) or is_vague(b):
        return _vague_meets(a, b) or _vague_meets(b, a)
    if values_match(a, b) or is_near_miss(a, b):
        return True
    x, y = a.low, b.low
    if a.kind is NumberKind.TIME:
        return abs(x - y) <= 20
    if is_house_number(a) or is_house_number(b):
        return a.subject == b.subject  # any two numbers of one street: which house?
    if a.kind is NumberKind.ORDINAL:
        return max(x, y) <= 10 and _unit(a) == _unit(b)  # the third and the second floor
    if is_age(a) or is_age(b):
        return abs(x - y) <= 2
    if min(x, y) <= 0:
        return False
    if a.kind is NumberKind.COUNT and max(x, y) <= 30:
        # one is "a" or "an" as often as a count; small counts far apart in proportion
        # are two groups of the story
        return min(x, y) > 1 and abs(x - y) <= (3 if min(x, y) >= 10 else 1)
    ratio = max(x, y) / min(x, y)
    if a.kind is NumberKind.MONEY or a.kind is NumberKind.PERCENT:
        return ratio <= 1.1 or _rounds_to(x, y) or _rounds_to(y, x)
    if a.kind is NumberKind.MEASURE:
        # how long something lasted is told loosely ("at least 15 minutes", "almost 30")
        return ratio <= (2.0 if _unit(a) in _DURATIONS else 1.3)
    return ratio <= 1.25


VAGUE_UP_TO = 20
"""Largest count that "several" or "multiple" can stand for: "a handful of Democrats" is
no rounding of 63."""


def _vague_meets(vague: NumberMention, count: NumberMention) -> bool:
    if not is_vague(vague) or is_vague(count) or count.low != count.high:
        return False
    if not 2 <= count.low <= VAGUE_UP_TO:
        return False
    # "multiple people" is every count of the story; a thing named is one count
    head = _head_family(vague)
    return head == _head_family(count) != "" and head not in _GENERAL_FAMILIES


def _head_family(mention: NumberMention) -> str:
    """The family of the counted noun: the last word of the subject's first phrase
    ("separate crime scenes" → scene)."""
    words = re.split(r"\s+(?:of|in|at|on|for|from|to|with)\s+", mention.subject or "")[0].split()
    while len(words) > 1 and words[-1].endswith(("ed", "en", "ing")):
        words.pop()  # "deputies taken": the participle says what happened to them
    return word_family(words[-1]) if words else ""


_DURATIONS = frozenset(word_family(w) for w in ("minutes", "hours", "seconds"))


def _comparable_kinds(a: NumberMention, b: NumberMention) -> bool:
    if a.kind is not b.kind:
        return _bare_decimal_of_percent(a, b) or _bare_decimal_of_percent(b, a)
    if a.kind is NumberKind.MEASURE:
        return _unit(a) == _unit(b)
    return True


def _bare_decimal_of_percent(bare: NumberMention, percent: NumberMention) -> bool:
    """ "a tax rate of 35.72" beside "35.7 percent": a decimal that names no unit is read
    as the percentage it sits beside."""
    return (
        bare.kind is NumberKind.COUNT
        and not bare.subject
        and not float(bare.low).is_integer()
        and percent.kind is NumberKind.PERCENT
    )


def _unit(mention: NumberMention) -> str:
    words = (mention.subject or "").split()
    return word_family(words[0]) if words else ""


def _rounds_to(exact: float, coarse: float) -> bool:
    """``coarse`` is ``exact`` rounded to fewer significant digits (43,350 → 43,000;
    35.72 → 35.7), never cut down (43.9 million is not "43 million")."""
    if exact == coarse or coarse == 0:
        return False
    step = _last_digit_step(coarse)
    return step > _last_digit_step(exact) and abs(exact - coarse) <= step / 2 + 1e-9


def _last_digit_step(value: float) -> float:
    """The place value of a number's last significant digit: 43,000 → 1,000; 35.7 → 0.1."""
    text = f"{value:.6f}".rstrip("0").rstrip(".")
    if "." in text:
        return float(10 ** -len(text.split(".")[1]))
    digits = text.lstrip("-")
    return float(10 ** (len(digits) - len(digits.rstrip("0"))))


def how_changed(reference: NumberMention, other: NumberMention) -> DivergenceType | None:
    """What an outlet did to the reference figure, or None if it stated it alike.

    A rounding or a new hedge on the same value is a qualifier change; any other value
    is a changed number.
    """
    if values_match(reference, other):
        return None if _hedge(reference) == _hedge(other) else DivergenceType.QUALIFIER_CHANGED
    if reference.low != reference.high or other.low != other.high:
        return DivergenceType.NUMBER_CHANGED
    if reference.kind is NumberKind.TIME:
        if time_within_bound(reference, other) or time_within_bound(other, reference):
            return None  # "shortly after 2 a.m." covers "2:17 a.m."
        return (
            DivergenceType.QUALIFIER_CHANGED
            if _rounded_time(reference, other) or _rounded_time(other, reference)
            else DivergenceType.NUMBER_CHANGED
        )
    rounded = (
        is_rounding_of(other, reference)
        or is_rounding_of(reference, other)
        or _rounds_to(reference.low, other.low)
        or _rounds_to(other.low, reference.low)
    )
    return DivergenceType.QUALIFIER_CHANGED if rounded else DivergenceType.NUMBER_CHANGED


def _rounded_time(hedged: NumberMention, exact: NumberMention) -> bool:
    """ "around 1:30" for 1:27: a hedged time on the quarter hour within five minutes."""
    return bool(hedged.qualifier) and hedged.low % 5 == 0 and abs(hedged.low - exact.low) <= 5


_SAME_HEDGE = {"at most": "up to", "exactly": None}


def _hedge(mention: NumberMention) -> str | None:
    hedge = mention.qualifier or None
    return _SAME_HEDGE.get(hedge, hedge) if hedge else None


_PARTS = frozenset(
    {"man", "men", "woman", "women", "teen", "teens", "teenager", "teenagers", "boy",
     "boys", "girl", "girls", "child", "children", "adult", "adults", "officer",
     "officers", "juvenile", "juveniles"}
)  # fmt: skip
_WHOLES = frozenset(
    {"people", "person", "persons", "others", "individuals", "residents", "inhabitants",
     "citizens", "locals"}
)  # fmt: skip


_GENERAL_FAMILIES = frozenset(word_family(w) for w in _WHOLES | {"victims"})


def is_part_of(a: NumberMention, b: NumberMention) -> bool:
    """One figure counts some of the people the other counts ("six men" among "seven
    people", "two bailiffs" among "three people"): a different value there is a part,
    not a change. A count of people in general against a count of anything named more
    narrowly is never the same count told differently."""
    words_a, words_b = _subject_words(a), _subject_words(b)
    general_a, general_b = bool(words_a & _WHOLES), bool(words_b & _WHOLES)
    if general_a == general_b:
        return bool(words_a & _PARTS and words_b & _WHOLES)
    narrow = words_b if general_a else words_a
    return bool(narrow - _WHOLES)


def _subject_words(mention: NumberMention) -> set[str]:
    return set((mention.subject or "").casefold().split())


def sums_to(whole: NumberMention, parts: Sequence[NumberMention]) -> bool:
    """The other outlet's sentence counts the same people in pieces: "one killed and
    eight injured" is "nine shot"."""
    counts = [p.low for p in parts if p.kind is NumberKind.COUNT and p.low == p.high]
    return len(counts) >= 2 and any(
        counts[i] + counts[j] == whole.low
        for i in range(len(counts))
        for j in range(i + 1, len(counts))
    )


def link_figures(
    facts: Sequence[FigureFact], weights: Mapping[str, float]
) -> list[tuple[float, int, int]]:
    """Pairs of figures of different outlets that state one fact: (score, i, j), at most
    one partner per figure in each other outlet, best pairs first.

    Candidates come from an inverted index over the rarer context words, so the cost
    grows with the figures that share something, not with every pair of figures.
    """
    candidates = figure_candidates(facts)
    scored = []
    # Outlets that state a figure word for word make the same pair many times over:
    # each pair of wordings is scored once.
    numbered: dict[tuple[object, ...], int] = {}
    wording = [numbered.setdefault(_alike(fact), len(numbered)) for fact in facts]
    scores: dict[tuple[int, int], float | None] = {}
    for i, j in candidates:
        pair = (wording[i], wording[j])
        if pair not in scores:
            scores[pair] = _pair_score(facts[i], facts[j], weights)
        score = scores[pair]
        if score is not None:
            scored.append((score, i, j))
    # Of two candidates said alike, the one with the same value is the same figure: "she
    # received 18,412 votes and he 18,097" has both counts beside "received votes".
    scored.sort(
        key=lambda t: (-(t[0] + 0.25 * values_match(facts[t[1]].mention, facts[t[2]].mention)),)
        + t[1:]
    )
    partner: dict[tuple[int, int], int] = {}  # (figure, other article) → its partner
    links = []
    for score, i, j in scored:
        a_art, b_art = facts[i].key[0], facts[j].key[0]
        if (i, b_art) in partner or (j, a_art) in partner:
            continue
        partner[(i, b_art)], partner[(j, a_art)] = j, i
        links.append((score, i, j))
    # An outlet may state one fact twice, once exactly and once rounded in its opening
    # ("roughly $141 million", later "$140,937,785"): a second figure of the same
    # outlet joins when it agrees with the partner already found.
    linked = {(i, j) for _, i, j in links}
    for score, i, j in scored:
        if (i, j) in linked:
            continue
        a_art, b_art = facts[i].key[0], facts[j].key[0]
        twin_j, twin_i = partner.get((i, b_art)), partner.get((j, a_art))
        if (twin_j is not None and _told_twice(facts[j], facts[twin_j])) or (
            twin_i is not None and _told_twice(facts[i], facts[twin_i])
        ):
            links.append((score, i, j))
    return links


SAID_ALIKE = 0.8
"""Link score from which two small counts a little further apart ("FIVE crew members
were injured", "three crew members were hurt") are one count told differently: their
clauses say the same thing in nearly the same words."""


def _small_counts_apart(a: NumberMention, b: NumberMention) -> bool:
    """Two small counts of one kind two apart (3 and 5): too far apart to pair on their
    values alone, near enough when their words agree (``SAID_ALIKE``)."""
    if a.kind is not NumberKind.COUNT or b.kind is not NumberKind.COUNT:
        return False
    if is_vague(a) or is_vague(b) or a.low != a.high or b.low != b.high:
        return False
    low, high = sorted((a.low, b.low))
    return low >= 2 and high <= 30 and high - low == 2


def _pair_score(a: FigureFact, b: FigureFact, weights: Mapping[str, float]) -> float | None:
    """``link_figures``' score of two figures, or None when they are not one fact."""
    near = near_enough(a.mention, b.mention)
    if not near and not _small_counts_apart(a.mention, b.mention):
        return None
    if is_age(a.mention) and not (a.names & b.names):
        return None  # ages of whom? only a shared name says it is the same person
    if one_place_against_many(a.mention, a.places, b.mention, b.places):
        return None
    score = link_score(a, b, weights)
    if not near and score < SAID_ALIKE:
        return None
    if score < LINK_FROM and (_one_clock_time(a, b) or _one_named_thing(a, b, weights)):
        score = LINK_FROM
    return round(score, 6) if score >= LINK_FROM else None


def _alike(fact: FigureFact) -> tuple[object, ...]:
    """All of a figure that scoring it reads: two outlets' figures alike here score alike."""
    return (fact.mention, frozenset(fact.context.items()), fact.names, fact.others, fact.places)


SAME_FIGURE_LEADERS = 8
"""Of figures that outlets state identically (same words, same clause, same names), the
first this many are compared with every other figure; the rest only with those, which
score against them exactly as they would against the rest."""


def figure_candidates(facts: Sequence[FigureFact]) -> set[tuple[int, int]]:
    """Pairs (i < j) of figures of different outlets worth scoring as one fact: they
    share a context word that few figures hold, or tell one time to the minute.

    A figure hundreds of outlets run word for word would pair with each of them; it is
    paired with the first ``SAME_FIGURE_LEADERS`` only, so the cost grows with the
    outlets, not with their square. A story whose figures are each stated identically
    by at most that many outlets gets every pair.
    """
    told: Counter[tuple[object, ...]] = Counter()
    leads = []
    for fact in facts:
        alike = _alike(fact)
        told[alike] += 1
        leads.append(told[alike] <= SAME_FIGURE_LEADERS)
    index: dict[str, list[int]] = defaultdict(list)
    for n, fact in enumerate(facts):
        for word in fact.context:
            index[word].append(n)
    candidates: set[tuple[int, int]] = set()
    for holders in index.values():
        if len(holders) > COMMON_HOLDERS:
            continue  # a word of every figure tells no two of them apart
        leaders = [n for n in holders if leads[n]]
        for i in holders:
            for j in leaders:
                if facts[i].key[0] != facts[j].key[0]:
                    candidates.add((i, j) if i < j else (j, i))
    return candidates | _same_clock_times(facts)


def _one_clock_time(a: FigureFact, b: FigureFact) -> bool:
    """Two outlets giving the same time to the minute, off the hour, tell one moment of
    the story even in words that share nothing ("the shooting took place shortly after
    12:30" and "police responded around 12:30"), unless what happened then differs."""
    x, y = a.mention, b.mention
    if x.kind is not NumberKind.TIME or not values_match(x, y) or x.low % 60 == 0:
        return False
    events_a, events_b = _events(a), _events(b)
    return not (events_a and events_b and not events_a & events_b)


RARE_THING = 2.5
"""How rare in the story (its weight) the noun a figure counts or prices must be for
that noun alone to say two figures are one fact: "a $43,350 Rolex watch" and "a $43,000
Rolex watch" in a story with one watch."""


_SPANS_OF_TIME = frozenset(
    word_family(w) for w in ("years", "months", "weeks", "days", "hours", "minutes", "times")
)


def _one_named_thing(a: FigureFact, b: FigureFact, weights: Mapping[str, float]) -> bool:
    if not a.mention.kind is b.mention.kind is not NumberKind.MEASURE:
        return False  # "46 years" and "over 40 years": how long, of whom?
    head = _head_family(a.mention)
    named_alike = _subject_families(a.mention) & _subject_families(b.mention)
    return (
        head != ""
        and head not in _SPANS_OF_TIME
        and head == _head_family(b.mention)
        and head not in _GENERAL_FAMILIES
        and weights.get(head, 0.0) >= RARE_THING
        and len(named_alike) >= 2  # "Rolex watch": the thing is named, not just "items"
    )


def _subject_families(mention: NumberMention) -> set[str]:
    return {word_family(w) for w, _ in _content_words(mention.subject or "")}


def _same_clock_times(facts: Sequence[FigureFact]) -> set[tuple[int, int]]:
    by_time: dict[float, list[int]] = defaultdict(list)
    for n, fact in enumerate(facts):
        if fact.mention.kind is NumberKind.TIME and fact.mention.low % 60:
            by_time[fact.mention.low].append(n)
    return {
        (i, j)
        for holders in by_time.values()
        for x, i in enumerate(holders)
        for j in holders[x + 1 :]
        if facts[i].key[0] != facts[j].key[0] and _one_clock_time(facts[i], facts[j])
    }


def _told_twice(a: FigureFact, b: FigureFact) -> bool:
    """Two figures of one outlet are one fact told twice: the same figure (or one
    rounded), and not about different people ("the Clintons' 35.7 percent" is not
    "Bush's roughly 36 percent")."""
    if not same_figure(a.mention, b.mention):
        return False
    names_a = {word_family(n) for n in a.names}
    names_b = {word_family(n) for n in b.names}
    return not (names_a and names_b) or bool(names_a & names_b)


def same_figure(a: NumberMention, b: NumberMention) -> bool:
    """One figure told twice: the same value, or one a rounding of the other."""
    return values_match(a, b) or (
        a.kind is b.kind
        and a.low == a.high
        and b.low == b.high
        and (
            is_rounding_of(a, b)
            or is_rounding_of(b, a)
            or _rounds_to(a.low, b.low)
            or _rounds_to(b.low, a.low)
        )
    )


def linked_figures(
    articles: Sequence[Article], numbers: Mapping[SentenceKey, Sequence[NumberMention]]
) -> tuple[tuple[FigureFact, ...], list[tuple[float, int, int]]]:
    """The story's figures and the links between those that state one fact."""
    facts = figure_facts(articles, numbers)
    total = sum(len(a.sentences) for a in articles)
    return facts, link_figures(facts, story_weights((f.context for f in facts), total))


def cross_claim_divergences(
    articles: Sequence[Article],
    numbers: Mapping[SentenceKey, Sequence[NumberMention]],
    claims: Sequence[AlignedClaim],
    figures: tuple[Sequence[FigureFact], Sequence[tuple[float, int, int]]] | None = None,
) -> tuple[FactDivergence, ...]:
    """Changed figures between sentences that no claim holds together (``figures``: the
    story's ``linked_figures`` when already found).

    Each linked group of figures is one fact; the value most outlets give is the
    reference (ties: the more precise figure, then the earlier article), and every
    outlet linked to a reference figure that states it otherwise departs from it.
    """
    facts, links = figures or linked_figures(articles, numbers)
    together = claim_pairs(claims)
    partners: dict[int, dict[int, float]] = defaultdict(dict)
    for score, i, j in links:
        partners[i][j] = score
        partners[j][i] = score
    groups = _groups(len(facts), links)
    found: list[FactDivergence] = []
    for group in groups:
        found.extend(_group_divergences(group, facts, partners, together, articles, numbers))
    found.extend(_opposite_bounds(facts, links, groups, found, together, articles))
    return tuple(found)


_FLOORS = frozenset({"at least", "more than"})
_CEILINGS = frozenset({"up to", "at most", "less than", "nearly"})


def _opposite_bounds(
    facts: Sequence[FigureFact],
    links: Sequence[tuple[float, int, int]],
    groups: Sequence[Sequence[int]],
    found: Sequence[FactDivergence],
    together: _ClaimPairs,
    articles: Sequence[Article],
) -> list[FactDivergence]:
    """ "Up to 16 were injured" against "at least 15 people were shot": two outlets bound
    one figure from opposite sides. When each departs from what most outlets say of it,
    the two bounds are also set against each other, unless a claim holds the two
    sentences (it compares them with its own reference) or a change between them is
    already reported."""
    reported = {frozenset((e.article, e.sentence) for e in f.divergence.evidence) for f in found}
    majority_of: dict[int, tuple[tuple[str, float, float], str | None]] = {}
    for group in groups:
        said = Counter((_value_key(facts[n].mention), _hedge(facts[n].mention)) for n in group)
        majority = min(said, key=lambda told: (-said[told], str(told)))
        majority_of.update((n, majority) for n in group)
    bounds = []
    for score, i, j in links:
        first, second = sorted((facts[i], facts[j]), key=lambda f: f.key)
        hedges = {first.mention.qualifier, second.mention.qualifier}
        if first.key[0] == second.key[0] or not (hedges & _FLOORS and hedges & _CEILINGS):
            continue
        if (first.key, second.key) in together:
            continue
        majority = majority_of[i]
        if any((_value_key(f.mention), _hedge(f.mention)) == majority for f in (first, second)):
            continue
        evidence = (evidence_of(first.key, articles), evidence_of(second.key, articles))
        if frozenset((e.article, e.sentence) for e in evidence) in reported:
            continue
        bounds.append(
            FactDivergence(
                home=first.key,
                divergence=Divergence(
                    type=DivergenceType.QUALIFIER_CHANGED,
                    articles=(evidence[1].article,),
                    reference=evidence[0].article,
                    detail=f"{describe_figure(first.mention)} → {describe_figure(second.mention)}",
                    evidence=evidence,
                    confidence=round(min(0.9, 0.35 + 0.5 * score), 2),
                ),
            )
        )
    return bounds


class _ClaimPairs:
    """Pairs of sentences some claim holds together (a sentence with itself included),
    asked one pair at a time: listing them all would take the square of a claim's size,
    and a claim of a thousand outlets has a million pairs."""

    def __init__(self, claims: Sequence[AlignedClaim]) -> None:
        self._claims_of: dict[SentenceKey, set[int]] = defaultdict(set)
        for n, claim in enumerate(claims):
            for key in claim.members:
                self._claims_of[key].add(n)

    def __contains__(self, pair: tuple[SentenceKey, SentenceKey]) -> bool:
        x, y = pair
        return not self._claims_of.get(x, set()).isdisjoint(self._claims_of.get(y, set()))


def claim_pairs(claims: Sequence[AlignedClaim]) -> _ClaimPairs:
    return _ClaimPairs(claims)


def _groups(size: int, links: Sequence[tuple[float, int, int]]) -> list[list[int]]:
    parent = list(range(size))

    def root(n: int) -> int:
        while parent[n] != n:
            parent[n] = parent[parent[n]]
            n = parent[n]
        return n

    for _, i, j in links:
        parent[root(i)] = root(j)
    grouped: dict[int, list[int]] = defaultdict(list)
    for _, i, j in links:
        for n in (i, j):
            if n not in grouped[root(n)]:
                grouped[root(n)].append(n)
    return [sorted(g) for _, g in sorted(grouped.items())]


def _group_divergences(
    group: Sequence[int],
    facts: Sequence[FigureFact],
    partners: Mapping[int, Mapping[int, float]],
    together: _ClaimPairs,
    articles: Sequence[Article],
    numbers: Mapping[SentenceKey, Sequence[NumberMention]],
) -> list[FactDivergence]:
    reference, agreeing = _group_reference(group, facts)
    found = []
    for n in group:
        other, ref_fact = facts[n], facts[reference]
        if other.key[0] == ref_fact.key[0]:
            continue
        closest, score = _closest_reference(n, reference, facts, partners)
        if not score:
            continue
        if any(
            (facts[m].key, other.key) in together and not _claim_missed(facts[m], other, numbers)
            for m in {reference, closest}
        ):
            continue  # the claim compared these two figures itself
        ref_fact = facts[closest]
        change = how_changed(ref_fact.mention, other.mention)
        if change is None or _explained(ref_fact, other, numbers):
            continue
        confidence = min(0.95, 0.35 + 0.5 * score + 0.1 * min(agreeing - 1, 2))
        found.append(
            FactDivergence(
                home=ref_fact.key,
                divergence=Divergence(
                    type=change,
                    articles=(articles[other.key[0]].id,),
                    reference=articles[ref_fact.key[0]].id,
                    detail=(
                        f"{describe_figure(ref_fact.mention)} → {describe_figure(other.mention)}"
                    ),
                    evidence=(
                        evidence_of(ref_fact.key, articles),
                        evidence_of(other.key, articles),
                    ),
                    confidence=round(confidence, 2),
                ),
            )
        )
    return found


def _group_reference(group: Sequence[int], facts: Sequence[FigureFact]) -> tuple[int, int]:
    """The figure of a linked group that the others are measured against, and how many
    of the group give its value."""
    support: Counter[tuple[str, float, float]] = Counter()
    for n in group:
        support[_value_key(facts[n].mention)] += 1
    reference = min(
        group,
        key=lambda n: (
            is_vague(facts[n].mention),  # "multiple scenes" is no reference for a number
            -support[_value_key(facts[n].mention)],
            -_precision(facts[n].mention),
            facts[n].key,
        ),
    )
    return reference, support[_value_key(facts[reference].mention)]


def _closest_reference(
    n: int,
    reference: int,
    facts: Sequence[FigureFact],
    partners: Mapping[int, Mapping[int, float]],
) -> tuple[int, float]:
    """The statement of the reference value that figure ``n`` is told most like, and
    how surely: of the outlets that agree on the reference value, the one whose own
    words are nearest is the fairer side to show ("at least nine injured" is set
    against "nine were wounded", not against "nine were shot"). A chain of links
    through other values joins figures of different facts, so only direct partners
    count, or partners that are themselves linked to the reference figure."""
    wanted = facts[reference].mention  # its value and its hedge: the reference's words
    direct = [
        (score, m)
        for m, score in partners[n].items()
        if facts[m].key[0] != facts[n].key[0]
        and values_match(facts[m].mention, wanted)
        and _hedge(facts[m].mention) == _hedge(wanted)
        and (m == reference or reference in partners[m])
    ]
    if not direct:
        return reference, 0.0
    score, closest = max(direct, key=lambda t: (t[0], -t[1]))
    return closest, score


def _claim_missed(
    reference: FigureFact, other: FigureFact, numbers: Mapping[SentenceKey, Sequence[NumberMention]]
) -> bool:
    """A claim's own comparison pairs figures by value and by what they count; it cannot
    pair a bare decimal with a percentage, nor one figure of a list with its misquote
    when each sentence holds several of the kind."""
    if reference.mention.kind is not other.mention.kind:
        return True
    if is_vague(reference.mention) or is_vague(other.mention):
        return True
    kind = reference.mention.kind
    crowded = [
        sum(1 for n in numbers.get(key, ()) if n.kind is kind) for key in (reference.key, other.key)
    ]
    return max(crowded) >= 3


def _explained(
    reference: FigureFact,
    other: FigureFact,
    numbers: Mapping[SentenceKey, Sequence[NumberMention]],
) -> bool:
    """Arithmetic before alarm: a part of the reference's count, or the sum of the
    other sentence's counts, is no change."""
    a, b = reference.mention, other.mention
    if values_match(a, b):
        return False
    if (reference.others and b.low == a.low + 1) or (other.others and a.low == b.low + 1):
        return True  # "13 other pieces" with the one named are the 14 pieces
    if _also_states(reference.key, b, numbers) or _also_states(other.key, a, numbers):
        return True  # "two to Red Duke and another three to Southwest": which two?
    return (
        is_part_of(a, b)
        or sums_to(a, numbers.get(other.key, ()))
        or sums_to(b, numbers.get(reference.key, ()))
    )


def _also_states(
    key: SentenceKey,
    figure: NumberMention,
    numbers: Mapping[SentenceKey, Sequence[NumberMention]],
) -> bool:
    """The sentence at ``key`` states ``figure``'s value too, as a figure of its kind."""
    return any(n.kind is figure.kind and values_match(n, figure) for n in numbers.get(key, ()))


def _value_key(mention: NumberMention) -> tuple[str, float, float]:
    return (mention.kind.value, mention.low, mention.high)


def _precision(mention: NumberMention) -> float:
    """Exact figures before hedged ones, finer figures before rounder ones."""
    hedged = 1.0 if mention.qualifier else 0.0
    return -hedged - math.log10(_last_digit_step(mention.low) + 1e-9) / 100


def evidence_of(key: SentenceKey, articles: Sequence[Article]) -> Evidence:
    article = articles[key[0]]
    return Evidence(article=article.id, sentence=key[1], text=article.sentences[key[1]].text)


# --- quotations across claims ---------------------------------------------------------

MIN_SHARED_QUOTE = 75
"""rapidfuzz partial_ratio (0..100) of the shorter quotation's words within the longer's
from which two quotations of different outlets are one quotation."""

FRAGMENT_WORDS = 5
"""Quoted words up to which a quotation is a fragment woven into the outlet's own
sentence, not a statement split around "she said"."""


_SPEECH_FRAME = re.compile(
    r"\b(?:said|says|added|adds|told|asked|explained|continued|wrote|warned)\b", re.IGNORECASE
)


def are_fragments(sentence: str, quotes: Sequence[Quote]) -> bool:
    """Several short quotations woven into the outlet's own words ("he 'asserts his
    innocence' and called it 'a vendetta'"), not one statement split around "she said".

    >>> from storydiff.coverage.quotes import find_quotes
    >>> woven = 'He "asserts his innocence" and called it "a vendetta."'
    >>> split = '"We let you down," she said, "and I am sorry."'
    >>> are_fragments(woven, find_quotes([woven])[0]), are_fragments(split, find_quotes([split])[0])
    (True, False)
    """
    if len(quotes) < 2 or any(len(q.text.split()) > FRAGMENT_WORDS for q in quotes):
        return False
    ordered = sorted(quotes, key=lambda q: q.start)
    between = [sentence[a.end : b.start] for a, b in zip(ordered, ordered[1:], strict=False)]
    return not any(_SPEECH_FRAME.search(gap) for gap in between)


@dataclass(frozen=True, slots=True)
class QuoteFact:
    key: SentenceKey
    quote: Quote
    words: tuple[str, ...]
    """The quotation's words, case-folded, marks straightened."""


def quote_facts(
    articles: Sequence[Article], quotes: Mapping[SentenceKey, Sequence[Quote]]
) -> tuple[QuoteFact, ...]:
    found = []
    for a_pos, article in enumerate(articles):
        for sentence in article.sentences:
            if not is_running_text(sentence.text):
                continue  # a headline quotes in fragments by design
            for quote in quotes.get((a_pos, sentence.index), ()):
                if is_quoted_name(quote.text):
                    continue
                words = tuple(w.casefold() for w in _TOKEN.findall(quote.text.translate(_STRAIGHT)))
                if len(words) >= 2:
                    found.append(QuoteFact((a_pos, sentence.index), quote, words))
    return tuple(found)


NAME_WORDS = 6
_NAME_JOINERS = frozenset({"a", "an", "and", "at", "for", "in", "of", "on", "the", "to", "&"})


def is_quoted_name(text: str) -> bool:
    """A name or title in quotation marks ("a charity called 'Smiles for Life'"), which
    is nobody's words: every word capitalised but the small joining ones, no full stop.

    >>> is_quoted_name("Smiles for Life."), is_quoted_name("a politically driven vendetta")
    (True, False)
    """
    # American style puts the sentence's full stop inside the marks: "... to “Smiles for
    # Life.”" is still the name
    words = text.strip(" ,").removesuffix(".").split()
    if not words or len(words) > NAME_WORDS or text.rstrip().endswith(("!", "?", "..")):
        return False
    return words[0][:1].isupper() and all(
        w[:1].isupper() or w.casefold() in _NAME_JOINERS for w in words
    )


def quotes_meet(short: QuoteFact, long: QuoteFact) -> bool:
    """The shorter quotation's words stand, near enough, inside the longer one: two
    words only when they stand there exactly ("historic challenge")."""
    short_text, long_text = " ".join(short.words), " ".join(long.words)
    if len(short.words) < 3:
        return f" {short_text} " in f" {long_text} " and not set(short.words) <= _STOP
    content = [w for w in short.words if w not in _STOP]
    if len(content) < 2:
        return False
    # Letters can line up where words do not ("several other people" in a long
    # statement): most of the shorter quotation's own words must be in the longer.
    held = sum(1 for w in content if w in long.words) / len(content)
    return held >= 0.6 and fuzz.partial_ratio(short_text, long_text) >= MIN_SHARED_QUOTE


def cross_claim_quotes(
    articles: Sequence[Article],
    quotes: Mapping[SentenceKey, Sequence[Quote]],
    claims: Sequence[AlignedClaim],
) -> tuple[FactDivergence, ...]:
    """Quotations one outlet gives differently from another, where the sentences that
    hold them are in different claims: cut shorter (trimmed), with words changed inside
    (altered). Who a quotation is credited to is left to the claims, where the other
    outlets' credits tell which side the majority is on.

    The longer version is the reference: an outlet that quotes less is the one that cut.
    """
    facts = quote_facts(articles, quotes)
    together = claim_pairs(claims)
    # A claim joins the quotations of one sentence into one ("asserts his innocence" and
    # "a politically driven vendetta"); fragments are compared here one by one.
    crowded = {
        key: are_fragments(articles[key[0]].sentences[key[1]].text, found)
        for key, found in quotes.items()
    }
    index: dict[str, list[int]] = defaultdict(list)
    for n, fact in enumerate(facts):
        for word in set(fact.words) - _STOP:
            index[word].append(n)
    best: dict[tuple[int, int], tuple[int, int]] = {}  # (shorter, other article) → longer
    for x, y in _quote_pairs(facts, index):
        a, b = facts[x], facts[y]
        if (x, b.key[0]) in best:
            continue
        if (a.key, b.key) in together and not (crowded[a.key] or crowded[b.key]):
            continue  # the claim compared these, with the other outlets as judges
        if quotes_meet(a, b):
            best[(x, b.key[0])] = (x, y)
    found = []
    for short_n, long_n in sorted(best.values()):
        short, long = facts[short_n], facts[long_n]
        found.extend(_quote_divergences(long, short, articles))
    found.extend(quotes_of_outlets(articles, facts))
    return tuple(found)


TRIED_CELLS = 64_000_000
"""Up to this many pairs of quotations, which pairs were already weighed is kept in a
table of bits rather than a set."""


def _quote_pairs(
    facts: Sequence[QuoteFact], index: Mapping[str, Sequence[int]]
) -> Iterator[tuple[int, int]]:
    """Pairs (shorter, longer) of quotations of different outlets that share a word held
    by at most ``COMMON_HOLDERS`` quotations, word by word in ``index`` order, each pair
    once: two quotations of one statement share most of their rare words."""
    article_of = np.array([f.key[0] for f in facts], dtype=np.intp)
    length = np.array([len(f.words) for f in facts], dtype=np.intp)
    square = len(facts) ** 2 <= TRIED_CELLS
    tried_cells = np.zeros((len(facts), len(facts)) if square else 0, dtype=bool)
    tried: set[tuple[int, int]] = set()
    for holders in index.values():
        if len(holders) > COMMON_HOLDERS:
            continue  # a word of every quotation: the rarer words find the pairs
        held = np.array(holders, dtype=np.intp)
        x, y = np.meshgrid(held, held, indexing="ij")  # x outer, y inner, as loops read
        keep = (article_of[x] != article_of[y]) & (
            (length[x] < length[y]) | ((length[x] == length[y]) & (x < y))
        )
        if tried_cells.size:
            keep &= ~tried_cells[x, y]
            tried_cells[x[keep], y[keep]] = True
            yield from zip(x[keep].tolist(), y[keep].tolist(), strict=True)
            continue
        for pair in zip(x[keep].tolist(), y[keep].tolist(), strict=True):
            if pair not in tried:
                tried.add(pair)
                yield pair


def quotes_of_outlets(
    articles: Sequence[Article], facts: Sequence[QuoteFact]
) -> list[FactDivergence]:
    """An outlet quoting another outlet of the story ("The Ledger reported the charges
    'will include fraud'") is checked against that outlet's own words."""
    found = []
    names = [{w.casefold() for w in _TOKEN.findall(a.outlet)} - _STOP for a in articles]
    # Each outlet under the words of its name: a quotation's credit is checked against
    # the outlets it names a word of, not against every outlet of the story.
    named: dict[str, list[int]] = defaultdict(list)
    for a_pos, name in enumerate(names):
        if len(name) >= 2:
            for word in name:
                named[word].append(a_pos)
    for fact in facts:
        quoted = _quoted_outlet(fact.quote.speaker, names, named, fact.key[0])
        if quoted is None or len(fact.words) < 4:
            continue
        source = _best_source_span(fact, articles[quoted])
        if source is None:
            continue
        index, span = source
        comparison = quote_words_changed(span, fact.quote.text)
        kind = (
            DivergenceType.QUOTE_ALTERED
            if comparison.altered
            else DivergenceType.QUOTE_TRIMMED
            if comparison.trimmed and not whole_sentences_of(fact.words, span)
            else None
        )
        if kind is None:
            continue
        found.append(
            FactDivergence(
                home=(quoted, index),
                divergence=Divergence(
                    type=kind,
                    articles=(articles[fact.key[0]].id,),
                    reference=articles[quoted].id,
                    detail=f"quoting {articles[quoted].outlet}: {comparison.description}",
                    evidence=(
                        evidence_of((quoted, index), articles),
                        evidence_of(fact.key, articles),
                    ),
                    confidence=0.75,
                ),
            )
        )
    return found


def _quoted_outlet(
    speaker: str | None,
    names: Sequence[set[str]],
    named: Mapping[str, Sequence[int]],
    own: int,
) -> int | None:
    """The article of the outlet a quotation is credited to, if it is in the story
    (``names``: each article's outlet name, as words; ``named``: the articles whose
    name of two words or more holds a word); the first in article order."""
    if not speaker:
        return None
    said = {w.casefold() for w in _TOKEN.findall(speaker)} - _STOP
    candidates = sorted({a_pos for word in said for a_pos in named.get(word, ())})
    for a_pos in candidates:
        if a_pos != own and names[a_pos] <= said:
            return a_pos
    return None


def _best_source_span(fact: QuoteFact, article: Article) -> tuple[int, str] | None:
    """The sentence of ``article`` that holds the quoted words best, and the stretch of
    it they come from, widened to whole words."""
    quoted = " ".join(fact.words)
    best: tuple[float, int, str] | None = None
    for sentence in article.sentences:
        text = sentence.text.translate(_STRAIGHT)
        match = fuzz.partial_ratio_alignment(quoted, text.casefold())
        if match is None or match.score < MIN_SHARED_QUOTE:
            continue
        start = text.rfind(" ", 0, match.dest_start) + 1
        end = text.find(" ", match.dest_end)
        span = text[start : end if end >= 0 else len(text)].strip(" ,.;:\"'")
        words = {w.casefold() for w in _TOKEN.findall(span)}
        content = [w for w in fact.words if w not in _STOP]
        if sum(1 for w in content if w in words) < 0.6 * len(content):
            continue
        if best is None or match.score > best[0]:
            best = (match.score, sentence.index, span)
    return None if best is None else best[1:]


def whole_sentences_of(words: Sequence[str], quotation: str) -> bool:
    """``words`` are whole sentences of ``quotation``: quoting one sentence of a longer
    statement cuts nothing out of what was said.

    >>> whole_sentences_of(["we", "will", "rebuild"], "We will rebuild. It takes time.")
    True
    >>> whole_sentences_of(["will", "rebuild"], "We will rebuild. It takes time.")
    False
    """
    tokens = list(_TOKEN.finditer(quotation.translate(_STRAIGHT)))
    keys = [t.group().casefold() for t in tokens]
    n = len(words)
    for start in range(len(keys) - n + 1):
        if keys[start : start + n] != list(words):
            continue
        before = quotation[: tokens[start].start()].rstrip(" \"'“”‘’")
        after = quotation[tokens[start + n - 1].end() :].lstrip(" ,\"'“”‘’")
        opens = not before or before[-1] in ".!?…"
        closes = not after or after[0] in ".!?…"
        if opens and closes:
            return True
    return False


def _quote_divergences(
    reference: QuoteFact,
    other: QuoteFact,
    articles: Sequence[Article],
) -> list[FactDivergence]:
    comparison = quote_words_changed(reference.quote.text, other.quote.text)
    found: list[tuple[DivergenceType, str, float]] = []
    if comparison.altered:
        found.append((DivergenceType.QUOTE_ALTERED, comparison.description, 0.7))
    elif comparison.trimmed and not whole_sentences_of(other.words, reference.quote.text):
        found.append((DivergenceType.QUOTE_TRIMMED, comparison.description, 0.7))
    evidence = (evidence_of(reference.key, articles), evidence_of(other.key, articles))
    return [
        FactDivergence(
            home=reference.key,
            divergence=Divergence(
                type=kind,
                articles=(articles[other.key[0]].id,),
                reference=articles[reference.key[0]].id,
                detail=detail,
                evidence=evidence,
                confidence=confidence,
            ),
        )
        for kind, detail, confidence in found
    ]
