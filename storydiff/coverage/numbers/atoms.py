"""Reading one match of the number pattern: digits, number words, fractions, clock
times, dates and vague amounts, each as a value (or range) of one kind.
"""

from __future__ import annotations

import math
import re
from dataclasses import replace

from storydiff.coverage.model import NumberKind, NumberMention
from storydiff.coverage.numbers.vocabulary import (
    _DURATION_UNITS,
    _FRACTIONS,
    _MAGNITUDES,
    _MEASURE_UNITS,
    _MONTHS,
    _ORDINALS,
    _SCALES,
    _TENS,
    _UNITS,
    _YEAR_DIGITS,
    _ZONE,
    VAGUE,
    _word_before,
    _wordset,
)


def _read(match: re.Match[str]) -> NumberMention | None:
    group = match.lastgroup
    start, end = match.span()
    surface = match.group()
    if group == "skip" or group is None:
        return None
    if group == "time":
        minutes = _clock_minutes(surface)
        return None if minutes is None else _mention(surface, minutes, NumberKind.TIME, start, end)
    if group == "date":
        return _mention(surface, _date_value(match), NumberKind.DATE, start, end)
    if group == "decade":
        first = float(surface[:4])
        return _mention(surface, first, NumberKind.YEAR, start, end, high=first + 9)
    if group == "age":
        mention = _mention(surface, float(match["agen"]), NumberKind.MEASURE, start, end)
        return replace(mention, subject="years old")
    if group == "ordnum":
        return _mention(surface, float(match["ordn"]), NumberKind.ORDINAL, start, end)
    if group == "ordword":
        return _mention(surface, float(_ORDINALS[surface.lower()]), NumberKind.ORDINAL, start, end)
    if group == "vague":
        return _read_vague(match)
    if group == "fraction":
        return _read_fraction(match)
    if group == "halfmag":
        value = _MAGNITUDES[match["hmag"].lower()] / 2
        return _mention(surface, value, NumberKind.COUNT, start, end)
    if group == "words":
        return _read_words(match)
    return _read_digits(match)


def _read_words(match: re.Match[str]) -> NumberMention | None:
    value = _parse_words(match["wbase"])
    if value is None:
        return None
    if match["whalf"]:
        value += 0.5  # "three and a half weeks", "two and a half million"
        if match["wmag"]:
            value *= _MAGNITUDES[match["wmag"].lower()]
    kind = NumberKind.PERCENT if match["wpct"] else NumberKind.COUNT
    return _mention(match.group(), value, kind, *match.span())


# Before "half", a word that makes it a part of something else: "the second half of
# the year", "the other half of the team" is no share.
_NOT_A_SHARE_OF_HALF = _wordset(
    "first second third fourth last latter former other back front the this that each "
    "every better bottom top"
)
_OF_A_UNIT = re.compile(r"\s+of\s+an?\s+(?P<unit>[A-Za-z]+)")


def _read_fraction(match: re.Match[str]) -> NumberMention | None:
    """A part of a whole as a percentage: "a fifth of" is 20, "two-thirds of" 66.7.

    A share is what outlets restate as a percentage ("a fifth of pupils", "20% of
    pupils"), so that is its kind; thirds and the like are rounded as outlets round
    them (66.7). A fraction of one unit ("three quarters of an hour") is no share.

    >>> from storydiff.coverage.numbers import find_numbers
    >>> [(m.surface, m.low, m.kind.value) for m in find_numbers(
    ...     "Half the staff and a third of the rest left; costs fell by a quarter.")]
    [('Half', 50.0, 'percent'), ('a third', 33.3, 'percent'), ('a quarter', 25.0, 'percent')]
    """
    sentence, (start, end) = match.string, match.span()
    numerator = match["fnum"] or match["fbynum"] or "one"
    denominator = match["fden"] or match["fbyden"] or "half"
    bare_half = not (match["fnum"] or match["fbynum"])
    if bare_half and _word_before(sentence, start) in _NOT_A_SHARE_OF_HALF:
        return None
    count = 1 if numerator.lower() in {"a", "an"} else _UNITS[numerator.lower()]
    part = count / _FRACTIONS[denominator.lower()]
    unit = _OF_A_UNIT.match(sentence, end)
    if unit is not None and unit["unit"].lower() in _DURATION_UNITS | _MEASURE_UNITS:
        # "three quarters of an hour" is 0.75 of the unit, which names the measure.
        return _mention(match.group(), _significant(part), NumberKind.COUNT, start, end)
    return _mention(match.group(), _significant(100 * part), NumberKind.PERCENT, start, end)


