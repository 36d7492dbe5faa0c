"""What a figure counts: the short noun phrase after (or, for sums, around) it, with
units spelled out and temperatures named.
"""

from __future__ import annotations

import re
from dataclasses import replace
from itertools import islice

from storydiff.coverage.model import NumberKind, NumberMention
from storydiff.coverage.numbers.vocabulary import (
    _AFTER_PARTICIPLE,
    _AREA_PREFIXES,
    _AUXILIARIES,
    _CURRENCY_WORDS,
    _DETERMINERS,
    _DIMENSIONS,
    _DROPPED_ADJECTIVES,
    _DURATION_UNITS,
    _MEASURE_UNITS,
    _PRONOUN_SUBJECTS,
    _SQUARED,
    _STOP,
    _SUBJECT_REACH,
    _TOKEN,
    _TOTAL_OF,
    _UNIT_ABBREVIATIONS,
    _is_participle,
    _is_plain_noun,
    _word_before,
    _wordset,
)

_HYPHEN_UNIT = re.compile(r"-(?P<unit>[A-Za-z]+)\b")
# "31C", "-31 °C", "98.6°F", "12°": the unit touches the figure. A bare "C" must be a
# capital ("50c" is fifty cents).
_DEGREES_AFTER = re.compile(r"\s?°\s?(?P<scale>(?i:[cf]))\b|\s?°(?!\w)|(?P<glued>[CF])\b")
_LABELS_BEFORE_CODES = _wordset(
    "flat room unit apartment apt suite gate platform stand terminal block building floor "
    "level seat row grade class form route bus no number"
)
_TEMPERATURE_SCALES = {
    "c": "Celsius", "celsius": "Celsius", "centigrade": "Celsius",
    "f": "Fahrenheit", "fahrenheit": "Fahrenheit",
}  # fmt: skip


def _with_subject(sentence: str, mention: NumberMention) -> NumberMention:
    if mention.kind in {NumberKind.YEAR, NumberKind.DATE, NumberKind.TIME} or mention.subject:
        return mention
    found = _TOKEN.finditer(sentence, mention.end)
    tokens = [(m.group(), m.start(), m.end()) for m in islice(found, _SUBJECT_REACH)]
    kind = mention.kind
    surface_end = mention.end
    if tokens and tokens[0][0].lower() in _CURRENCY_WORDS and kind is NumberKind.COUNT:
        if tokens[0][0].lower() in {"pound", "pounds"} and _WEIGHED_BEFORE.search(
            sentence[max(0, mention.start - 30) : mention.start]
        ):
            kind = NumberKind.MEASURE  # "it weighed 40 pounds"
        else:
            kind = NumberKind.MONEY
            surface_end = tokens[0][2]
            tokens = tokens[1:]
    if kind is NumberKind.COUNT:
        tokens = _spelled_unit(tokens)
    unit_prefix = ""
    hyphenated = _HYPHEN_UNIT.match(sentence, mention.end)
    if hyphenated and kind is NumberKind.COUNT:
        # "a 250,000-euro ransom", "a 300-tonne tank": the unit is joined to the figure.
        unit = hyphenated["unit"].lower()
        if unit in _CURRENCY_WORDS:
            kind = NumberKind.MONEY
        elif unit in _MEASURE_UNITS or unit + "s" in _MEASURE_UNITS:
            kind = NumberKind.MEASURE
            unit_prefix = unit
        if kind is not NumberKind.COUNT:
            surface_end = hyphenated.end()
            tokens = [t for t in tokens if t[1] >= surface_end]
    words = [t[0] for t in tokens]
    if mention.surface.lower().endswith("half") and words and words[0].lower() in _DETERMINERS:
        words = ["of", *words]  # "half the nurses" is "half of the nurses"
    subject = _noun_phrase_after(words)
    if unit_prefix:
        subject = f"{unit_prefix} {subject}" if subject else unit_prefix
    if subject is not None:
        subject = _named_degrees(subject)
    if kind is NumberKind.COUNT and subject is not None and _is_unit(subject.split()):
        kind = NumberKind.MEASURE
    if subject is None and kind is NumberKind.COUNT:
        total = _TOTAL_OF.search(sentence[max(0, mention.start - 80) : mention.start])
        if total is not None:
            subject = _trim_adjectives(total["np"].split())
    if subject is None and kind is NumberKind.MONEY:
        subject = _money_subject(sentence, mention.start, [t[0] for t in tokens])
    return replace(
        mention,
        subject=subject,
        kind=kind,
        surface=sentence[mention.start : surface_end],
        end=surface_end,
    )


