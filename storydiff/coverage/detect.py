"""Claims → divergences: how each outlet's version departs from the reference version.

An outlet is blamed only for departing from the reference (the majority phrasing), never
for the reference departing from it. Numbers are paired by value first, then by what
they count: the same value on a different thing is a subject change, the same thing with
a different value is a value change, and a hedge or a rounding of the same figure is a
qualifier change. Quotations are paired by their words: changed words are an alteration,
a shortening at either end only a trim, and a different speaker an attribution change.
Outlets that depart in the same way share one divergence.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache

from rapidfuzz import fuzz

from storydiff.coverage.align import content_terms
from storydiff.coverage.facts import (
    is_age,
    is_part_of,
    is_quoted_name,
    one_place_against_many,
    places_of,
)
from storydiff.coverage.lexicon import (
    NEWS_SYNONYMS,
    ORGANISATION_WORDS,
    PEOPLE_NOUNS,
    TITLE_WORDS,
    stem,
)
from storydiff.coverage.model import Divergence, DivergenceType, NumberKind, NumberMention, Quote
from storydiff.coverage.numbers import (
    describe,
    is_near_miss,
    is_rounding_of,
    subject_similarity,
    time_within_bound,
    values_match,
)
from storydiff.coverage.quotes import (
    QuoteComparison,
    affiliation_of,
    fragments_of,
    quote_words_changed,
    same_credit,
)

COMPARED_KINDS = frozenset(
    {NumberKind.COUNT, NumberKind.PERCENT, NumberKind.MONEY, NumberKind.MEASURE}
)
"""Years, dates and ordinals place a claim; they are not the figure a claim is about."""

SUBJECT_CHANGED_BELOW = 0.34
"""Subject similarity under which the same value counts a different thing."""

SAME_SUBJECT_FROM = 0.5
"""Subject similarity from which two different values count the same thing."""

_WORDS = re.compile(r"\w+")

MIN_QUOTED_WORDS = 3
"""Fewer quoted words are a quoted expression, not a shortened quotation."""

QUOTE_PAIR_FROM = 70
"""rapidfuzz partial_ratio (0..100) from which two quotations are one quotation."""


@dataclass(frozen=True, slots=True)
class Version:
    """One outlet's statement of a claim: its sentences joined, and what they contain."""

    article: str
    text: str
    numbers: tuple[NumberMention, ...]
    quotes: tuple[Quote, ...]
    credit: str | None
    """Who the statement as a whole is credited to ("according to ...")."""
    cast: Mapping[str, frozenset[str]] = field(default_factory=dict, compare=False)
    synonyms: frozenset[frozenset[str]] = field(default_factory=frozenset, compare=False)
    """Pairs of words this story's outlets use for one material or thing: measured in
    the same unit at the same figure in some claim ("300 tonnes of toluene", "300 tonnes
    of toxic solvent"). See ``story_synonyms``."""
    """The story's people: each surname, casefolded, with every word any outlet uses to
    describe that person ("finance", "minister", "chief", "officer"). Shared by all the
    versions of a story; see ``story_cast``."""


def version_content(version: Version) -> tuple[object, ...]:
    """All that comparing a version reads of it: everything but whose it is."""
    return (version.text, version.numbers, version.quotes, version.credit)


@dataclass(frozen=True, slots=True)
class _Finding:
    type: DivergenceType
    detail: str


def find_divergences(reference: Version, others: Sequence[Version]) -> tuple[Divergence, ...]:
    """Every way each of ``others`` departs from ``reference``.

    Args:
        reference: the reference outlet's version of the claim.
        others: the other outlets' versions, in a stable order.

    Returns:
        Divergences ordered by type then detail; outlets that depart identically share one.
    """
    by_finding: dict[_Finding, list[str]] = {}
    # Outlets that word a claim alike depart from the reference alike: each wording is
    # compared once, however many outlets carry it.
    compared: dict[tuple[object, ...], tuple[_Finding, ...]] = {}
    for other in others:
        wording = version_content(other)
        if wording not in compared:
            compared[wording] = compare_versions(reference, other)
        for finding in compared[wording]:
            by_finding.setdefault(finding, []).append(other.article)
    for finding, articles in _figures_the_reference_leaves_out(reference, others):
        by_finding.setdefault(finding, []).extend(articles)
    dated = _majority_dates(reference, others)
    if dated is not None:
        for other in others:
            if other is dated:
                continue
            for finding in _compare_dates(dated.numbers, other.numbers):
                by_finding.setdefault(finding, []).append(other.article)
    credited = _majority_credit(reference, others)
    if credited is not None:
        for other in others:
            if other is credited:
                continue
            for finding in compare_versions(credited, other):
                if finding.type is DivergenceType.ATTRIBUTION_CHANGED:
                    by_finding.setdefault(finding, []).append(other.article)
    ordered = sorted(by_finding.items(), key=lambda item: (item[0].type.value, item[0].detail))
    return tuple(
        Divergence(type=f.type, articles=tuple(arts), reference=reference.article, detail=f.detail)
        for f, arts in ordered
    )


def _figures_the_reference_leaves_out(
    reference: Version, others: Sequence[Version]
) -> list[tuple[_Finding, list[str]]]:
    """Figures two outlets agree on that the reference does not give at all, checked in
    the rest: "212 hospitals" in two outlets and "221 hospitals" in a third is a change
    even when the reference phrasing names no hospitals."""
    found: list[tuple[_Finding, list[str]]] = []
    in_reference = _comparable(reference.numbers)

    def left_out(version: Version) -> tuple[NumberMention, ...]:
        return tuple(
            n
            for n in _comparable(version.numbers)
            if not any(values_match(n, r) or is_near_miss(n, r) for r in in_reference)
        )

    for version in others:
        agreed = tuple(
            n
            for n in left_out(version)
            if any(
                other is not version and any(values_match(n, o) for o in other.numbers)
                for other in others
            )
        )
        if not agreed:
            continue
        for other in others:
            if other is version:
                continue
            checked = _compare_numbers(
                replace(version, numbers=agreed), replace(other, numbers=left_out(other))
            )
            found.extend(
                (f, [other.article])
                for f in checked
                if f.type in {DivergenceType.NUMBER_CHANGED, DivergenceType.QUALIFIER_CHANGED}
            )
        break
    return found


