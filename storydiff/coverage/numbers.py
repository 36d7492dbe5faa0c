"""Numbers in a sentence, as values with their hedge and the thing they count.

Outlets restate figures: "712 hospitals" becomes "more than 700 hospitals", "60,000 to
100,000 organ transplants" becomes "between 60,000 and 100,000 prisoners executed". To
see that, each figure is read as a value (or range), a kind (a year is never compared
with a head count), a qualifier from one closed vocabulary (``QUALIFIERS``) and a short
subject noun phrase. Everything is rule-based regular expressions compiled once here:
the libraries measured for this job missed hedges and vague amounts, or gave no spans.

Conventions worth knowing:

* A bare four-digit integer from 1500 to 2099 is a year unless a hedge, a currency, a
  scale word or a percent sign comes with it ("more than 2000" is a count). Edited news
  writes four-digit counts with a separator ("2,000 people"), and years are often used
  as adjectives ("a 1999 campaign"), so this errs towards years.
* Vague plural amounts span from two of the unit to one below ten of it (``VAGUE``):
  "tens of thousands" is 20,000–99,999 with qualifier ``tens of``; "dozens" 24–119.
* Dates are valued ``year * 10000 + month * 100 + day`` (a missing part is 0), so "3
  March" and "March 3" are one date (303); "3-5 March" is a range of dates. A day
  before a month with no year needs the month capitalised ("5 May", not "5 may").
  Written fractions ("24/7") and codes ("G20") are skipped.
* A share is a percentage however it is written: "four percent", "4pc", "one in five"
  (20), "a fifth of" (20), "two-thirds of" (66.7, three significant figures), "half
  the". "Percentage points" and "basis points" are measures, not percentages, so "rose
  2.1 points" against "rose 2.1%" shows as a change of kind.
* "X to Y" is a range unless it reports a change: after a word of change, "from X to
  Y" is the old level and the new one ("rose from 65% to 74%"), and "by X to Y" (or
  "rose X to Y") the change and the level reached, unless X is near Y ("rose by 5 to
  10%" is a range of rises). Without one, "from 60,000 to 100,000 transplants" is a
  range.
* Clock times are ``NumberKind.TIME`` valued in minutes since midnight, so "6:42 a.m.",
  "6.42am" and "06:42" are one figure (402) and a slip to "6.24am" shows as a change.
  A dotted time needs something that rules out a decimal: "am"/"pm", a time zone, a
  leading zero ("06.15") or a timetable phrase ("the 6.15 from Leeds"). A time zone is
  kept in the surface, never converted. The entry stamp of a live blog ("16:40 GMT — ")
  or an "Updated ..." line says when text was written, not what happened: not read.
* A figure written with a minus ("-31C", "−31 °C", "minus 31 degrees") is negative; a
  hyphen between two figures ("60-80", "2012-2013") is a range, never a sign.
  Temperatures are measures whose subject is the unit spelled out: "31C", "31 °C" and
  "31 degrees Celsius" all read as subject ``degrees Celsius``.
* Other units are measures whose subject is the unit and what it measures ("60,000
  hectares of rice paddy"); an abbreviation is spelled out ("300mm of rain" reads as
  ``millimetres of rain``, "400 km²" as ``square kilometres``), except "km" and "kg".
* Telephone numbers, postcodes, house numbers and reference numbers ("Case No. 4471",
  "Room 101") are no figures. A number after an ordinal-ish label ("Issue 112", "page
  47", "world No 1") is an ordinal, its subject the label.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import replace
from functools import lru_cache
from itertools import islice

from rapidfuzz import fuzz

from storydiff.coverage.lexicon import MONTHS
from storydiff.coverage.model import NumberKind, NumberMention

__all__ = [
    "QUALIFIERS",
    "VAGUE",
    "describe",
    "find_numbers",
    "format_value",
    "readable_value",
    "is_house_number",
    "is_rounding_of",
    "subject_similarity",
    "values_match",
]

QUALIFIERS: dict[str, str | None] = {
    # Written before a number.
    "about": "about",
    "around": "about",
    "approximately": "about",
    "approx.": "about",
    "roughly": "about",
    "some": "about",
    "an estimated": "about",
    "estimated": "about",
    "circa": "about",
    "more or less": "about",
    "~": "about",
    "more than": "more than",
    # "over" before a duration ("600 jobs over two years") is no hedge: see _is_duration_over.
    "over": "more than",
    "older than": "more than",
    "over the age of": "more than",
    "upwards of": "more than",
    "upward of": "more than",
    "in excess of": "more than",
    "greater than": "more than",
    "above": "more than",
    "just over": "more than",
    "well over": "more than",
    "a little over": "more than",
    # Verbs that take a figure beyond a level: "spending has passed £140m", "taking it
    # past £140m". Not before a time or a year ("past 9pm"), not after a determiner
    # ("the past 10 years"), and "past"/"passed" not before things counted, which they
    # may go by ("walked past 40 stalls", "passed 12 laws"): see _reads_as_beyond.
    "past": "more than",
    "passed": "more than",
    "passes": "more than",
    "passing": "more than",
    "surpass": "more than",
    "surpassed": "more than",
    "surpasses": "more than",
    "surpassing": "more than",
    "exceed": "more than",
    "exceeded": "more than",
    "exceeds": "more than",
    "exceeding": "more than",
    "topped": "more than",
    # A moment just either side of a clock time: "shortly after 12:30 a.m."
    "shortly after": "more than",
    "just after": "more than",
    "soon after": "more than",
    "shortly before": "less than",
    "just before": "less than",
    "less than": "less than",
    "fewer than": "less than",
    "under": "less than",
    "below": "less than",
    "younger than": "less than",
    "under the age of": "less than",
    "nearly": "nearly",
    "almost": "nearly",
    "close to": "nearly",
    "just under": "nearly",
    "just shy of": "nearly",
    "approaching": "nearly",
    "at least": "at least",
    "no fewer than": "at least",
    "no less than": "at least",
    "a minimum of": "at least",
    "as few as": "at least",
    "at most": "at most",
    "no more than": "at most",
    "not more than": "at most",
    "a maximum of": "at most",
    "up to a maximum of": "at most",
    "capped at": "at most",
    "not exceeding": "at most",
    "not to exceed": "at most",
    "up to": "up to",
    "as many as": "up to",
    "as much as": "up to",
    "as high as": "up to",
    "exactly": "exactly",
    "precisely": "exactly",
    # A range marker, not a hedge: "anywhere between 6 and 9" says what "between" says.
    "anywhere between": None,
    "anywhere from": None,
    # Written after a number ("65 and over", "ten or fewer").
    "or more": "at least",
    "or so": "about",
    "plus": "at least",
    "+": "at least",
    "and over": "at least",
    "or over": "at least",
    "and older": "at least",
    "or older": "at least",
    "and above": "at least",
    "or above": "at least",
    "or less": "at most",
    "or fewer": "at most",
    "and under": "at most",
    "or under": "at most",
    "and younger": "at most",
    "or younger": "at most",
}
"""Every hedge storydiff recognises, mapped to its normalised form (None: no hedge)."""

VAGUE: dict[str, tuple[float, float]] = {
    "tens": (20, 99),
    "dozens": (24, 119),
    "scores": (40, 199),
    "hundreds": (200, 999),
    "thousands": (2_000, 9_999),
    "millions": (2_000_000, 9_999_999),
    "billions": (2_000_000_000, 9_999_999_999),
}
"""Plural amounts: from two of the unit to one below ten of it ("tens of thousands"
multiplies both ends by 1,000)."""

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19,
}  # fmt: skip
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
_MAGNITUDES = {
    "dozen": 12, "hundred": 100, "thousand": 1_000, "million": 1_000_000,
    "billion": 1_000_000_000, "trillion": 1_000_000_000_000,
}  # fmt: skip
_SCALES = {
    **_MAGNITUDES,
    "k": 1_000, "m": 1_000_000, "mn": 1_000_000, "b": 1_000_000_000,
    "bn": 1_000_000_000, "tn": 1_000_000_000_000,
}  # fmt: skip
_ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
    "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12,
    "thirteenth": 13, "fourteenth": 14, "fifteenth": 15, "sixteenth": 16,
    "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
    "thirtieth": 30, "fortieth": 40, "fiftieth": 50, "hundredth": 100,
}  # fmt: skip
_MONTHS = MONTHS


def _wordset(text: str) -> frozenset[str]:
    return frozenset(text.split())


_CURRENCY_WORDS = _wordset(
    "dollars dollar euros euro pounds sterling yuan renminbi rmb yen rupees usd eur gbp cny francs"
)
_MEASURE_UNITS = _wordset(
    "year years month months week weeks day days hour hours minute minutes second "
    "seconds decade decades century centuries mile miles km kilometres kilometers "
    "kilometre kilometer metres meters metre meter centimetres centimeters centimetre "
    "centimeter millimetres millimeters millimetre millimeter feet foot inches inch yard "
    "yards kg kilograms kilogram grams gram ounces ounce tons tonnes tonne ton litres "
    "liters litre liter gallons gallon barrels barrel acres acre hectares hectare knots "
    "degrees points percentage basis"
)
# Abbreviated units, spelled out as the subject so that "300mm" and "300 millimetres"
# read alike ("km" and "kg" are left as written: outlets mix them with the full word
# freely, and the comparison already knows them).
_UNIT_ABBREVIATIONS = {
    "mm": "millimetres", "cm": "centimetres", "ft": "feet", "ha": "hectares",
    "mph": "miles per hour", "kph": "kilometres per hour", "lb": "pounds", "lbs": "pounds",
}  # fmt: skip
_SQUARED = {"km": "kilometres", "m": "metres", "mi": "miles", "ft": "feet"}
_AREA_PREFIXES = _wordset("square sq cubic")
_DIMENSIONS = _wordset("long high deep wide tall thick")

_WORD_PIECE = (
    rf"(?:(?:{'|'.join(_TENS)})(?:[\s-](?:{'|'.join(k for k in _UNITS if _UNITS[k] < 10)}))?"
    rf"|{'|'.join(sorted(_UNITS, key=len, reverse=True))})"
)
_MAGNITUDE = "|".join(_MAGNITUDES)
_WORD_GROUP = rf"(?:(?:{_WORD_PIECE}|an?)(?:[\s-]+(?:{_MAGNITUDE}))+)"
_WORD_NUMBER = rf"\b(?:{_WORD_GROUP}(?:\s+and\s+|[\s-]+))*(?:{_WORD_GROUP}|{_WORD_PIECE})\b"
_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))
# A month after a day with no year ("on 3 March") must be written as a name: "5 may"
# is a number and a verb, "5 May" a date.
_MONTH_NAMED = "|".join(
    sorted({f(m) for m in _MONTHS for f in (str.capitalize, str.upper)}, key=len, reverse=True)
)
# Parts of a whole, as their denominators: "a fifth of", "two-thirds of", "half of".
_FRACTIONS = {
    "half": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4,
    "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6, "seventh": 7, "sevenths": 7,
    "eighth": 8, "eighths": 8, "ninth": 9, "ninths": 9, "tenth": 10, "tenths": 10,
}  # fmt: skip
_FRACTION = "|".join(sorted(_FRACTIONS, key=len, reverse=True))
_NUMERATOR = rf"an?|{'|'.join(k for k in _UNITS if 1 <= _UNITS[k] < 10)}"
# "four percent", "4pc", "11 per cent": any figure followed by one is a share. "pc" and
# "pct" are lower case only ("5 PCs" are computers).
_PERCENT_SIGN = r"%|percent\b|per\s?cent\b|(?-i:pct?)\b"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR_DIGITS = r"(?:1[5-9]\d\d|20\d\d)"
# Time zones are capitals only ("6pm ET"): in lower case most of them are words.
_ZONE = (
    r"(?-i:GMT|UTC|BST|CEST|CET|EEST|EET|WEST|WET|EDT|EST|ET|CDT|CST|CT|MDT|MST|MT|PDT"
    r"|PST|PT|AEDT|AEST|IST|JST|HKT|SGT)\b"
)
# Telephone numbers and postcodes are written in digit groups that would otherwise
# read as several counts ("0800 123 456" as 800, 123 and 456); they are no figures.
# Written in the verbose syntax of _MASTER: a literal space is "[ ]".
_PHONE = r"""
    \+\d{1,3}(?:[ .-]?\(\d{1,4}\))?(?:[ .-]?\d{2,5}){2,6}\b          # +44 20 7946 0958
  | \(\d{3}\)[ ]?\d{3}[ .-]\d{4}\b                                # (555) 019-2834
  | \b(?:1[ .-])?\d{3}[.-]\d{3}[.-]\d{4}\b                          # 555-019-2834
  | \b0\d{2,4}[ ]\d{3,4}(?:[ ]\d{3,4})?\b                          # 0800 123 456
  | \b(?:call|calling|ring|phone|telephone|tel|dial|text|fax|mobile|helpline|hotline
        |freephone)\b[.:]?(?:\s+(?:us|them|him|her|me|on|number|line|free|(?-i:[A-Z]{2,})\s+to))*
        \s+(?>\d(?:[ ().-]{0,2}\d){4,}|999|911|112|111|101)\b         # call 555 0192, dial 999
        (?!\s+(?-i:[a-z]{2,}s)\b)                           # but "call 111 witnesses" counts