_WEIGHED_BEFORE = re.compile(r"\bweigh(?:s|ed|ing)?\s+(?:\w+\s+)?$", re.IGNORECASE)
_Token = tuple[str, int, int]


def _spelled_unit(tokens: list[_Token]) -> list[_Token]:
    """``tokens`` with an abbreviated unit at their head spelled out as one token, and
    cut after a unit said to be a length or a height ("2 km long", "40m high").

    >>> from storydiff.coverage.numbers import find_numbers
    >>> [m.subject for m in find_numbers(
    ...     "It flooded 400 km² and 1,200 ha of forest under 300mm of rain; a 4m high wall.")]
    ['square kilometres', 'hectares of forest', 'millimetres of rain', 'metres']
    """
    words = [t[0] for t in tokens[:3]] + ["", "", ""]
    first, second, third = words[0], words[1], words[2]
    unit, used = None, 1
    if first.lower() in _UNIT_ABBREVIATIONS:
        unit = _UNIT_ABBREVIATIONS[first.lower()]
    elif first in _SQUARED and second in {"2", "²"}:
        unit, used = f"square {_SQUARED[first]}", 2  # "km2", "km²"
    elif first == "m" and second in {"3", "³"}:
        unit, used = "cubic metres", 2
    elif first.lower() == "sq" and second.lower() in _SQUARED:
        unit, used = f"square {_SQUARED[second.lower()]}", 2  # "sq km"
    elif first == "km" and second == "/" and third.lower() == "h":
        unit, used = "kilometres per hour", 3
    elif first == "m" and not _is_plural_noun(second):
        # "40m long", "a 3m rise", "300m of track": metres. "40m people" may be forty
        # million and is left alone.
        unit = "metres"
    if unit is not None:
        tokens = [(unit, tokens[0][1], tokens[used - 1][2]), *tokens[used:]]
    if len(tokens) > 1 and tokens[1][0].lower() in _DIMENSIONS and _is_unit([tokens[0][0]]):
        tokens = tokens[:1]
    return tokens


_IRREGULAR_PLURALS = _wordset("people children men women police cattle sheep fish staff")


def _is_plural_noun(word: str) -> bool:
    lower = word.lower()
    return _is_plain_noun(word) and (
        lower in _IRREGULAR_PLURALS or (lower.endswith("s") and not lower.endswith("ss"))
    )


def _is_unit(words: list[str]) -> bool:
    # "hectares of rice paddy", "square kilometres", "miles per hour": a measure.
    head = words[0].lower().split()
    if head and head[0] in _AREA_PREFIXES:
        head = head[1:] or [w.lower() for w in words[1:2]]
    return bool(head) and head[0] in _MEASURE_UNITS


def _with_degrees(sentence: str, mention: NumberMention) -> NumberMention:
    """A temperature whose unit touches the figure, its subject the unit spelled out.

    >>> from storydiff.coverage.numbers import find_numbers
    >>> [(m.surface, m.subject) for m in find_numbers("Highs of 31C, 88°F and 12 °C.")]
    [('31C', 'degrees Celsius'), ('88°F', 'degrees Fahrenheit'), ('12 °C', 'degrees Celsius')]
    """
    if mention.kind is not NumberKind.COUNT:
        return mention
    found = _DEGREES_AFTER.match(sentence, mention.end)
    if found is None:
        return mention
    letter = (found["scale"] or found["glued"] or "").lower()
    if found["glued"] and (
        not -90 <= mention.low <= (60 if letter == "c" else 140)
        or _word_before(sentence, mention.start) in _LABELS_BEFORE_CODES
    ):
        return mention  # "Flat 3C", "Room 101F": a bare letter may be part of a label
    unit = f"degrees {_TEMPERATURE_SCALES[letter]}" if letter else "degrees"
    return replace(
        mention,
        kind=NumberKind.MEASURE,
        subject=unit,
        surface=sentence[mention.start : found.end()],
        end=found.end(),
    )


