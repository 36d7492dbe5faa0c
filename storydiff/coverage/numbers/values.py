"""Figures as values: how they are written for a reader, and when two of them are the
same figure, a slip of a digit, or a rounding of one another.
"""

from __future__ import annotations

import math
import re
import unicodedata
from functools import lru_cache

from rapidfuzz import fuzz

from storydiff.coverage.lexicon import stem
from storydiff.coverage.model import NumberKind, NumberMention
from storydiff.coverage.numbers.vocabulary import _STEM_STOP, _VAGUE_QUALIFIERS, _same

_VALUE_KEY = re.compile(r"^(-?\d+(?:\.\d+)?)(?:-(-?\d+(?:\.\d+)?))?$")


def readable_value(value: str) -> str:
    """A figure-ledger key as a person reads it; keys that are not plain numbers (dates,
    times) are already readable and come back as they are.

    >>> readable_value("1500000"), readable_value("60000-100000"), readable_value("-10--5")
    ('1.5 million', '60,000–100,000', '-10 to -5')
    """
    match = _VALUE_KEY.match(value)
    if match is None:
        return value
    low, high = match.group(1), match.group(2)
    if high is None:
        return _readable(float(low))
    joiner = " to " if high.startswith("-") else "–"
    return f"{_readable(float(low))}{joiner}{_readable(float(high))}"


def format_value(low: float, high: float, *, kind: NumberKind | None = None) -> str:
    """The figure-ledger key of a value: ``"712"``, ``"60000-100000"``, ``"2.5"``.

    Dates (``kind=NumberKind.DATE``) come out as ISO text, a missing part left out, and
    clock times (``kind=NumberKind.TIME``) as 24-hour ``HH:MM``.

    >>> format_value(402.0, 402.0, kind=NumberKind.TIME)
    '06:42'
    >>> format_value(60000.0, 100000.0)
    '60000-100000'
    >>> format_value(1.5e6, 1.5e6)
    '1500000'
    """
    if kind is NumberKind.DATE:
        return _format_date(low) if low == high else f"{_format_date(low)}/{_format_date(high)}"
    if kind is NumberKind.TIME:
        return _format_time(low) if low == high else f"{_format_time(low)}/{_format_time(high)}"
    text = _plain(low)
    return text if _same(low, high) else f"{text}-{_plain(high)}"


def describe(mention: NumberMention) -> str:
    """A short human reading of a mention: "more than 700 hospitals".

    >>> from storydiff.coverage.numbers import find_numbers
    >>> describe(find_numbers("between 60,000 and 100,000 organ transplants")[0])
    '60,000–100,000 organ transplants'
    """
    if mention.kind in {NumberKind.MONEY, NumberKind.DATE, NumberKind.ORDINAL, NumberKind.TIME}:
        core = mention.surface
    elif mention.kind is NumberKind.YEAR:
        core = format_value(mention.low, mention.high).replace("-", "–")
    elif mention.qualifier in _VAGUE_QUALIFIERS:
        core = mention.surface.lower() + (" of" if mention.subject else "")
    else:
        core = _readable(mention.low)
        if not _same(mention.low, mention.high):
            core += "–" + _readable(mention.high)
        if mention.kind is NumberKind.PERCENT:
            core += "%"
        if mention.qualifier:
            core = f"{mention.qualifier} {core}"
    return f"{core} {mention.subject}" if mention.subject else core


def values_match(a: NumberMention, b: NumberMention) -> bool:
    """Whether two mentions state the same value or range of the same kind.

    Hedges and subjects are ignored: those are the detector's other questions.
    """
    return a.kind == b.kind and _same(a.low, b.low) and _same(a.high, b.high)


@lru_cache(maxsize=65536)
def is_near_miss(a: NumberMention, b: NumberMention) -> bool:
    """Two figures one slip apart: rounded (700, 712), digits swapped (2,300, 3,200; 6.42am,
    6.24am) or a zero slipped (25,000, 250,000). Figures under 20 are too common to tell.

    >>> from storydiff.coverage.numbers import find_numbers
    >>> is_near_miss(find_numbers("2,300 nurses")[0], find_numbers("3,200 nurses")[0])
    True
    """
    if a.kind != b.kind or not (_same(a.low, a.high) and _same(b.low, b.high)):
        return False
    if min(abs(a.low), abs(b.low)) < 20 or _same(a.low, b.low):
        return False
    if is_rounding_of(a, b) or is_rounding_of(b, a):
        return True
    # A clock time slips in its written digits: 6.42am (402 minutes) and 6.24am (384).
    x, y = (re.sub(r"[^\d-]", "", format_value(m.low, m.low, kind=m.kind)) for m in (a, b))
    return sorted(x) == sorted(y) or (len(x.strip("0")) >= 2 and x.strip("0") == y.strip("0"))


