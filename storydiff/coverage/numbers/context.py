"""A figure read with the words around it: ranges and changes ("from 65% to 74%"),
ratios, signs, labels and house numbers, hedges ("more than", "up to").
"""

from __future__ import annotations

import re
from dataclasses import replace

from storydiff.coverage.model import NumberKind, NumberMention
from storydiff.coverage.numbers.atoms import _mention, _significant
from storydiff.coverage.numbers.vocabulary import (
    _DAY,
    _DETERMINERS,
    _DURATION_UNITS,
    _MONTH,
    _QUALIFIER_AFTER,
    _QUALIFIER_BEFORE,
    _RANGE_JOIN,
    _RANGE_OPENER,
    _SCALES,
    _TENS,
    _TOKEN,
    _UNITS,
    _UP_AS_PARTICLE,
    _YEAR_DIGITS,
    QUALIFIERS,
    _is_plain_noun,
    _same,
    _word_before,
    _wordset,
)


def _join_split_years(sentence: str, atoms: list[NumberMention]) -> list[NumberMention]:
    """A financial or school year written "2028-29" or "2025/26" is one span of years,
    not a year and a count of 29.

    >>> from storydiff.coverage.numbers import find_numbers
    >>> [(m.surface, m.kind.value, m.low, m.high) for m in find_numbers("by 2028-29")]
    [('2028-29', 'year', 2028.0, 2029.0)]
    """
    joined: list[NumberMention] = []
    skip = False
    for n, first in enumerate(atoms):
        second = atoms[n + 1] if n + 1 < len(atoms) else None
        if skip:
            skip = False
            continue
        if (
            second is not None
            and first.kind is NumberKind.YEAR
            and first.low == first.high
            and sentence[first.end : second.start] in {"-", "/", "–"}
            and re.fullmatch(r"\d\d", second.surface)
            and int(second.surface) == (int(first.low) + 1) % 100
        ):
            joined.append(
                replace(
                    first,
                    surface=sentence[first.start : second.end],
                    high=first.low + 1,
                    end=second.end,
                )
            )
            skip = True
            continue
        joined.append(first)
    return joined


def _drop_units_read_as_ordinals(sentence: str, atoms: list[NumberMention]) -> list[NumberMention]:
    # "one second" is a duration: the ordinal reading of "second" must go.
    kept: list[NumberMention] = []
    for atom in atoms:
        if (
            atom.kind is NumberKind.ORDINAL
            and kept
            and kept[-1].kind is NumberKind.COUNT
            and not sentence[kept[-1].end : atom.start].strip()
        ):
            continue
        kept.append(atom)
    return kept


# A number after a label names one thing in a series or a register; it counts nothing.
# Ordinal-ish labels place it in a sequence ("Issue 112" is the 112th issue, "world No
# 1" a rank); code labels only name it ("Case No. 4471", "Room 101", "Flight BA 117").
_ORDINAL_LABELS = {
    "issue": "issue", "volume": "volume", "vol": "volume", "chapter": "chapter",
    "page": "page", "pages": "pages", "pp": "pages", "section": "section",
    "article": "article", "clause": "clause", "part": "part", "episode": "episode",
    "series": "series", "edition": "edition", "round": "round", "stage": "stage",
    "phase": "phase", "paragraph": "paragraph",
}  # fmt: skip
_CODE_LABELS = _wordset(
    "case ref reference account acct order invoice serial ticket booking policy licence "
    "license registration flight box room flat suite apartment apt gate platform seat "
    "route extension ext pin code id"
)
_LABEL_BEFORE = re.compile(
    rf"(?:(?<=\W)|^)(?:(?P<label>{'|'.join(sorted(_ORDINAL_LABELS.keys() | _CODE_LABELS))})"
    r"\.?(?P<mark>\s*(?-i:No\b)\.?|\s*nos?\.|\s+number|\s*#|\s*:|\s+(?-i:[A-Z]{1,3}\b))?"
    r"|(?P<rank>(?-i:No)\.?|no\.|number|\#))\s*$",
    re.IGNORECASE,
)
_LABELLABLE = re.compile(r"\d+(?:\s*[-–]\s*\d+)?")
_ADDRESS_AFTER = re.compile(
    r"(?:\s+[A-Z][a-z]+){1,3}\s+(?:Street|St|Road|Rd|Avenue|Ave|Lane|Ln|Drive|Dr|Way|Place"
    r"|Close|Court|Crescent|Terrace|Boulevard|Blvd|Square|Gardens|Parade|Walk)\b"
)
_STREET_WORDS = {"st": "street", "rd": "road", "ave": "avenue", "ln": "lane", "dr": "drive",
                 "blvd": "boulevard"}  # fmt: skip