"""
_US_STATES = _wordset(
    "AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV "
    "NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY"
)
_POSTCODE = (
    # LS1 4DY (the inward letters never include C, I, K, M, O or V: "4PM" is no code)
    r"(?-i:\b[A-Z]{1,2}\d[A-Z\d]?[ ]\d[ABD-HJLNP-UW-Z]{2}\b)"
    # IL 62704, NY 10001-1234
    rf"|(?-i:\b(?:{'|'.join(sorted(_US_STATES))})[ ]\d{{5}}(?:-\d{{4}})?\b)"
)

_MASTER = re.compile(
    rf"""
    (?P<decade>\b(?:1[5-9]|20)\d0s\b)
  | (?P<time>
        (?<![$£€¥\d.,:])
        (?:
            \d{{1,2}}(?:[:.]\d{{2}}){{1,2}}\s?[ap](?:\.m\b\.?|m\b)          # 6:42 a.m., 6.42am
          | \d{{1,2}}\s?[ap](?:\.m\b\.?|m\b)                                # 4am, 6 p.m.
          | \d{{1,2}}(?::\d{{2}}){{1,2}}(?![\d:])                         # 06:15, 15:48:30
        )
        (?:\s?{_ZONE})?
    )
  | (?P<skip>
        {_PHONE}
      | {_POSTCODE}
      | \b\d+(?:/\d+)+\b                                            # 24/7, 6/24/2016
      | \b[a-z]+-?\d+[a-z\d]*\b                                     # G20, COVID-19
      | \b\d+['’]?s\b | ['’]\d\ds\b                                # 30's, 30s, '90s
    )
  | (?P<date>
        \b(?P<dm>{_MONTH})\.?\s+(?P<dd>{_DAY})(?:,?\s+(?P<dy>{_YEAR_DIGITS}))?\b
      | \b(?P<d2d>{_DAY})\s+(?:of\s+)?(?P<d2m>{_MONTH})\.?,?\s+(?P<d2y>{_YEAR_DIGITS})\b
      | \b(?P<d4d>{_DAY})\s+(?:of\s+)?(?P<d4m>(?-i:{_MONTH_NAMED}))\b           # 3 March
      | \b(?P<d3m>{_MONTH})\.?,?\s+(?P<d3y>{_YEAR_DIGITS})\b
      # 2025-10-14, 2025-03-14T16:45:00+01:00 (the time of a page stamp is not read)
      | \b(?P<iy>{_YEAR_DIGITS})-(?P<im>0[1-9]|1[0-2])-(?P<id>0[1-9]|[12]\d|3[01])
          (?:T\d\d:\d\d(?::\d\d(?:\.\d+)?)?(?:Z|[+-]\d\d:?\d\d)?)?(?![\d-])
      # 17.01.2025: a dotted date puts the day first
      | \b(?P<pd>[12]\d|3[01]|0?[1-9])\.(?P<pm>1[0-2]|0?[1-9])\.(?P<py>{_YEAR_DIGITS})\b
    )
  | (?P<age>\b(?P<agen>\d+)-(?:year|month|week|day)s?-old\b)
  | (?P<ordnum>\b(?P<ordn>\d+)(?:st|nd|rd|th)\b)
  | (?P<vague>
        \b(?P<vunit>tens|dozens|scores|hundreds|thousands|millions|billions)
          (?:\s+of\s+(?P<vmag>thousands|millions|billions)(?!\s+of\s+(?:thousands|millions)))?\b
      | \b(?P<several>several|a\s+few)\s+(?P<smag>dozen|hundred|thousand|million|billion)\b
    )
  | (?P<fraction>
        \b(?P<fnum>{_NUMERATOR})[\s-]+(?P<fden>{_FRACTION})\b(?=\s+of\b)      # a fifth of
      | (?<=\bby\s)(?P<fbynum>an?|one)[\s-]+(?P<fbyden>{_FRACTION})\b         # by a third
      | \bhalf\b(?=\s+(?:of|the|its|their|his|her|our|all|those|these)\b)   # half the pupils
      | (?<=\bby\s|\bin\s)half\b(?![\s-]+an?\b)                # cut in half, not "in half an hour"
    )
  | (?P<halfmag>\bhalf[\s-]+an?[\s-]+(?P<hmag>{_MAGNITUDE})\b)               # half a million
  | (?P<num>
        (?:(?P<cur>US\$|A\$|C\$|HK\$|\$|£|€|¥)\s?)?
        (?<![\w.,])(?P<digits>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?)
        (?P<dhalf>\s+and\s+a\s+half\b)?
        (?:(?P<scalesp>\s?)(?P<scale>trillion|billion|million|thousand|hundred|bn|mn|tn|m|k|b)\b)?
        (?:\s?(?P<pct>{_PERCENT_SIGN}))?
    )
  | (?P<words>
        (?P<wbase>{_WORD_NUMBER})
        (?:(?P<whalf>\s+and\s+a\s+half\b)(?:[\s-]+(?P<wmag>{_MAGNITUDE})\b)?)?
        (?:\s?(?P<wpct>{_PERCENT_SIGN}))?
    )
  | (?P<ordword>\b(?:{"|".join(_ORDINALS)})\b)
    """,
    re.IGNORECASE | re.VERBOSE,
)

_WRITTEN_AFTER = frozenset(
    q for q in QUALIFIERS if q in {"plus", "+"} or q.startswith(("or ", "and "))
)
_QUALIFIER_BEFORE = re.compile(
    r"(?:(?<=\W)|^)(?P<q>"
    + "|".join(
        re.escape(q).replace(r"\ ", r"\s+")
        for q in sorted(QUALIFIERS, key=len, reverse=True)
        if q not in _WRITTEN_AFTER
    )
    + r")\s*$",
    re.IGNORECASE,
)
_QUALIFIER_AFTER = re.compile(
    r"^(?:\s+(?P<w>"
    + "|".join(
        q.replace(" ", r"\s+") for q in sorted(_WRITTEN_AFTER - {"+"}, key=len, reverse=True)
    )
    + r")\b|(?P<p>\+))",
    re.IGNORECASE,
)
_RANGE_JOIN = re.compile(r"^\s*(?P<j>-|–|—|to|and|or|through)\s*$", re.IGNORECASE)
_RANGE_OPENER = re.compile(r"(?:(?<=\W)|^)(?P<o>(?:anywhere\s+)?(?:between|from))\s+$", re.I)
_TOKEN = re.compile(r"[A-Za-z][A-Za-z'’]*(?:-[A-Za-z][A-Za-z'’]*)*|\d[\d,.]*|\S")
_TOTAL_OF = re.compile(
    r"\b(?:number|total|count|tally|toll|figure|amount)\s+of\s+"
    r"(?P<np>[A-Za-z][\w'-]*(?:\s+[A-Za-z][\w'-]*){0,3}?)\s+"
    r"(?:is|was|are|were|stands\s+at|stood\s+at|reached|hit|totals?|totall?ed|"
    r"rose\s+to|fell\s+to|at|of|to)\s*$",
    re.IGNORECASE,
)

_DETERMINERS = _wordset(
    "the a an its their his her our your my these this that those such all some any"
)
_PRONOUN_SUBJECTS = _wordset("them those these it they who whom which us we he she him you me")
_DROPPED_ADJECTIVES = _wordset(
    "large small big huge new more other additional further extra many several "
    "various different individual total estimated known reported some only just about"
)
_STOP = _wordset(
    "cannot can't won't don't doesn't didn't isn't aren't wasn't weren't "
    "began begin begins rose rise rises fell fall falls grew grow grows left went came "
    "gave died die dies ran run runs met meet paid pay pays fled stood sat spoke wrote "
    "broke chose drove flew knew threw told tell tells lived live lives work works "
    "worked want wants wanted use used uses despite including except amid following "
    "toward towards upon throughout beyond regarding concerning later earlier however "
    "away apart respectively if unless whether because although though whereas "
    "a an the of in on at by for with from to into onto across over under per each "
    "every and or but nor so yet than as about after before since until while during "
    "between among against through without within around near like via than this that "
    "these those which who whom whose where when why how what is are was were be been "
    "being am have has had having do does did will would can could may might must "
    "shall should get gets got take takes took make makes made come comes came go "
    "goes went need needs require requires remain remains remained become becomes "
    "became carry carries carried say says said show shows showed see saw seem seems "
    "seemed put puts keep kept give gave still also now then already even only just "
    "not no never again too very there here larger smaller more fewer less higher "
    "lower greater bigger older younger times annually yearly daily a-year last next "
    "ago alone along beside besides behind beneath below above inside outside onto "
    "alongside underneath up upfront out overall apiece outright overnight yesterday "
    "today tonight tomorrow"
)
_AUXILIARIES = _wordset(
    "is are was were be been being have has had will would can could may might must "
    "should shall get got gets"
)
_IRREGULAR_PARTICIPLES = _wordset(
    "held taken given done made sold kept shot hit put seen found born hurt bought "
    "caught sent built brought stolen beaten driven slain hidden lost won spent torn "
    "thrown known shown grown drawn"
)
_AFTER_PARTICIPLE = _wordset(
    "in on at by for from to each every per annually yearly daily since between "
    "during last this a an over across within until before after"
)
_SUBJECT_REACH = 16
"""Words after a number that may name what it counts; a subject never runs further."""
_STEM_STOP = _wordset("the a an of and or in on at to for by with")


@lru_cache(maxsize=65536)
def find_numbers(sentence: str) -> tuple[NumberMention, ...]:
    """Every number in ``sentence``, in order, with its hedge and subject.

    Args:
        sentence: any text; it is never interpreted, and malformed text never raises.

    Returns:
        The mentions, non-overlapping, each with ``sentence[start:end] == surface``.

    >>> [(m.low, m.high, m.qualifier, m.subject) for m in find_numbers(
    ...     "The report notes more than 700 hospitals that do this.")]
    [(700.0, 700.0, 'more than', 'hospitals')]
    """
    atoms = [
        atom for match in _MASTER.finditer(sentence)
        if (atom := _read(match)) and _is_finite(atom)
    ]
    atoms = _join_ratios(sentence, _drop_units_read_as_ordinals(sentence, atoms))
    atoms = _join_split_years(sentence, atoms)
    atoms = [
        _with_degrees(sentence, _with_sign(sentence, atom))
        for atom in atoms
        if not _is_stamp(sentence, atom)
    ]
    combined = _read_labels(sentence, _join_ranges(sentence, atoms))
    mentions: list[NumberMention] = []
    for atom in combined:
        mention = _with_subject(sentence, _with_qualifier(sentence, atom))
        if _passes_things(mention):
            mention = _with_subject(sentence, atom)
        if _is_pronoun_one(sentence, mention) or not _is_finite(mention):
            continue
        if mentions and mention.start < mentions[-1].end:
            continue  # "12C$4bn": the unit read onto one figure is the next one's symbol
        mentions.append(mention)
    return tuple(mentions)


def _is_finite(mention: NumberMention) -> bool:
    # A run of 400 digits reads as infinity: no figure to compare, and every step that
    # takes its logarithm or writes it to JSON would fail on it.
    return math.isfinite(mention.low) and math.isfinite(mention.high)


def _join_split_years(sentence: str, atoms: list[NumberMention]) -> list[NumberMention]:
    """A financial or school year written "2028-29" or "2025/26" is one span of years,
    not a year and a count of 29.

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