def _majority_dates(reference: Version, others: Sequence[Version]) -> Version | None:
    """When the reference gives no year, date or time, a version whose dates another
    version agrees with: the rest are compared with it, as with credits."""
    if any(n.kind in _DATED_KINDS for n in reference.numbers):
        return None
    for version in others:
        dates = [n for n in version.numbers if n.kind in _DATED_KINDS]
        if dates and any(
            other is not version
            and all(any(_same_date(d, o) for o in other.numbers if o.kind == d.kind) for d in dates)
            for other in others
        ):
            return version
    return None


_DATED_KINDS = frozenset({NumberKind.YEAR, NumberKind.DATE, NumberKind.TIME})


def _majority_credit(reference: Version, others: Sequence[Version]) -> Version | None:
    """When the reference credits nobody, the version whose credit most others share.

    A reference that names no source cannot show that one outlet named another; the
    credit that most of the crediting outlets agree on can (two at least, and more than
    all the rest together), and the outlets that name someone else depart from it.
    """
    if _who(reference) is not None:
        return None
    groups: list[list[Version]] = []
    for version in others:
        who = _who(version)
        if who is None:
            continue
        group = next(
            (
                g
                for g in groups
                if _same_source_in(_who(g[0]) or "", g[0].text, who, version.text, version.cast)
            ),
            None,
        )
        if group is None:
            groups.append([version])
        else:
            group.append(version)
    if not groups:
        return None
    largest = max(groups, key=len)
    credited = sum(len(g) for g in groups)
    if len(largest) >= 2 and len(largest) * 2 > credited:
        return largest[0]
    return None


def compare_versions(reference: Version, other: Version) -> tuple[_Finding, ...]:
    """The findings of one outlet's version against the reference version."""
    findings = list(_compare_numbers(reference, other))
    findings.extend(_compare_quotes(reference, other))
    # A shared quotation with no named speaker on one side still has a credit in its
    # frame ("a survey by X found ..."): compare those when the quotes settled nothing.
    # A quotation on one side only says the versions differ in kind, and their credits
    # are not the same statement's.
    speakers_known = any(q.speaker for q in reference.quotes) and any(
        q.speaker for q in other.quotes
    )
    if (
        not speakers_known
        and not any(f.type is DivergenceType.ATTRIBUTION_CHANGED for f in findings)
        and bool(reference.quotes) == bool(other.quotes)
        and _one_statement(reference, other)
    ):
        findings.extend(_compare_credits(reference, other))
    unique: list[_Finding] = []
    for finding in findings:
        if finding not in unique:
            unique.append(finding)
    return tuple(unique)


def _one_statement(a: Version, b: Version) -> bool:
    """Two versions report one statement, so that their credits can be compared: they
    share a quotation or a figure (a year too), or they say nothing checkable at all.
    "Police say six people were taken to hospital" and "three patients had been
    discharged, according to the hospital" state two things, each with its source."""
    numbers_a, numbers_b = a.numbers, b.numbers
    if not numbers_a and not numbers_b:
        return True
    if any(values_match(x, y) or is_near_miss(x, y) for x in numbers_a for y in numbers_b):
        return True
    return bool(a.quotes and b.quotes)


def shares_facts(a: Version, b: Version) -> bool:
    """The two versions state something checkable in common: a figure (the same or one
    slip away), a quotation, or a named credit. Only then can one be measured against
    the other."""
    if any(
        values_match(x, y) or is_near_miss(x, y)
        for x in _comparable(a.numbers)
        for y in _comparable(b.numbers)
    ):
        return True
    if any(
        _quote_overlap(x.text, y.text) >= QUOTE_PAIR_FROM
        for x in joined_quotes(a.quotes)
        for y in joined_quotes(b.quotes)
    ):
        return True
    return (
        bool(a.quotes) == bool(b.quotes)
        and bool(a.credit and b.credit)
        and is_named_source(a.credit or "")
        and is_named_source(b.credit or "")
    )


def credits_disagree(a: Version, b: Version) -> bool:
    """Each version names who said it, and they name different sources: a quotation's
    speaker, else the sentence's credit. Used to tell which side of a changed credit the
    majority is on, even when only one side quotes."""
    who_a, who_b = _who(a), _who(b)
    return bool(who_a and who_b) and not _same_source_in(
        who_a or "", a.text, who_b or "", b.text, a.cast
    )


def quotes_less(a: Version, b: Version) -> bool:
    """``a`` gives only part of a quotation that ``b`` gives in full. Outlets that quote
    more are not blamed for it, so this counts against ``a`` as the reference instead."""
    joined_b = [(qb, _joined(qb).text) for qb in quote_parts(b.quotes)]
    return any(
        _quote_overlap(text_a, text_b) >= QUOTE_PAIR_FROM
        and compare_quoted(qb, qa).trimmed
        and _quotes_more(text_b, text_a)
        for qa, text_a in ((qa, _joined(qa).text) for qa in quote_parts(a.quotes))
        for qb, text_b in joined_b
    )