_STREET_KINDS = _wordset(
    "street road avenue lane drive way place close court crescent terrace boulevard square "
    "gardens parade walk"
)


def _street(name: str) -> str:
    """The street a house number belongs to, as its subject: "Hale St" → "hale street"."""
    words = name.lower().split()
    return " ".join([*words[:-1], _STREET_WORDS.get(words[-1], words[-1])])


def is_house_number(mention: NumberMention) -> bool:
    """ "14 Hale Street": a number that names a house of a street."""
    subject = (mention.subject or "").split()
    return mention.kind is NumberKind.ORDINAL and bool(subject) and subject[-1] in _STREET_KINDS


def _read_labels(sentence: str, atoms: list[NumberMention]) -> list[NumberMention]:
    """Numbers that name rather than count: an ordinal after an ordinal-ish label,
    dropped after a code label or before a street name.

    >>> from storydiff.coverage.numbers import find_numbers
    >>> [(m.surface, m.kind.value, m.subject) for m in find_numbers(
    ...     "Issue 112 ran it; Case No. 4471, Room 101 and 14 Hale Street had 12 callers.")]
    [('112', 'ordinal', 'issue'), ('14', 'ordinal', 'hale street'), ('12', 'count', 'callers')]
    """
    kept: list[NumberMention] = []
    for atom in atoms:
        if atom.kind not in {NumberKind.COUNT, NumberKind.YEAR} or not _LABELLABLE.fullmatch(
            atom.surface
        ):
            kept.append(atom)
            continue
        street = _ADDRESS_AFTER.match(sentence, atom.end)
        if street:
            # "14 Hale Street" names a house, it counts nothing; which house is still a
            # fact outlets can get wrong, so it stays as a number of that street
            kept.append(replace(atom, kind=NumberKind.ORDINAL, subject=_street(street.group())))
            continue
        label = _LABEL_BEFORE.search(sentence[max(0, atom.start - 30) : atom.start])
        if label is None or not _is_label(sentence, atom, label):
            kept.append(atom)
            continue
        word = (label["label"] or "").lower()
        if word in _CODE_LABELS:
            continue
        kept.append(replace(atom, kind=NumberKind.ORDINAL, subject=_ORDINAL_LABELS.get(word)))
    return kept


def _is_label(sentence: str, atom: NumberMention, label: re.Match[str]) -> bool:
    # A "No." or a capital makes a label a noun ("Issue 112", "issue No. 47"); a
    # lower-case one is a label only when no noun follows the number: "in issue 47,"
    # is, but "will issue 112 permits", "order 500 tanks" and "on stage 40 dancers"
    # count something. "No 12 people came" likewise.
    if label["mark"] or label["rank"] in {"No.", "no.", "#"}:
        return True
    if label["label"] and label["label"][0].isupper():
        return True
    following = _TOKEN.findall(sentence[atom.end : atom.end + 30])
    return not (following and _is_plain_noun(following[0]))


_UNSIGNED = {NumberKind.YEAR, NumberKind.DATE, NumberKind.ORDINAL, NumberKind.TIME}
# A sign touches its figure and follows no word or figure: "60-80" is a range.
_MINUS_BEFORE = re.compile(
    r"(?:(?<![\w.,)\]])[-−–]|(?:(?<=\W)|^)(?P<word>minus|negative)\s+)$", re.IGNORECASE
)
_NO_MINUS_AFTER = _wordset("plus or and")