def _named_degrees(subject: str) -> str:
    # "degrees C", "degree Celsius" and "Celsius" name one unit: "degrees Celsius".
    words = subject.split()
    if words[0].lower() in {"celsius", "centigrade", "fahrenheit"}:
        return f"degrees {_TEMPERATURE_SCALES[words[0].lower()]}"
    if words[0].lower() in {"degree", "degrees"} and len(words) > 1:
        scale = _TEMPERATURE_SCALES.get(words[1].lower())
        if scale is not None:
            return f"degrees {scale}"
    return subject


_GENERIC_AMOUNTS = _wordset(
    "total sum amount figure value number tune maximum minimum average range part excess "
    "upwards upward most least"
)
_PRICE_LEVEL_BEFORE = re.compile(r"\b(?:to|from|at)\s+$", re.IGNORECASE)
_TIME_NOUNS = _DURATION_UNITS | _wordset("quarter quarters period season half term time")
_CLAUSE_BREAKS = _wordset("and or but which who that while than")
_MONEY_VERBS = {
    **dict.fromkeys(("save", "saves", "saved", "saving"), "savings"),
    **dict.fromkeys(("cost", "costs", "costing"), "cost"),
    **dict.fromkeys(("spend", "spends", "spent", "spending"), "spending"),
    **dict.fromkeys(("fine", "fines", "fined", "fining"), "fine"),
    **dict.fromkeys(("earn", "earns", "earned", "earning"), "earnings"),
    **dict.fromkeys(("lose", "loses", "lost", "losing"), "losses"),
    **dict.fromkeys(("invest", "invests", "invested", "investing"), "investment"),
    **dict.fromkeys(("borrow", "borrows", "borrowed", "borrowing"), "borrowing"),
    **dict.fromkeys(("pay", "pays", "paid", "paying"), "payment"),
}
"""Verbs that say what a sum is when no noun does: "save it $1.2bn" is savings."""


def _money_subject(sentence: str, start: int, after: list[str]) -> str | None:
    """What a sum is when no noun follows it, tried in this order:

    * the noun it is "of": "a restructuring charge of $1.2bn", "revenue of $61m";
    * a bare category after "in", "for" or "on": "$310m in severance payments",
      "£3m on repairs";
    * the verb before it: "will save it $1.2 billion a year" is ``savings``.

    A sum paid "for" a named thing or person ("£72m for the forward", "for his house",
    "for Kestler") is a price, and says nothing of what kind of sum it is: another
    outlet's "£72m club-record fee" is the same sum, not a payment of another kind. So
    it has no subject, unless it is a fine, whose "for" is the offence.

    >>> from storydiff.coverage.numbers import find_numbers
    >>> [m.subject for m in find_numbers("It will save $9m and pay $2m for legal fees.")]
    ['savings', 'legal fees']
    >>> [m.subject for m in find_numbers("It paid $9m for the site, then paid $2m in cash.")]
    [None, 'payment']
    """
    before = sentence[max(0, start - 60) : start]
    noun = _money_noun_of(before)
    if noun is not None:
        return noun
    verb = _money_verb(before)
    if after and after[0].lower() == "for":
        if verb == "fine":
            return verb  # "fined $4m for breaching rules": a fine, not rules
        if _names_what_was_bought(after[1:]):
            return None
    return _money_object(before, after) or verb


# Words after "in", "for" or "on" that say how a sum was paid, not what it is.
_NOT_CATEGORIES = _wordset(
    "total all cash full advance addition return exchange principle part person kind "
    "instalments installments one each front upfront top average paper loan credit "
    "hand offer sale now free good sure nothing"
)