def quotes_pieces(a: Version, b: Version) -> bool:
    """``a`` quotes pieces of a statement that ``b`` quotes whole, each word for word
    ("We tried ..." and, later, "It was not kids ..." of one longer statement)."""
    pieces = [[p.text for p in qa] for qa in quote_parts(a.quotes) if len(qa) >= 2]
    if not pieces:
        return False
    wholes = [_joined(qb).text for qb in quote_parts(b.quotes)]
    return any(fragments_of(parts, whole) is not None for parts in pieces for whole in wholes)


def _who(version: Version) -> str | None:
    speaker = next((q.speaker for q in version.quotes if q.speaker), None)
    credit = speaker or version.credit
    return credit if credit and is_named_source(credit) else None


def _comparable(numbers: Sequence[NumberMention]) -> list[NumberMention]:
    return [n for n in numbers if n.kind in COMPARED_KINDS]


def _compare_numbers(reference_version: Version, other_version: Version) -> list[_Finding]:
    findings: list[_Finding] = []
    ref_left = _comparable(reference_version.numbers)
    other_left = _comparable(other_version.numbers)
    reference_places = places_of(reference_version.text)
    other_places = places_of(other_version.text)
    # Same value first: what changed can only be the hedge or the thing counted.
    for ref in list(ref_left):
        match = next((o for o in other_left if values_match(ref, o)), None)
        if match is None:
            continue
        ref_left.remove(ref)
        other_left.remove(match)
        if _subject_changed(ref, match, reference_version, other_version):
            findings.append(
                _Finding(
                    DivergenceType.NUMBER_SUBJECT_CHANGED, f"{describe(ref)} → {describe(match)}"
                )
            )
        if _hedge(ref) != _hedge(match):
            findings.append(
                _Finding(DivergenceType.QUALIFIER_CHANGED, f"{describe(ref)} → {describe(match)}")
            )
    # The same value measured in one version and counted in the other ("60,000 hectares
    # of paddy" and "60,000 homes"): what it counts has changed.
    findings += _pair_off(
        ref_left, other_left, _measured_and_counted, DivergenceType.NUMBER_SUBJECT_CHANGED
    )
    # "rose 2.1 percentage points" told as "rose by 2.1%": a rate of 76.3% that rose by
    # 2.1% is 77.9%, not 78.4%. The same number in points and in per cent is a change.
    findings += _pair_off(ref_left, other_left, _points_and_percent, DivergenceType.NUMBER_CHANGED)
    # A figure one slip from another (214 and 241, 25,000 and 250,000) is that figure
    # misquoted, whatever either side says it counts: pair those before reading subjects,
    # so the slip is not taken for a change of a smaller figure nearby.
    findings += _pair_off(ref_left, other_left, _slipped, DivergenceType.NUMBER_CHANGED)
    # Then different values on the same thing: a rounding is a hedge, the rest a change.
    for ref in list(ref_left):
        # an age is compared with ages only: "44 years old" is no rounding of a career's
        # "more than 40 years"
        candidates = [o for o in other_left if o.kind == ref.kind and is_age(o) == is_age(ref)]
        rounded = next(
            (o for o in candidates if is_rounding_of(o, ref) or is_rounding_of(ref, o)), None
        )
        if rounded is not None:
            ref_left.remove(ref)
            other_left.remove(rounded)
            findings.append(
                _Finding(
                    DivergenceType.QUALIFIER_CHANGED,
                    f"{describe(ref)} → {describe(rounded)} (rounded)",
                )
            )
            continue
        bound = next((o for o in candidates if _is_bound_of(o, ref) or _is_bound_of(ref, o)), None)
        if bound is not None:
            # "between 420,000 and 450,000" told as "up to 450,000": the same end of the
            # range under a different hedge.
            ref_left.remove(ref)
            other_left.remove(bound)
            findings.append(
                _Finding(DivergenceType.QUALIFIER_CHANGED, f"{describe(ref)} → {describe(bound)}")
            )
            continue
        same_thing = [
            o
            for o in candidates
            if ref.subject
            and o.subject
            and (
                subject_similarity(ref.subject, o.subject) >= SAME_SUBJECT_FROM
                or _same_family(ref.subject, o.subject)
            )
        ]
        rivals = [
            r for r in _of_kind(ref_left, ref.kind) if r is ref or not _counts_other(r, candidates)
        ]
        if not same_thing and len(candidates) == 1 and len(rivals) == 1:
            # The one figure of its kind left on each side, one not saying what it counts
            # ("$2.5 billion" against "$5.2 billion"), or one slip from the other (241
            # for 214): in one claim, the same figure. A figure that plainly counts
            # something else ("a $1.2bn charge" beside "$310m" and "$350m for severance")
            # is no rival.
            (only,) = candidates
            unsaid = not (ref.subject and only.subject)
            if is_near_miss(ref, only) or (
                unsaid
                and _within_factor(ref, only, 3.0)
                and _said_alike(ref, reference_version.text, only, other_version.text)
            ):
                same_thing = [only]
        # "six men" among "seven people" is a part of the count, not a change of it, and
        # so is a count at one named hospital among those at the area's hospitals.
        same_thing = [
            o
            for o in same_thing
            if not is_part_of(ref, o)
            and not _few_apart(ref, o)
            and not one_place_against_many(ref, reference_places, o, other_places)
        ]
        if same_thing:
            changed = max(same_thing, key=lambda o: subject_similarity(ref.subject, o.subject))
            ref_left.remove(ref)
            other_left.remove(changed)
            findings.append(
                _Finding(DivergenceType.NUMBER_CHANGED, f"{describe(ref)} → {describe(changed)}")
            )
    findings.extend(_compare_dates(reference_version.numbers, other_version.numbers))
    return findings