def _with_sign(sentence: str, mention: NumberMention) -> NumberMention:
    """``mention`` made negative when a minus is written before it ("-31C", "minus 31").

    >>> from storydiff.coverage.numbers import find_numbers
    >>> [(m.surface, m.low) for m in find_numbers("It was -31C, minus 18 degrees at noon.")]
    [('-31C', -31.0), ('minus 18', -18.0)]
    """
    if mention.kind in _UNSIGNED:
        return mention
    window_start = max(0, mention.start - 12)
    found = _MINUS_BEFORE.search(sentence[window_start : mention.start])
    if found is None:
        return mention
    start = window_start + found.start()
    if found["word"]:
        previous = sentence[:start].split()[-1:]
        # "10 minus 3" is sums and "plus or minus 3" a margin, not a value below zero.
        word = previous[0].lower() if previous else ""
        if word[-1:].isdigit() or word in _NO_MINUS_AFTER | _UNITS.keys() | _TENS.keys():
            return mention
    return replace(
        mention,
        surface=sentence[start : mention.end],
        start=start,
        low=-mention.high,
        high=-mention.low,
    )


_STAMP_BEFORE = re.compile(
    rf"(?:^|\|)\s*(?:(?:last\s+)?(?:updated|published|posted|modified)\b:?\s*)?"
    rf"(?:(?:on\s+)?(?:\w+day,?\s+)?(?:{_DAY}\s+)?(?:{_MONTH})\.?\s+(?:{_DAY},?\s+)?"
    rf"(?:{_YEAR_DIGITS})?,?\s*(?:at\s+)?)?$",
    re.IGNORECASE,
)
_STAMP_AFTER = re.compile(r"\s*(?:[—–|-]|$)")


def _is_stamp(sentence: str, mention: NumberMention) -> bool:
    # "16:40 GMT — We are pausing", "Updated 6 November 2025, 7:12pm": when a live blog
    # entry or a page was written, which no other outlet will state. A time alone is
    # no stamp: a stamp has a dash after it or a word or date before it.
    if mention.kind is not NumberKind.TIME:
        return False
    before = sentence[: mention.start]
    after = _STAMP_AFTER.match(sentence, mention.end)
    return (
        after is not None
        and _STAMP_BEFORE.search(before) is not None
        and (bool(after.group().strip()) or bool(before.strip()))
    )


_RATIO_JOIN = re.compile(r"[\s-]+(?:in|out[\s-]+of)[\s-]+(?:every[\s-]+)?", re.IGNORECASE)
# Wholes that are spans or fixtures, not groups: "3 in 10 minutes", "won 2 in 5 games".
_NOT_A_WHOLE = _wordset(
    "games matches races attempts tries starts appearances outings innings fixtures"
)


def _join_ratios(sentence: str, atoms: list[NumberMention]) -> list[NumberMention]:
    """``atoms`` with "one in five" read as a share of the whole: 20 per cent.

    "One in five schools" and "20% of schools" say one thing, and "one of five schools"
    another (one school of five), which stays a count.

    >>> from storydiff.coverage.numbers import find_numbers
    >>> [(m.surface, m.low, m.kind.value, m.subject) for m in find_numbers(
    ...     "One in five schools and nine out of ten pupils; 3 in 10 minutes.")]
    [('One in five', 20.0, 'percent', 'schools'), ('nine out of ten', 90.0, 'percent', 'pupils'), \
('3', 3.0, 'count', None), ('10', 10.0, 'measure', 'minutes')]
    """
    joined: list[NumberMention] = []
    for atom in atoms:
        part = joined[-1] if joined else None
        if part is not None and _is_ratio(sentence, part, atom):
            share = _significant(100 * part.low / atom.low)
            surface = sentence[part.start : atom.end]
            joined[-1] = _mention(surface, share, NumberKind.PERCENT, part.start, atom.end)
        else:
            joined.append(atom)
    return joined


def _is_ratio(sentence: str, part: NumberMention, whole: NumberMention) -> bool:
    if part.kind is not NumberKind.COUNT or whole.kind is not NumberKind.COUNT:
        return False  # "won 3 in 2019": a year is no whole
    if not _RATIO_JOIN.fullmatch(sentence, part.end, whole.start):
        return False
    values = (part.low, part.high, whole.low, whole.high)
    if not all(float(v).is_integer() for v in values) or part.low != part.high:
        return False
    if whole.low != whole.high or not 1 <= part.low < whole.low:
        return False
    following = re.match(r"\s+([A-Za-z]+)", sentence[whole.end :])
    return following is None or following[1].lower() not in _DURATION_UNITS | _NOT_A_WHOLE