# --- reading one match -------------------------------------------------------------

_VAGUE_QUALIFIERS = frozenset(
    {
        "tens of",
        "dozens of",
        "scores of",
        "hundreds of",
        "thousands of",
        "millions of",
        "billions of",
        "several",
    }
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


# --- context: ranges, hedges, subjects ----------------------------------------------


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


_DURATION_UNITS = _wordset(
    "second seconds minute minutes hour hours day days week weeks fortnight fortnights "
    "weekend weekends month months year years decade decades century centuries "
    "season seasons term terms semester semesters quarter quarters"
)
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


_UP_AS_PARTICLE = _wordset(
    "wake wakes waking woke woken add adds adding added sum sums summed end ends ending ended"
)


def _word_before(sentence: str, start: int) -> str | None:
    found = re.search(r"([A-Za-z]+)\s+$", sentence[:start])
    return found[1].lower() if found else None


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


def _is_plain_noun(word: str) -> bool:
    lower = word.lower()
    return (
        word[:1].isalpha()
        and lower not in _STOP
        and not _is_participle(lower)
        and not lower.endswith("ing")
    )


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


def _is_participle(word: str) -> bool:
    return (len(word) > 4 and word.endswith("ed")) or word in _IRREGULAR_PARTICIPLES


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


# --- values and stems ---------------------------------------------------------------


def _same(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)


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
        stem = _stem(word)
        if stem not in stems:
            stems.append(stem)
    return tuple(stems)


def _stem(word: str) -> str:
    for suffix, replacement in (("ies", "y"), ("sses", "ss")):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            return _stem(word[: -len(suffix)] + replacement)
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        word = word[:-1]
    for suffix in ("ation", "ion", "ing", "ed", "er", "e"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


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