def _pair_off(
    ref_left: list[NumberMention],
    other_left: list[NumberMention],
    pairs: Callable[[NumberMention, NumberMention], bool],
    kind: DivergenceType,
) -> list[_Finding]:
    """Each reference figure with the first other figure ``pairs`` accepts, both taken
    off the lists left to compare, as a ``kind`` finding."""
    findings = []
    for ref in list(ref_left):
        other = next((o for o in other_left if pairs(ref, o)), None)
        if other is not None:
            ref_left.remove(ref)
            other_left.remove(other)
            findings.append(_Finding(kind, f"{describe(ref)} → {describe(other)}"))
    return findings


def _slipped(ref: NumberMention, other: NumberMention) -> bool:
    return (
        ref.kind == other.kind and is_near_miss(ref, other) and not _rounded_either_way(ref, other)
    )


def _points_and_percent(a: NumberMention, b: NumberMention) -> bool:
    """One figure in percentage points and the other, of the same value, in per cent."""
    kinds = {a.kind, b.kind}
    if kinds != {NumberKind.PERCENT, NumberKind.MEASURE} or (a.low, a.high) != (b.low, b.high):
        return False
    points = a if a.kind is NumberKind.MEASURE else b
    return points.subject == "percentage points"


def _within_factor(a: NumberMention, b: NumberMention, factor: float) -> bool:
    """Neither figure is more than ``factor`` times the other: "45.8%" is no misquote of
    "more than 10%", nor "two men" of "more than 100 people"."""
    low, high = sorted((abs(a.low), abs(b.low)))
    if low <= 0:
        return False
    slipped_zeros = math.log10(high / low)
    return high <= factor * low or abs(slipped_zeros - round(slipped_zeros)) < 1e-9


def _few_apart(a: NumberMention, b: NumberMention) -> bool:
    """Two small counts far apart in proportion ("one person", "three patients"; "six
    taken", "three taken"): in news they are nearly always two groups of the story, not
    one count misquoted."""
    small = a.kind is NumberKind.COUNT and max(a.low, b.low) <= 10
    return small and (min(a.low, b.low) <= 1 or abs(a.low - b.low) > 2)


def _compare_dates(
    reference: Sequence[NumberMention], other: Sequence[NumberMention]
) -> list[_Finding]:
    """A year, date or clock time told differently ("built in 1987" → "built in 1978").

    Only when both versions give the same number of years (or dates) and exactly one of
    them differs: a version that adds or drops a date says more or less, not otherwise.
    """
    findings = []
    for kind in (NumberKind.YEAR, NumberKind.DATE, NumberKind.TIME):
        ref_dates = [n for n in reference if n.kind is kind]
        other_dates = [n for n in other if n.kind is kind]
        if not ref_dates or len(ref_dates) != len(other_dates):
            continue
        ref_left = [r for r in ref_dates if not any(_same_date(r, o) for o in other_dates)]
        other_left = [o for o in other_dates if not any(_same_date(o, r) for r in ref_dates)]
        if len(ref_left) == 1 and len(other_left) == 1:
            (ref,), (changed,) = ref_left, other_left
            if ref.low <= changed.high and changed.low <= ref.high:
                continue  # "between 2002 and 2008" and "by 2008" overlap: not a change
            if time_within_bound(ref, changed) or time_within_bound(changed, ref):
                continue  # "shortly after 2 a.m." covers "2:17 a.m."
            findings.append(
                _Finding(DivergenceType.NUMBER_CHANGED, f"{ref.surface} → {changed.surface}")
            )
    return findings


CONTEXT_WORDS = 10
"""How many words either side of a figure say what it is about when it names nothing."""


def _said_alike(a: NumberMention, a_text: str, b: NumberMention, b_text: str) -> bool:
    """The words around two figures share something ("corporation tax at 25%" and "cut
    corporation tax to 23%"), so a figure that does not say what it counts is not set
    against an unrelated one ("energy costs had risen 18 per cent")."""
    return bool(_near_families(a.surface, a_text) & _near_families(b.surface, b_text))


def _near_families(surface: str, text: str, reach: int = CONTEXT_WORDS) -> set[str]:
    """The word families within ``reach`` words either side of ``surface`` in ``text``."""
    at = text.find(surface)
    if at < 0:
        return set()
    before = text[:at].split()[-reach:]
    after = text[at + len(surface) :].split()[:reach]
    return _word_families(" ".join(before + after))


def _measured_and_counted(a: NumberMention, b: NumberMention) -> bool:
    kinds = {a.kind, b.kind}
    return (
        kinds == {NumberKind.MEASURE, NumberKind.COUNT}
        and a.low == b.low
        and a.high == b.high
        and a.high >= 100
        and bool(a.subject and b.subject)
    )


def _counts_other(figure: NumberMention, candidates: Sequence[NumberMention]) -> bool:
    """``figure`` says what it counts, and none of ``candidates`` counts that."""
    return bool(figure.subject) and all(
        c.subject
        and subject_similarity(figure.subject, c.subject) < SUBJECT_CHANGED_BELOW
        and not _same_family(figure.subject or "", c.subject)
        for c in candidates
    )


def _rounded_either_way(a: NumberMention, b: NumberMention) -> bool:
    return is_rounding_of(a, b) or is_rounding_of(b, a)


def _same_date(a: NumberMention, b: NumberMention) -> bool:
    """The same year or day, where a date that leaves out its year (or day) agrees with
    one that gives it: "March 3" is "March 3, 2025"."""
    if values_match(a, b):
        return True
    if a.kind is not NumberKind.DATE or b.kind is not NumberKind.DATE:
        return False
    if a.low != a.high or b.low != b.high:
        return False
    parts_a, parts_b = _date_parts(a.low), _date_parts(b.low)
    return all(x == y or 0 in (x, y) for x, y in zip(parts_a, parts_b, strict=True))


def _date_parts(value: float) -> tuple[int, int, int]:
    """(year, month, day) of a date value, 0 where the text left it out."""
    number = int(value)
    return number // 10_000, number // 100 % 100, number % 100