def _join_ranges(sentence: str, atoms: list[NumberMention]) -> list[NumberMention]:
    joined: list[NumberMention] = []
    index = 0
    while index < len(atoms):
        atom = atoms[index]
        if index + 1 < len(atoms):
            earlier = _as_change(sentence, atom, atoms[index + 1])
            if earlier is not None:
                joined.append(earlier)  # the figure after "to" may still open a range
                index += 1
                continue
            pair = _as_range(sentence, atom, atoms[index + 1])
            if pair is not None:
                joined.append(pair)
                index += 2
                continue
        joined.append(atom)
        index += 1
    return joined


# Words that say a figure moved: with one before "from X to Y", X is the old level and
# Y the new one, not the ends of a range.
_CHANGE_WORDS = _wordset(
    "rise rises rising rose risen fall falls falling fell fallen increase increases "
    "increased increasing decrease decreases decreased decreasing climb climbs climbed "
    "climbing drop drops dropped dropping grow grows grew grown growing growth cut cuts "
    "cutting raise raises raised raising lower lowers lowered lowering jump jumps jumped "
    "jumping leap leaps leapt leaped soar soars soared soaring slip slips slipped slipping "
    "decline declines declined declining reduce reduces reduced reducing reduction boost "
    "boosts boosted boosting lift lifts lifted lifting slash slashes slashed slashing "
    "surge surges surged surging plunge plunges plunged plunging dip dips dipped dipping "
    "tumble tumbles tumbled tumbling shrink shrinks shrank shrunk shrinking widen widens "
    "widened widening narrow narrows narrowed narrowing double doubles doubled doubling "
    "treble trebles trebled triple triples tripled halve halves halved halving hike hikes "
    "hiked go goes went gone going change changes changed changing move moves moved "
    "moving improve improves improved improving"
)
# "up" and "down" tell a change ("is up from 3 to 5") unless a verb takes them as its
# particle ("make up from 10 to 20 per cent" of something).
_UP_DOWN = _wordset("up down")
_TAKES_UP_DOWN = _wordset(
    "make makes made making take takes took taking set sets setting use uses used using "
    "build builds built building break breaks broke broken breaking"
)
_CHANGE_SCAN_BREAKS = _wordset(
    "and or but which who that while than after when because as with where whereas"
)
_CHANGEABLE = {NumberKind.COUNT, NumberKind.PERCENT, NumberKind.MONEY, NumberKind.MEASURE}
_CHANGE_TO_LEVEL = 4
"""A change "by X to Y" is small beside the level Y; a range of changes ("rose by 5
to 10%") is seldom wider than this factor."""
_BY_BEFORE = re.compile(r"(?:(?<=\W)|^)by\s+$", re.IGNORECASE)
_FROM_BEFORE = re.compile(r"(?:(?<=\W)|^)from\s+$", re.IGNORECASE)


def _as_change(sentence: str, low: NumberMention, high: NumberMention) -> NumberMention | None:
    """``low`` as a figure of its own when "``low`` to ``high``" reports a change, or
    None when it may be the start of a range.

    After a word of change, "from X to Y" is an old level and a new one; "by X to Y"
    (or "rose X to Y") is a change and the level it reached, told from a range of
    changes by size. Without one, "from 60,000 to 100,000 transplants" is a range.

    >>> from storydiff.coverage.numbers import find_numbers
    >>> [(m.surface, m.kind.value) for m in find_numbers(
    ...     "The pass rate rose by 2.1% to 78.4%, up from 65 to 74 per cent.")]
    [('2.1%', 'percent'), ('78.4%', 'percent'), ('65', 'percent'), ('74 per cent', 'percent')]
    """
    join = _RANGE_JOIN.match(sentence[low.end : high.start])
    if join is None or join["j"].lower() != "to":
        return None
    if low.kind not in _CHANGEABLE or high.kind not in _CHANGEABLE:
        return None
    before = sentence[max(0, low.start - 60) : low.start]
    hedge = _QUALIFIER_BEFORE.search(before)
    if hedge is not None:
        before = before[: hedge.start("q")]  # "rose by about 2% to 78%"
    opener = _FROM_BEFORE.search(before)
    if opener is not None:
        return _in_unit_of(low, high) if _tells_a_change(before[: opener.start()]) else None
    verb = _word_before(before, len(before))
    if not (_BY_BEFORE.search(before) or verb in _CHANGE_WORDS or verb in _UP_DOWN):
        return None
    low_value = low.low
    scale = _trailing_scale(high.surface)
    if scale and not _trailing_scale(low.surface) and low_value * scale <= high.high:
        low_value *= scale  # "rose by 1.5 to 2 million": one scale, so a range
    return low if 0 < low_value * _CHANGE_TO_LEVEL < high.low else None