def _names_what_was_bought(words: list[str]) -> bool:
    """Whether the words after "for" name one thing or person: a determiner, a
    pronoun or a capital says which ("the forward", "his house", "him", "striker Tomas
    Kestler"), where a bare plural or mass noun says what kind ("legal fees"). A time
    ("for the year", "for the first half") names no purchase."""
    phrase: list[str] = []
    for word in words[:5]:
        lower = word.lower()
        if not word[:1].isalpha() or (phrase and lower in _STOP):
            break
        phrase.append(word)
    if not phrase or any(word.lower() in _TIME_NOUNS for word in phrase):
        return False
    first = phrase[0].lower()
    return (
        first in _DETERMINERS
        or first in _PRONOUN_SUBJECTS
        or any(word[:1].isupper() for word in phrase)
    )


def _is_money_noun(word: str) -> bool:
    lower = word.lower()
    return (
        word[:1].isalpha()
        and lower not in _STOP | _DETERMINERS | _GENERIC_AMOUNTS
        and not lower.endswith("ly")
        and not _is_participle(lower)
    )


def _money_noun_of(before: str) -> str | None:
    words: list[str] = _TOKEN.findall(before)
    if len(words) < 2 or words[-1].lower() != "of" or not _is_money_noun(words[-2]):
        return None
    # One modifier, only where a determiner shows it is not a verb: "a restructuring
    # charge of", but "expects annual savings of" gives "savings".
    if len(words) >= 4 and _is_money_noun(words[-3]) and words[-4].lower() in _DETERMINERS:
        return f"{words[-3]} {words[-2]}"
    return words[-2]


def _money_object(before: str, after: list[str]) -> str | None:
    if len(after) < 2 or after[0].lower() not in {"in", "for", "on"}:
        return None
    if _PRICE_LEVEL_BEFORE.search(before):
        return None  # "fell to $41.72 in morning trading": a price, not a sum spent
    words = after[1:]
    first = words[0].lower()
    # Only a bare category: a determiner says which thing ("on its new library", "in
    # the first half"), a capital whom ("€185k for Osei-Laird"), and an adverb how ("in
    # total", "in cash").
    if (
        not words[0][:1].islower()
        or first in _DETERMINERS
        or first in _PRONOUN_SUBJECTS
        or first in _NOT_CATEGORIES
    ):
        return None
    phrase = _noun_phrase_after(words, ing_nouns=True)
    if phrase is None or any(
        word.lower() in _TIME_NOUNS or word[:1].isupper() for word in phrase.split()
    ):
        return None  # "$5m in two seasons"; "£20m for striker Tomas Kestler"
    return phrase


def _money_verb(before: str) -> str | None:
    for word in reversed(_TOKEN.findall(before)[-4:]):
        lower = word.lower()
        if lower in _MONEY_VERBS:
            return _MONEY_VERBS[lower]
        if not word[0].isalpha() or lower in _CLAUSE_BREAKS:
            return None
    return None


def _noun_phrase_after(words: list[str], *, ing_nouns: bool = False) -> str | None:
    index = 0
    if index < len(words) and words[index].lower() == "of":
        index += 1
        if (
            index < len(words)
            and words[index].lower() in {"those", "these"}
            and (index + 1 == len(words) or not _is_plain_noun(words[index + 1]))
        ):
            return None  # "300 of those taking part" counts an earlier noun
        # "95 percent of the crops"; without "of", "900 this season" has no subject.
        while index < len(words) and words[index].lower() in _DETERMINERS:
            index += 1
    if index < len(words) and words[index].lower() in _PRONOUN_SUBJECTS:
        return None
    phrase: list[str] = []
    while index < len(words) and len(phrase) < 5:
        word = words[index]
        lower = word.lower()
        if not word[0].isalpha():
            break
        if lower in {"of", "and", "or"} and phrase:
            following = words[index + 1] if index + 1 < len(words) else ""
            if not _can_join(lower, phrase, following):
                break
            phrase.append(lower)
            index += 1
            continue
        following_word = words[index + 1] if index + 1 < len(words) else ""
        if (
            not phrase
            and lower in {"more", "fewer"}
            and following_word[:1].isalpha()
            and following_word.lower() not in _STOP
        ):
            index += 1  # "2,500 more nurses" counts nurses; "2,500 more than" nothing
            continue
        if lower in _STOP or lower.endswith("ly"):
            break
        if phrase and (_is_participle(lower) or lower in _PRONOUN_SUBJECTS):
            break  # "patients they interviewed"
        if (
            phrase
            and not ing_nouns
            and lower.endswith("ing")
            and phrase[-1] not in {"of", "and", "or"}
        ):
            break  # "calls saying ...": a clause starts
        if word[-1] in "'’" and len(word) > 1:
            phrase.append(word[:-1])  # "16 weeks' pay": the weeks are counted
            index += 1
            break
        phrase.append(word)
        index += 1
    while phrase and phrase[-1].lower() in {"of", "and", "or"}:
        phrase.pop()
        index -= 1
    if len(phrase) == 1 and (
        _is_participle(phrase[0].lower()) or (phrase[0].endswith("ing") and not ing_nouns)
    ):
        return None  # "the first appeared": a verb, not a noun
    if not phrase:
        return None
    participle = _trailing_participle(words[index:])
    if participle:
        phrase.append(participle)
    return _trim_adjectives(phrase)