def _subject_changed(
    ref: NumberMention, other: NumberMention, ref_version: Version, other_version: Version
) -> bool:
    """The same figure counts a different thing, not the same thing by another name."""
    if not (ref.subject and other.subject):
        return False
    if subject_similarity(ref.subject, other.subject) >= SUBJECT_CHANGED_BELOW:
        return False
    if _same_family(ref.subject, other.subject):
        return False  # "tonnes of toluene" and "tonnes of solvent"; "ships" and "vessels"
    if _story_synonyms_meet(ref.subject, other.subject, ref_version.synonyms):
        return False  # "40% of the spilled toluene" and "40% of the lost solvent"
    return not (
        _mentioned_near(other.subject, ref_version.text, ref.surface)
        or _mentioned_near(ref.subject, other_version.text, other.surface)
    )


def story_synonyms(claims: Iterable[Sequence[Version]]) -> frozenset[frozenset[str]]:
    """Words one story's outlets use for the same stuff: what two versions of a claim
    measure in one unit at one figure ("300 tonnes of toluene", "300 tonnes of toxic
    solvent" make "toluene" and "solvent" one thing in this story).

    >>> from storydiff.coverage.numbers import find_numbers
    >>> claim = [Version("a", "", find_numbers("It spilled 300 tonnes of toluene."), (), None),
    ...          Version("b", "", find_numbers("It spilled 300 tonnes of solvent."), (), None)]
    >>> sorted(sorted(pair) for pair in story_synonyms([claim]))
    [['solvent', 'toluen']]
    """
    pairs: set[frozenset[str]] = set()
    for versions in claims:
        # Only measures with a subject can meet, and versions that give the same ones
        # meet alike: each distinct set is compared once (with itself when two versions
        # give it), so a claim many outlets tell costs its variants, not its pairs.
        measured: dict[tuple[NumberMention, ...], int] = {}
        for version in versions:
            measures = tuple(
                x for x in version.numbers if x.kind is NumberKind.MEASURE and x.subject
            )
            if measures:
                measured[measures] = measured.get(measures, 0) + 1
        distinct = list(measured)
        for n, left in enumerate(distinct):
            for right in distinct[n if measured[left] > 1 else n + 1 :]:
                pairs.update(_same_measure_materials(left, right))
    return frozenset(pairs)


def _same_measure_materials(
    a: Sequence[NumberMention], b: Sequence[NumberMention]
) -> set[frozenset[str]]:
    pairs: set[frozenset[str]] = set()
    for x in a:
        for y in b:
            if not (
                x.kind is NumberKind.MEASURE
                and values_match(x, y)
                and x.subject
                and y.subject
                and head_family(x.subject) == head_family(y.subject)
            ):
                continue
            for u in _material(x.subject):
                pairs.update(frozenset({u, v}) for v in _material(y.subject) if u != v)
    return pairs


def _material(subject: str) -> set[str]:
    """The stems of what a measure is of: "tonnes of toxic solvent" → toxic, solvent."""
    _, of, material = subject.casefold().partition(" of ")
    return {stem(w) for w in content_terms(material)} if of else set()


def _story_synonyms_meet(a: str, b: str, synonyms: frozenset[frozenset[str]]) -> bool:
    words_a = {stem(w) for w in content_terms(a)}
    words_b = {stem(w) for w in content_terms(b)}
    return any(frozenset({u, v}) in synonyms for u in words_a for v in words_b if u != v)


_GENERIC_PEOPLE = frozenset({"person", "death"})
"""Families that count people of any kind: "11 people" and "11 commuters" count the same
thing, said more or less precisely; "38 passengers" and "38 firefighters" do not."""

_PEOPLE_FAMILIES = _GENERIC_PEOPLE | {"worker", "child", "injured"}

def head_family(subject: str) -> str:
    """The family of a subject's first word: its head or its unit ("tonnes of ...")."""
    words = subject.casefold().split()
    return _word_family(words[0]) if words else ""


def _word_family(word: str) -> str:
    word = word.removesuffix("'s").removesuffix("’s")
    singular = word[:-3] + "y" if word.endswith("ies") else word
    irregular = {"men": "man", "women": "woman", "children": "child"}
    candidates: tuple[str, ...] = (word, singular, word.removesuffix("s"), word.removesuffix("es"))
    if word in irregular:
        candidates = (irregular[word],)
    for candidate in candidates:
        if candidate in NEWS_SYNONYMS:
            return NEWS_SYNONYMS[candidate]
        if candidate in PEOPLE_NOUNS:
            return f"people:{candidate}"
    return stem(word)


def _same_family(a: str, b: str) -> bool:
    """Two subjects name the same kind of thing: their units or heads are one family,
    or one counts people in general and the other some particular people.

    A subject is read in full, not only its first word: "Tidewater employees" and
    "company's workers" meet on their nouns. Possessives ("the town's") place a
    figure; they do not say what it counts, so a subject of possessives alone says
    nothing either way.
    """
    if head_family(a) == head_family(b):
        return True
    families_a, families_b = _families(a), _families(b)
    if not families_a or not families_b:
        return True
    if families_a & families_b:
        return True
    generic = bool((families_a | families_b) & _GENERIC_PEOPLE)
    return generic and _counts_people(families_a) and _counts_people(families_b)


def _counts_people(families: set[str]) -> bool:
    return any(f in _PEOPLE_FAMILIES or f.startswith("people:") for f in families)


def _families(subject: str) -> set[str]:
    words = [w for w in subject.casefold().split() if not w.endswith(("'s", "’s"))]
    return {_word_family(w) for w in words}