def _tells_a_change(before: str) -> bool:
    # The word of change comes a few words before "from" in the same clause: "rose
    # from", "is up from", "cut its growth forecast from".
    clause = re.split(r"[,;:()—–]", before)[-1]
    words = [w.lower() for w in re.findall(r"[A-Za-z]+", clause)][-5:]
    for index in range(len(words) - 1, -1, -1):
        word = words[index]
        if word in _CHANGE_WORDS:
            return True
        if word in _UP_DOWN and index == len(words) - 1:
            return index == 0 or words[index - 1] not in _TAKES_UP_DOWN
        if word in _CHANGE_SCAN_BREAKS:
            return False
    return False


def _in_unit_of(low: NumberMention, high: NumberMention) -> NumberMention:
    # "went from 40 to 45 per cent", "from 1.5 to 2 million": a unit or a scale written
    # once after the new level is the old level's too.
    if low.kind is not NumberKind.COUNT or not re.fullmatch(r"[\d.,]+", low.surface):
        return low
    if _is_degrees(high):
        return replace(low, kind=high.kind, subject=high.subject)
    scale = _trailing_scale(high.surface)
    if scale and low.low * scale <= high.high:
        low = replace(low, low=low.low * scale, high=low.high * scale)
    if high.kind in {NumberKind.PERCENT, NumberKind.MONEY}:
        low = replace(low, kind=high.kind)
    return low


_RANGEABLE = {
    NumberKind.COUNT,
    NumberKind.PERCENT,
    NumberKind.MONEY,
    NumberKind.YEAR,
    NumberKind.MEASURE,
    NumberKind.TIME,
}


def _as_range(sentence: str, low: NumberMention, high: NumberMention) -> NumberMention | None:
    join = _RANGE_JOIN.match(sentence[low.end : high.start])
    if join is None or low.qualifier or high.qualifier:
        return None
    if high.kind is NumberKind.DATE:
        return _day_range(sentence, low, high, join["j"].lower())
    if high.kind is NumberKind.TIME and low.kind is NumberKind.COUNT:
        low = _hour_before(low, high)  # "6-9am", "between 6 and 9pm"
    if _is_degrees(high) and low.kind is NumberKind.COUNT and not _is_degrees(low):
        low = replace(low, kind=high.kind, subject=high.subject)  # "highs of 20-25C"
    if low.kind not in _RANGEABLE or high.kind not in _RANGEABLE:
        return None
    if NumberKind.TIME in {low.kind, high.kind} and low.kind is not high.kind:
        return None
    word = join["j"].lower()
    opener = _RANGE_OPENER.search(sentence[max(0, low.start - 40) : low.start])
    if word == "and" and (opener is None or not opener["o"].lower().endswith("between")):
        return None
    low_value = low.low
    kinds = {low.kind, high.kind}
    if kinds == {NumberKind.YEAR}:
        kind = NumberKind.YEAR
    elif NumberKind.YEAR in kinds:
        # "between 1999 and 20,000" is no range of years; read both as counts.
        kind = (kinds - {NumberKind.YEAR}).pop()
    elif len(kinds) == 1:
        kind = low.kind
    elif kinds <= {NumberKind.COUNT, NumberKind.PERCENT, NumberKind.MONEY} and (
        NumberKind.COUNT in kinds
    ):
        # "5 to 10%": the bare end takes the other's kind. "fell 6% to $3.8bn" is a fall
        # and a level, never one range.
        kind = (kinds - {NumberKind.COUNT}).pop()
    else:
        return None
    if word == "or" and kind is not NumberKind.COUNT:
        return None
    # "$3-4 billion", "1.5 to 2 million": the scale written once covers both ends.
    scale = _trailing_scale(high.surface) if kind is not NumberKind.TIME else None
    if scale and not _trailing_scale(low.surface) and low_value * scale <= high.high:
        low_value *= scale
    high_value = high.high
    if high_value < low_value < 0:
        low_value, high_value = high_value, low_value  # "from -5 to -10C": colder is lower
    if not low_value < high_value:
        return None
    start = low.start
    if opener is not None and word in {"and", "to", "-", "–", "—"}:
        start = max(0, low.start - 40) + opener.start("o")
    subject = low.subject if low.subject == high.subject else None
    return NumberMention(
        sentence[start : high.end], low_value, high_value, kind, None, subject, start, high.end
    )