def _significant(value: float, digits: int = 3) -> float:
    # One in three is written 33.3%, one in a thousand 0.1%: three significant figures.
    if value == 0:
        return 0.0
    return round(value, digits - 1 - math.floor(math.log10(abs(value))))


def _read_vague(match: re.Match[str]) -> NumberMention:
    start, end = match.span()
    if match["several"]:
        unit = float(_MAGNITUDES[match["smag"].lower()])
        low, high, qualifier = 3 * unit, 9 * unit, "several"
    else:
        low, high = VAGUE[match["vunit"].lower()]
        qualifier = f"{match['vunit'].lower()} of"
        if match["vmag"]:
            scale = VAGUE[match["vmag"].lower()][0] / 2
            low, high = low * scale, (high + 1) * scale - 1
    return NumberMention(
        match.group(), float(low), float(high), NumberKind.COUNT, qualifier, None, start, end
    )


_PLURAL_AFTER = re.compile(r" (?:[a-z][a-z-]+s|people)\b")
"""A plural noun right after "2.4m": the m is millions, not metres."""


def _read_digits(match: re.Match[str]) -> NumberMention | None:
    try:
        value = float(match["digits"].replace(",", ""))
    except ValueError:
        return None
    start = match.start("cur") if match["cur"] else match.start("digits")
    end = match.end("dhalf") if match["dhalf"] else match.end("digits")
    if match["dhalf"]:
        value += 0.5  # "2 and a half years"
    scale_word = (match["scale"] or "").lower()
    # "40m" is money only with a currency sign right before; otherwise it may be metres,
    # unless what follows is a plural noun: "2.4m customers" are 2.4 million.
    if (
        scale_word in {"m", "k", "b"}
        and (not match["cur"] or match["scalesp"])
        and not (not match["scalesp"] and _PLURAL_AFTER.match(match.string, match.end("scale")))
    ):
        scale_word = ""
    if scale_word:
        value *= _SCALES[scale_word]
        end = match.end("scale")
    if not (match["cur"] or match["scale"] or match["pct"]):
        clock = _dotted_clock(match.string, start, end)
        if clock is not None:
            return clock
    if match["pct"] and (scale_word or not match["scale"]):
        kind = NumberKind.PERCENT
        end = match.end("pct")
    elif match["cur"]:
        kind = NumberKind.MONEY
    elif _looks_like_year(match["digits"]) and not scale_word:
        kind = NumberKind.YEAR
    else:
        kind = NumberKind.COUNT
    return _mention(match.string[start:end], value, kind, start, end)


_CLOCK = re.compile(
    r"(?P<h>\d{1,2})(?:[:.](?P<m>\d\d))?(?:[:.](?P<s>\d\d))?\s?(?:(?P<ap>[ap])\.?m)?", re.I
)
_ZONE_AFTER = re.compile(rf"\s?{_ZONE}")
_THE_BEFORE = re.compile(r"\bthe\s+$", re.IGNORECASE)
_TIMETABLE_AFTER = re.compile(
    r"\s+(?:(?i:service|train|departure|bus|coach|ferry|flight|sailing|express|race)\b"
    r"|(?i:from|to)\s+[A-Z])"
)
_AT_BEFORE = re.compile(
    r"\bat\s+(?:(?:about|around|approximately|roughly|exactly|precisely)\s+)?$", re.IGNORECASE
)
_TIME_OF_DAY_AFTER = re.compile(
    r"\s+(?:yesterday|today|tonight|last\s+night|this\s+(?:morning|afternoon|evening)"
    r"|in\s+the\s+(?:morning|afternoon|evening)|on\s+(?-i:[A-Z])[a-z]+day)\b",
    re.IGNORECASE,
)