def _word_families(text: str) -> set[str]:
    # Five letters are enough to meet "volunteers" with "voluntarily" and "transplant"
    # with "transplanted" without a stemmer's rules.
    return {term[:5] for term in content_terms(text)}


NEAR_WORDS = 3
"""How many words either side of a number still describe what it counts. Six let
"14 pieces from two display cases" pass for "14 display cases"; three keep "voluntarily
donated by 2,766 people" for "2,766 volunteers"."""


def _mentioned_near(subject: str, text: str, surface: str) -> bool:
    """Most of what ``subject`` names is said close to ``surface`` in ``text``.

    Then the other outlet counted the same thing and only named it differently
    ("voluntarily donated by 2,766 people" are the "2,766 volunteers"); a word far off
    in the sentence ("... organs removed to use for transplants") does not count.
    """
    wanted = _word_families(subject)
    near = _near_families(surface, text, NEAR_WORDS)
    return bool(wanted) and len(wanted & near) * 2 > len(wanted)


_SAME_HEDGE = {"at most": "up to"}
"""Hedges that say the same thing: "capped at 52 weeks" and "up to 52 weeks"."""


def _hedge(mention: NumberMention) -> str | None:
    hedge = mention.qualifier or None
    return _SAME_HEDGE.get(hedge, hedge) if hedge else None


_UPPER_HEDGES = frozenset({"up to", "at most", "less than", "nearly"})
_LOWER_HEDGES = frozenset({"at least", "more than"})


def _is_bound_of(single: NumberMention, span: NumberMention) -> bool:
    """``single`` is one end of the range ``span``, hedged to say which end it is."""
    if single.low != single.high or span.low == span.high:
        return False
    hedge = single.qualifier or ""
    return (hedge in _UPPER_HEDGES and single.high == span.high) or (
        hedge in _LOWER_HEDGES and single.low == span.low
    )


def _of_kind(numbers: Sequence[NumberMention], kind: NumberKind) -> list[NumberMention]:
    return [n for n in numbers if n.kind == kind]


def joined_quotes(quotes: Sequence[Quote]) -> list[Quote]:
    """A quotation split around "she said" becomes one again, so that its words are
    compared whole: "Our members are exhausted," she said, "and patients pay." """
    return [_joined(parts) for parts in quote_parts(quotes)]


def quote_parts(quotes: Sequence[Quote]) -> list[list[Quote]]:
    """The quotations of a version, each as the parts it was split into: a part with no
    speaker of its own carries on the quotation before it. A name in quotation marks
    ("a charity called 'Smiles for Life'") is nobody's words, and no part."""
    groups: list[list[Quote]] = []
    for quote in quotes:
        if is_quoted_name(quote.text):
            continue
        if groups and quote.speaker in (groups[-1][0].speaker, None):
            groups[-1].append(quote)
        else:
            groups.append([quote])
    return groups


def _joined(parts: Sequence[Quote]) -> Quote:
    return Quote(
        text=" ".join(p.text.strip() for p in parts),
        speaker=parts[0].speaker,
        start=parts[0].start,
        end=parts[-1].end,
    )


def compare_quoted(
    a: Sequence[Quote], b: Sequence[Quote]
) -> QuoteComparison:
    """Two quotations, each given as its parts, word by word. Pieces of one statement
    quoted apart, each word for word, are a trim of it, not a change of its words."""
    text_a, text_b = _joined(a).text, _joined(b).text
    comparison = quote_words_changed(text_a, text_b)
    if not comparison.altered:
        return comparison
    return (
        fragments_of([p.text for p in b], text_a)
        or fragments_of([p.text for p in a], text_b)
        or comparison
    )


def _compare_quotes(reference_version: Version, other_version: Version) -> list[_Finding]:
    findings: list[_Finding] = []
    unpaired = [(parts, _joined(parts)) for parts in quote_parts(other_version.quotes)]
    for ref_parts in quote_parts(reference_version.quotes):
        ref = _joined(ref_parts)
        overlaps = [_quote_overlap(ref.text, joined.text) for _, joined in unpaired]
        if not overlaps or max(overlaps) < QUOTE_PAIR_FROM:
            continue
        best_parts, best = unpaired.pop(overlaps.index(max(overlaps)))
        comparison = compare_quoted(ref_parts, best_parts)
        if comparison.altered:
            findings.append(_Finding(DivergenceType.QUOTE_ALTERED, comparison.description))
        elif (
            comparison.trimmed
            and not _quotes_more(best.text, ref.text)
            and len(_WORDS.findall(best.text)) >= MIN_QUOTED_WORDS
        ):
            # An outlet that quotes more than the reference did not trim anything: the
            # reference's outlet split the quotation, or chose the shorter part. A word
            # or two in quotation marks ("devastated") is a quoted word, not a trim.
            findings.append(_Finding(DivergenceType.QUOTE_TRIMMED, comparison.description))
        if (
            ref.speaker
            and best.speaker
            # "the statement" is whoever issued it: no credit to set against a name
            and is_named_source(ref.speaker)
            and is_named_source(best.speaker)
            and not _same_source_in(
                ref.speaker,
                reference_version.text,
                best.speaker,
                other_version.text,
                reference_version.cast,
            )
        ):
            findings.append(
                _Finding(
                    DivergenceType.ATTRIBUTION_CHANGED,
                    f"quote credited to {ref.speaker} → credited to {best.speaker}",
                )
            )
    return findings


def _quotes_more(text: str, than: str) -> bool:
    return len(_WORDS.findall(text)) > len(_WORDS.findall(than))


def _quote_overlap(a: str, b: str) -> float:
    if min(len(a), len(b)) < 8:
        return 0.0
    return float(fuzz.partial_ratio(a.casefold(), b.casefold()))