def _can_join(joiner: str, phrase: list[str], following: str) -> bool:
    if not following or not following[0].isalpha():
        return False
    lower = following.lower()
    if lower in _STOP or lower in _DETERMINERS or lower.endswith("ly"):
        return False
    if joiner == "of":
        return len(phrase) <= 2
    # "liver and kidney transplant centres" joins; "hospitals and clinics" ends the count.
    return not phrase[-1].lower().endswith("s")


def _trailing_participle(words: list[str]) -> str | None:
    index = 0
    while index < len(words) and words[index].lower() in _AUXILIARIES:
        index += 1
    helped = index > 0
    if helped and index < len(words) and words[index].lower().endswith("ly"):
        index += 1
    if index >= len(words) or not words[index][0].isalpha():
        return None
    candidate = words[index].lower()
    if not _is_participle(candidate):
        return None
    if helped:
        return candidate
    following = words[index + 1] if index + 1 < len(words) else ""
    # Directly after the noun, an -ed word is a participle ("organs acquired") only when
    # no object follows it; "volunteers donated organs" is an active verb.
    if not following or not following[0].isalnum() or following.lower() in _AFTER_PARTICIPLE:
        return candidate
    return None


def _trim_adjectives(words: list[str]) -> str | None:
    while len(words) > 1 and words[0].lower() in _DROPPED_ADJECTIVES | _DETERMINERS:
        words = words[1:]
    if not words or words[0].lower() in _DETERMINERS | _STOP:
        return None
    return " ".join(words)


def _is_pronoun_one(sentence: str, mention: NumberMention) -> bool:
    # "one cannot", "the one that": a bare "one" counts nothing unless a noun follows.
    if mention.surface.lower() != "one":
        return False
    before = sentence[max(0, mention.start - 20) : mention.start].split()
    previous = before[-1].lower() if before else ""
    following = sentence[mention.end : mention.end + 20].split()
    if following and following[0].lower() == "of":
        return True  # "one of the largest"
    return mention.subject is None or previous in {
        "the",
        "this",
        "that",
        "no",
        "any",
        "every",
        "each",
        "which",
        "someone",
    }


_NAME_BEFORE = re.compile(r"\b[A-Z][\w'’-]+,\s*$")
_APPOSITION_AFTER = re.compile(r"\s*(?:[,;)]|\.?$)")


def _as_age_of_name(sentence: str, mention: NumberMention) -> NumberMention:
    """ "Stef'An Strawder, 18, was shot": a bare number set off by commas after a name
    is the person's age, as "the 18-year-old" says outright."""
    if (
        mention.kind is not NumberKind.COUNT
        or mention.subject
        or mention.qualifier
        or not mention.surface.isdigit()
        or not 1 <= mention.low <= 110
        or not _NAME_BEFORE.search(sentence, 0, mention.start)
        or not _APPOSITION_AFTER.match(sentence, mention.end)
    ):
        return mention
    return replace(mention, kind=NumberKind.MEASURE, subject="years old")