def _day_range(
    sentence: str, low: NumberMention, high: NumberMention, word: str
) -> NumberMention | None:
    """Days of one month, the month written once: "3-5 March", "between 3rd and 5th
    May 2025". Valued as dates, so "3-5 March" and "3 March" share a first day.

    >>> from storydiff.coverage.numbers import find_numbers, format_value
    >>> [format_value(m.low, m.high, kind=m.kind) for m in find_numbers("On 3-5 March.")]
    ['--03-03/--03-05']
    """
    first = re.fullmatch(r"(\d{1,2})(?:st|nd|rd|th)?", low.surface, re.IGNORECASE)
    last = re.match(r"(\d{1,2})(?:st|nd|rd|th)?\s", high.surface, re.IGNORECASE)
    if low.kind not in {NumberKind.COUNT, NumberKind.ORDINAL} or not (first and last):
        return None
    if word not in {"-", "–", "—", "to", "through", "and"} or not _same(high.low, high.high):
        return None
    opener = _RANGE_OPENER.search(sentence[max(0, low.start - 40) : low.start])
    if word == "and" and (opener is None or not opener["o"].lower().endswith("between")):
        return None
    start_day, end_day = int(first[1]), int(last[1])
    if not 1 <= start_day < end_day:
        return None
    start = low.start if opener is None else max(0, low.start - 40) + opener.start("o")
    first_date = high.low - end_day + start_day
    return NumberMention(
        sentence[start : high.end],
        first_date,
        high.low,
        NumberKind.DATE,
        None,
        None,
        start,
        high.end,
    )


def _is_degrees(mention: NumberMention) -> bool:
    return mention.kind is NumberKind.MEASURE and (mention.subject or "").startswith("degrees")


def _hour_before(low: NumberMention, high: NumberMention) -> NumberMention:
    # In "6-9am" the "am" covers the bare hour too; "11-1pm" starts in the morning.
    if not re.fullmatch(r"\d{1,2}", low.surface) or not 1 <= low.low <= 12:
        return low
    if not re.search(r"[ap]\.?m\b", high.surface, re.IGNORECASE):
        return low
    minutes = low.low % 12 * 60 + (720 if high.low >= 720 else 0)
    if minutes > high.low:
        minutes -= 720
    if minutes < 0:
        return low
    return replace(low, low=minutes, high=minutes, kind=NumberKind.TIME)


def _trailing_scale(surface: str) -> float | None:
    found = re.search(
        r"(?:\d\s?|\s)(trillion|billion|million|thousand|bn|mn|tn|m|k)\s*%?$", surface, re.I
    )
    return float(_SCALES[found[1].lower()]) if found else None


def _with_qualifier(sentence: str, mention: NumberMention) -> NumberMention:
    if mention.kind in {NumberKind.DATE, NumberKind.ORDINAL} or mention.qualifier:
        return mention
    after = _QUALIFIER_AFTER.match(sentence[mention.end : mention.end + 16])
    if after is not None and mention.kind is not NumberKind.YEAR:
        written = (after["w"] or after["p"]).lower()
        qualifier = QUALIFIERS[re.sub(r"\s+", " ", written)]
        return replace(
            mention,
            surface=sentence[mention.start : after.end() + mention.end],
            end=after.end() + mention.end,
            qualifier=qualifier,
        )
    window_start = max(0, mention.start - 30)
    before = _QUALIFIER_BEFORE.search(sentence[window_start : mention.start])
    if before is None:
        return mention
    written = re.sub(r"\s+", " ", before["q"].lower())
    start = window_start + before.start("q")
    if written == "over" and _is_duration_over(sentence, start, mention.end):
        return mention
    if written == "up to" and _word_before(sentence, start) in _UP_AS_PARTICLE:
        return mention  # "woke up to minus 18C", "adds up to $5m": a verb, not a cap
    qualifier = QUALIFIERS[written]
    if written in _BEYOND_VERBS:
        if not _reads_as_beyond(sentence, written, start, mention):
            return mention
        if _NEGATED.search(sentence[max(0, start - 20) : start]):
            qualifier = "at most"  # "did not exceed £5m", "has not yet passed 300"
    kind = mention.kind
    if kind is NumberKind.YEAR and _same(mention.low, mention.high):
        kind = NumberKind.COUNT  # a hedged four-digit figure is a count ("over 2000")
    return replace(
        mention,
        surface=sentence[start : mention.end],
        start=start,
        kind=kind,
        qualifier=qualifier,
    )