def _compare_credits(reference_version: Version, other_version: Version) -> list[_Finding]:
    reference, other = reference_version.credit, other_version.credit
    if (
        reference
        and other
        and is_named_source(reference)
        and is_named_source(other)
        and not _same_source_in(
            reference, reference_version.text, other, other_version.text, reference_version.cast
        )
    ):
        return [
            _Finding(
                DivergenceType.ATTRIBUTION_CHANGED, f"credited to {reference} → credited to {other}"
            )
        ]
    return []


def different_people(
    a: str, a_text: str, b: str, b_text: str, cast: Mapping[str, frozenset[str]]
) -> bool:
    """Each credit names a person of the story, and they are two people: "said police
    spokesman Jon Marrow" and "Ibarra said". A person is a surname the story describes
    somewhere (a first name, a title); "Reuters" or "the sheriff's office" is none."""
    return (
        _names_person(a, cast)
        and _names_person(b, cast)
        and not _same_source_in(a, a_text, b, b_text, cast)
    )


def _names_person(credit: str, cast: Mapping[str, frozenset[str]]) -> bool:
    words = [w.strip(".,'’") for w in credit.split()]
    if not words or not words[-1][:1].isupper() or words[-1].isupper():
        return False  # "police", "law enforcement sources", "HPD"
    start = len(words)
    while start > 0 and words[start - 1][:1].isupper() and words[start - 1] != "The":
        start -= 1
    # "The Varessan Red Cross", "the Ministry of Disaster Management": a name that
    # takes an article or an "of" is an organisation's
    if start > 0 and words[start - 1].casefold() in {"the", "of", "a", "an"}:
        return False
    surname = words[-1].casefold().removesuffix("'s")
    return surname not in ORGANISATION_WORDS and bool(cast.get(surname))


def _same_source_in(
    a: str, a_text: str, b: str, b_text: str, cast: Mapping[str, frozenset[str]]
) -> bool:
    """``_same_source``, or one credit is the organisation the other's person speaks for
    in their own sentence: "the agency" and "Dr Ines Varga, the agency's chief
    epidemiologist"."""
    if _same_source(a, b):
        return True
    if _named_by_role(a, b, cast) or _named_by_role(b, a, cast):
        return True
    for person, text, other in ((a, a_text, b), (b, b_text, a)):
        organisation = affiliation_of(text, person)
        # The other credit must name the organisation and nobody else: "Board
        # spokeswoman Ines Carrow" is a person of the board, not the board.
        if (
            organisation
            and _may_be_organisation(organisation)
            and not _is_person(other)
            and _name_words(other) <= _name_words(organisation)
            and _same_source(organisation, other)
        ):
            return True
    return False


def story_cast(credits: Iterable[str], sentences: Iterable[str]) -> dict[str, frozenset[str]]:
    """Who is who in a story: each person's surname with the words used to describe them.

    Taken from every speaker and credit ("Finance Minister Helena Marsh-Tobin", "Chief
    Officer Ines Bradbury of the fire service") and from appositions in the text ("Lorna
    Vale, the emergency services minister,"), across all outlets, so that "the minister"
    in one outlet and "Ms Marsh-Tobin" in another are known to be one person.

    >>> sorted(story_cast(["Chief Officer Ines Bradbury"], [])["bradbury"])
    ['chief', 'ines', 'officer']
    """
    described: dict[str, set[str]] = {}
    texts = list(sentences)
    phrases = [
        *credits,
        *(f"{m[2]} {m[1]}" for t in texts for m in _APPOSITION.finditer(t)),
        *(m[0] for t in texts for m in _TITLED_NAME.finditer(t)),
    ]
    for phrase in phrases:
        words = [w.strip(".,'’") for w in phrase.split()]
        names = [
            n for n, w in enumerate(words) if w[:1].isupper() and w.casefold() not in _CAST_SKIP
        ]
        if not names:
            continue
        surname = words[names[-1]].casefold().removesuffix("'s")
        if surname in ORGANISATION_WORDS:
            continue  # "the National Union", "Tollbridge College": nobody's surname
        described.setdefault(surname, set()).update(
            w.casefold() for n, w in enumerate(words) if n != names[-1] and w
        )
    return {name: frozenset(words) for name, words in described.items()}


# "Lorna Vale, the emergency services minister," → (name, role)
_APPOSITION = re.compile(
    r"\b((?:[A-Z][\w'’-]+ )+[A-Z][\w'’-]+), (?:the|a|an|its|their) ([a-z][a-z -]{2,40}?)[,.]"
)
# "Finance Minister Helena Marsh-Tobin", "fire chief Ines Bradbury"
_TITLED_NAME = re.compile(
    r"\b(?:[A-Z][a-z]+ ){0,3}"
    r"(?:[Mm]inister|[Oo]fficer|[Cc]hief|[Ss]ecretary|[Pp]resident|[Mm]ayor|[Jj]udge|"
    r"[Dd]irector|[Cc]ommissioner|[Ss]pokes(?:man|woman|person)|[Gg]overnor|[Cc]hair(?:man|"
    r"woman)?|[Ll]eader|[Pp]rosecutor|[Pp]rofessor|[Ee]xecutive|[Mm]anager|[Cc]ouncillor)"
    r"(?: [A-Z][\w'’-]+){1,3}"
)
_CAST_SKIP = frozenset({"the", "a", "an", "of", "mr", "mrs", "ms", "dr", "prof", "sir"})


def _named_by_role(role: str, named: str, cast: Mapping[str, frozenset[str]]) -> bool:
    """``role`` names a person by their office alone ("the fire chief", "The finance
    minister") and the story describes the person ``named`` by that office."""
    role_words = _office_words(role)
    if not role_words:
        return False
    names = [w.strip(".,'’") for w in named.split() if w[:1].isupper()]
    names = [w for w in names if w.casefold() not in _CAST_SKIP]
    if not names:
        return False
    described = cast.get(names[-1].casefold().removesuffix("'s"), frozenset())
    return role_words[-1] in described