def _clock_minutes(text: str) -> float | None:
    """Minutes since midnight of a clock time as written; None when it is no time of day.

    >>> [_clock_minutes(t) for t in ("6:42 a.m.", "6.42am", "06:42", "12am", "9:30 PM ET")]
    [402.0, 402.0, 402.0, 0.0, 1290.0]
    >>> _clock_minutes("13pm") is None, _clock_minutes("25:10") is None
    (True, True)
    """
    found = _CLOCK.match(text)
    if found is None:
        return None
    hour, minute, second = int(found["h"]), int(found["m"] or 0), int(found["s"] or 0)
    if minute > 59 or second > 59:
        return None
    if found["ap"]:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if found["ap"].lower() == "p" else 0)
    elif hour > 23:
        return None
    return float(hour * 60 + minute) + second / 60


def _dotted_clock(sentence: str, start: int, end: int) -> NumberMention | None:
    # "6.42" is a decimal unless something around it says it is a time of day: a leading
    # zero, a time zone, a timetable ("the 6.15 from Leeds") or "at 6.42 yesterday".
    digits = sentence[start:end]
    if not re.fullmatch(r"\d{1,2}\.\d\d", digits):
        return None
    minutes = _clock_minutes(digits)
    if minutes is None:
        return None
    before, after = sentence[max(0, start - 30) : start], sentence[end:]
    zone = _ZONE_AFTER.match(after)
    if zone is not None:
        end += zone.end()
    elif not (
        re.fullmatch(r"0\d\.\d\d", digits)
        or (_THE_BEFORE.search(before) and _TIMETABLE_AFTER.match(after))
        or (_AT_BEFORE.search(before) and _TIME_OF_DAY_AFTER.match(after))
    ):
        return None
    return _mention(sentence[start:end], minutes, NumberKind.TIME, start, end)


def _looks_like_year(digits: str) -> bool:
    return bool(re.fullmatch(_YEAR_DIGITS, digits))


def _mention(
    surface: str, value: float, kind: NumberKind, start: int, end: int, *, high: float | None = None
) -> NumberMention:
    return NumberMention(
        surface, value, value if high is None else high, kind, None, None, start, end
    )


def _parse_words(text: str) -> float | None:
    total = current = 0
    seen = False
    for word in re.findall(r"[a-z]+", text.lower()):
        if word == "and":
            continue
        if word in {"a", "an"}:
            current, seen = 1, True
        elif word in _UNITS:
            current += _UNITS[word]
            seen = True
        elif word in _TENS:
            current += _TENS[word]
            seen = True
        elif word in {"hundred", "dozen"}:
            current = max(current, 1) * _MAGNITUDES[word]
        elif word in _MAGNITUDES:
            total += max(current, 1) * _MAGNITUDES[word]
            current = 0
    return float(total + current) if seen else None


def _date_value(match: re.Match[str]) -> float:
    if match["iy"] or match["py"]:
        year, month, day = (
            (match["iy"], match["im"], match["id"])
            if match["iy"]
            else (match["py"], match["pm"], match["pd"])
        )
        return float(int(year) * 10_000 + int(month) * 100 + int(day))
    month_name = match["dm"] or match["d2m"] or match["d3m"] or match["d4m"]
    day = match["dd"] or match["d2d"] or match["d4d"] or "0"
    year = match["dy"] or match["d2y"] or match["d3y"] or "0"
    day_number = int(re.sub(r"\D", "", day) or 0)
    return float(int(year) * 10_000 + _MONTHS[month_name.lower().rstrip(".")] * 100 + day_number)
