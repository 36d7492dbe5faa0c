"""The words and patterns every stage of reading a figure shares: hedges, number words,
units, scales, and the one regular expression that finds candidate numbers.
"""

from __future__ import annotations

import math
import re

from storydiff.coverage.lexicon import MONTHS, wordset
from storydiff.coverage.model import NumberMention

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


_wordset = wordset  # the stages of this package import it from here

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


def _is_finite(mention: NumberMention) -> bool:
    # A run of 400 digits reads as infinity: no figure to compare, and every step that
    # takes its logarithm or writes it to JSON would fail on it.
    return math.isfinite(mention.low) and math.isfinite(mention.high)


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


_DURATION_UNITS = _wordset(
    "second seconds minute minutes hour hours day days week weeks fortnight fortnights "
    "weekend weekends month months year years decade decades century centuries "
    "season seasons term terms semester semesters quarter quarters"
)
_UP_AS_PARTICLE = _wordset(
    "wake wakes waking woke woken add adds adding added sum sums summed end ends ending ended"
)


def _word_before(sentence: str, start: int) -> str | None:
    found = re.search(r"([A-Za-z]+)\s+$", sentence[:start])
    return found[1].lower() if found else None


def _is_plain_noun(word: str) -> bool:
    lower = word.lower()
    return (
        word[:1].isalpha()
        and lower not in _STOP
        and not _is_participle(lower)
        and not lower.endswith("ing")
    )


def _is_participle(word: str) -> bool:
    return (len(word) > 4 and word.endswith("ed")) or word in _IRREGULAR_PARTICIPLES


def _same(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)