_PASSING_BY = _wordset("past passed passes passing")
"""Verbs of going beyond that also go by things: "walked past 40 stalls"."""
_BEYOND_VERBS = _PASSING_BY | _wordset(
    "surpass surpassed surpasses surpassing exceed exceeded exceeds exceeding topped"
)
_NEGATED = re.compile(r"(?:\bnot|\bnever|n['’]t)\s+(?:yet\s+)?$", re.IGNORECASE)
_CLOCK_BEFORE_PAST = re.compile(
    rf"(?:\b(?:half|quarter|{'|'.join(_UNITS)}|{'|'.join(_TENS)})|\d)[\s-]+$", re.IGNORECASE
)


def _reads_as_beyond(sentence: str, written: str, start: int, mention: NumberMention) -> bool:
    """Whether a verb of going beyond ("past", "passed", "exceeded") before a figure
    says the figure is a level left behind, a hedge like "more than".

    A time or a year is passed in time, not exceeded in amount ("open past 9pm",
    "plans running past 2030"), and after a determiner "past" means previous ("the
    past 10 years"); "half past 9" is a clock. Whether "past" goes by the things it
    counts ("walked past 40 stalls") is only known once the subject is read: see
    ``_passes_things``.
    """
    if mention.kind in {NumberKind.YEAR, NumberKind.TIME}:
        return False
    if written != "past":
        return True
    before = sentence[max(0, start - 20) : start]
    return (
        _word_before(sentence, start) not in _DETERMINERS
        and _CLOCK_BEFORE_PAST.search(before) is None
    )


def _passes_things(mention: NumberMention) -> bool:
    # "walked past 40 stalls", "passed 12 laws": with a thing counted, the verb is
    # literal and takes no hedge; a sum, a share, a measure or a bare figure ("taking
    # their spending past £140m", "membership passed 300") is a level passed.
    first = mention.surface.split(maxsplit=1)[0].lower()
    return first in _PASSING_BY and mention.kind is NumberKind.COUNT and mention.subject is not None


# "over one school year", "over two financial years": a span named by its calendar.
_SPAN_ADJECTIVES = _wordset(
    "school academic financial fiscal calendar tax business working parliamentary "
    "football playing full whole entire consecutive successive straight separate"
)
_SPAN_AFTER = re.compile(
    rf"\s+(?:(?:{'|'.join(sorted(_SPAN_ADJECTIVES))})\s+)?(?P<unit>[A-Za-z]+)(?P<of>\s+of\b)?",
    re.IGNORECASE,
)
_OVER_MEANS_MORE_AFTER = _wordset(
    "for in of after took take takes taking lasted last lasts lasting waited wait waits "
    "waiting spent spend spends spending served serve serves serving is are was were be "
    "been aged age"
)
_LENGTH_OF_TIME = re.compile(r"\s+(?:ago|old|older|later|earlier|long|of\s+age)\b", re.I)


def _is_duration_over(sentence: str, over_start: int, number_end: int) -> bool:
    """Whether "over" before a span of time means "across" it, not "more than".

    "600 jobs over two years" spreads the jobs across two years, "52 goals over six
    seasons" and "over one school year" likewise; "for over two years", "in over ten
    years", "over 5 years old", "over 10 years ago" and "over three quarters of voters"
    are more than that. Tournaments and campaigns are events, not spans: left a hedge.
    """
    span = _SPAN_AFTER.match(sentence, number_end)
    if span is None or span["unit"].lower() not in _DURATION_UNITS:
        return False
    if span["of"] and span["unit"].lower() in {"quarter", "quarters"}:
        return False  # "over three quarters of voters" is a fraction
    if _LENGTH_OF_TIME.match(sentence, span.end("unit")):
        return False
    return _word_before(sentence, over_start) not in _OVER_MEANS_MORE_AFTER