_HONORIFICS = frozenset(
    {"mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "dame", "lord", "lady"}
)


def _is_person(credit: str) -> bool:
    return any(w.strip(".,").casefold() in _HONORIFICS for w in credit.split())


def _may_be_organisation(affiliation: str) -> bool:
    """ "the agency" or "Brackwell Foods", not a lone name: "Pask's campaign manager"
    speaks for Pask, and a quotation of his manager's is not a quotation of Pask's."""
    words = affiliation.split()
    return len(words) > 1 or not words[0][:1].isupper()


_TITLE_WORDS = TITLE_WORDS | {"the", "a", "an"}


def _same_source(a: str, b: str) -> bool:
    """One source under two descriptions: "Orrell" and "Chief Fire Officer Dagny Orrell",
    "the Aldmoor Health Board" and "Health officials", "the city police" and "police"."""
    if same_credit(a, b):
        return True
    if _by_title_of(a, b) or _by_title_of(b, a):
        return True
    if _government_and_its_part(a, b) or _government_and_its_part(b, a):
        return True
    # Every name word of one is in the other ("Orrell" in "Chief Fire Officer Dagny
    # Orrell"): one word in common is not enough ("Westmarch Regional Water Authority"
    # is not the "Lindenholt Clean Water Alliance").
    names_a, names_b = _name_words(a), _name_words(b)
    shorter, longer = sorted((names_a, names_b), key=len)
    return (bool(shorter) and shorter <= longer) or _head_word(a) == _head_word(b)


_GOVERNMENT_PARTS = frozenset(
    {"government", "ministry", "minister", "department", "cabinet", "administration"}
)


def _government_and_its_part(whole: str, part: str) -> bool:
    """ "The government" stands for any of its ministries, ministers and departments:
    crediting it instead of the Ministry of Disaster Management names no other source."""
    words = [w.strip(".,'’").casefold() for w in whole.split()]
    if not words or words[-1] != "government":
        return False
    return bool(_GOVERNMENT_PARTS & {w.strip(".,'’").casefold() for w in part.split()})


def _office_words(credit: str) -> list[str]:
    """The words of a credit that names a person by office alone ("the fire chief",
    "The finance minister"), articles left out; none when it holds a name."""
    if any(w[:1].isupper() for w in credit.split()[1:]):
        return []
    words = [w.strip(".,'’").casefold() for w in credit.split()]
    while words and words[0] in {"the", "a", "an"}:
        words = words[1:]
    return words


def _by_title_of(title: str, named: str) -> bool:
    """``title`` is a person by their office alone, and ``named`` gives that office with
    a name: "the judge" and "Judge Ada Kalinowski", "the mayor" and "Mayor Tom Reyes"."""
    words = _office_words(title)
    if not words:
        return False
    named_words = [w.strip(".,'’").casefold() for w in named.split()]
    return len(named_words) > len(words) and words[-1] in named_words


def _head_word(credit: str) -> str:
    """The noun a credit ends on: "the Aldmoor police" and "that police" are one source."""
    words = credit.casefold().split()
    return words[-1].strip(".,'\u2019").removesuffix("s") if words else ""


def _name_words(credit: str) -> set[str]:
    # An acronym ("UN", "EU") is a name however short.
    return {
        w.casefold().strip(".,'’")
        for w in credit.split()
        if w[:1].isupper()
        and (len(w) >= 3 or (len(w) >= 2 and w.isupper()))
        and w.casefold().strip(".") not in _TITLE_WORDS
    }


_GENERIC_SOURCES = frozenset(
    [
        "report",
        "reports",
        "study",
        "survey",
        "authors",
        "author",
        "officials",
        "official",
        "experts",
        "expert",
        "sources",
        "source",
        "researchers",
        "documents",
        "document",
        "statement",
        "statements",
        "figures",
        "data",
        "analysis",
        "people",
        "person",
        "someone",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "witnesses",
        "residents",
        "trio",
        "critics",
        "observers",
        "analysts",
        "reporters",
        "media",
        "he",
        "she",
        "they",
        "it",
        "this",
        "that",
        "its",
        "their",
        "his",
        "her",
        "new",
        "latest",
        "company",
        "firm",
        "seen",
        "obtained",
        "released",
        "published",
        "cited",
        "familiar",
        "matter",
        "inspectors",
        "inspector",
        "investigators",
        "agents",
        "officers",
        "deputies",
        "detectives",
        "troopers",
        "investigator",
        "scientists",
        "doctors",
        "authorities",
        "city",
        "town",
        "county",
        "local",
        "senior",
    ]
)
"""Who a claim is credited to when the credit names nobody in particular."""


@lru_cache(maxsize=8192)
def is_named_source(credit: str) -> bool:
    """A particular source (Amnesty International, the fire brigade, police), not a
    generic one (the report, officials, the authors)."""
    words = [w.strip(".,'\u2019").casefold() for w in credit.split()]
    words = [w for w in words if w not in {"the", "a", "an", "new", "s"}]
    if not words or all(w in _GENERIC_SOURCES for w in words):
        return False
    # "the fitness technology group" describes a company another outlet names; it is
    # not a different source.
    lowercase = not any(w[:1].isupper() for w in credit.split()[1:])
    return not (lowercase and words[-1] in _DESCRIBED_BUSINESS)


_DESCRIBED_BUSINESS = frozenset(
    {
        "group", "company", "firm", "operator", "maker", "manufacturer", "retailer",
        "carrier", "insurer", "lender", "chain", "business", "giant", "startup",
        "developer", "conglomerate", "supplier", "producer",
    }
)  # fmt: skip