def is_rounding_of(rounded: NumberMention, exact: NumberMention) -> bool:
    """Whether ``rounded`` is a hedged round figure standing for ``exact``.

    "more than 700" for 712: hedged, round (a multiple of a power of ten coarser than
    the exact figure), within 10% of it, and on the side the hedge says.
    """
    if rounded.kind != exact.kind or rounded.qualifier in (None, "exactly"):
        return False
    if rounded.qualifier in _VAGUE_QUALIFIERS:
        return False
    if not (_same(rounded.low, rounded.high) and _same(exact.low, exact.high)):
        return False
    value, target = rounded.low, exact.low
    if _same(value, target) or target == 0 or not _is_round(value):
        return False
    if _roundness(value) <= _roundness(target):
        return False
    if abs(value - target) > 0.1 * abs(target):
        return False
    if rounded.qualifier in {"more than", "at least"}:
        return target >= value
    if rounded.qualifier in {"less than", "at most", "nearly", "up to"}:
        return target <= value
    return True


def subject_similarity(a: str | None, b: str | None) -> float:
    """How alike two counted things are, 0..1, on word stems.

    "organ transplants" and "organs transplanted" score 1.0, "organ transplants" and
    "prisoners executed" 0.0. A missing subject is no evidence of a change, so when
    either side is None or empty the answer is 1.0. Symmetric.
    """
    left, right = _stems(a or ""), _stems(b or "")
    if not left or not right:
        return 1.0
    shared = sum(1 for stem in left if any(_stems_alike(stem, other) for other in right))
    shared_back = sum(1 for stem in right if any(_stems_alike(stem, other) for other in left))
    common = min(shared, shared_back)
    dice = 2 * common / (len(left) + len(right))
    overlap = common / min(len(left), len(right))
    return round((dice + overlap) / 2, 6)



def _plain(value: float) -> str:
    if math.isfinite(value) and float(value).is_integer():
        return str(int(value))
    return f"{value:.6f}".rstrip("0").rstrip(".")


def _readable(value: float) -> str:
    if abs(value) >= 1_000_000 and _same(value / 100_000, round(value / 100_000)):
        millions = value / 1_000_000
        if abs(millions) >= 1000:
            return f"{_plain(millions / 1000)} billion"
        return f"{_plain(millions)} million"
    if float(value).is_integer():
        return f"{int(value):,}"
    return _plain(value)


def _format_time(value: float) -> str:
    seconds = round(value * 60)
    hours, minutes, seconds = seconds // 3600, seconds // 60 % 60, seconds % 60
    return f"{hours:02d}:{minutes:02d}" + (f":{seconds:02d}" if seconds else "")


def _format_date(value: float) -> str:
    number = int(value)
    year, month, day = number // 10_000, number // 100 % 100, number % 100
    text = f"{year:04d}" if year else "-"
    if month:
        text += f"-{month:02d}"
        if day:
            text += f"-{day:02d}"
    return text


def _roundness(value: float) -> int:
    if not float(value).is_integer() or value == 0:
        return 0
    number, zeros = abs(int(value)), 0
    while number % 10 == 0:
        number //= 10
        zeros += 1
    return zeros


def _is_round(value: float) -> bool:
    return _roundness(value) >= 1


@lru_cache(maxsize=65536)
def _stems(text: str) -> tuple[str, ...]:
    normal = unicodedata.normalize("NFKC", text).lower().replace("’", "'")
    words = re.findall(r"[a-z0-9]+(?:'[a-z]+)?", normal)
    stems = []
    for word in words:
        word = word.removesuffix("'s")
        if word in _STEM_STOP:
            continue
        stemmed = stem(word)
        if stemmed not in stems:
            stems.append(stemmed)
    return tuple(stems)


def _stems_alike(a: str, b: str) -> bool:
    """Two stems of one word, spelt or inflected a little differently; a person who
    does a thing is not the thing ("voters" are not "votes", "drivers" not "drives").

    >>> _stems_alike("transplant", "transplanted"), _stems_alike("voter", "vote")
    (True, False)
    """
    if a == b:
        return True
    shorter, longer = sorted((a, b), key=len)
    suffix = longer[len(shorter) :] if longer.startswith(shorter) else None
    if suffix in {"er", "or"} or (suffix == "r" and shorter.endswith("e")):
        return False
    return min(len(a), len(b)) >= 4 and fuzz.ratio(a, b) >= 80


BOUND_REACH = 30
"""Minutes past (or before) a time that "shortly after" (or "just before") it still covers."""


def time_within_bound(bound: NumberMention, exact: NumberMention) -> bool:
    """A time told as a bound ("shortly after 2 a.m.") agrees with a time it covers
    ("approximately 2:17 a.m."): both may be right, so neither changed the other.

    >>> from storydiff.coverage.numbers import find_numbers
    >>> after, exact, late = (find_numbers(t)[0] for t in (
    ...     "shortly after 2 a.m.", "at 2:17 a.m.", "at 3:10 a.m."))
    >>> time_within_bound(after, exact), time_within_bound(after, late)
    (True, False)
    """
    if bound.kind is not NumberKind.TIME or exact.kind is not NumberKind.TIME:
        return False
    past = exact.low - bound.high
    if bound.qualifier == "more than":
        return 0 < past <= BOUND_REACH
    if bound.qualifier == "less than":
        return -BOUND_REACH <= exact.high - bound.low < 0
    return False

