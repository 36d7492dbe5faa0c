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

from functools import lru_cache

from storydiff.coverage.model import NumberMention
from storydiff.coverage.numbers.atoms import _read
from storydiff.coverage.numbers.context import (
    _drop_units_read_as_ordinals,
    _is_stamp,
    _join_ranges,
    _join_ratios,
    _join_split_years,
    _passes_things,
    _read_labels,
    _with_qualifier,
    _with_sign,
    is_house_number,
)
from storydiff.coverage.numbers.subjects import (
    _as_age_of_name,
    _is_pronoun_one,
    _with_degrees,
    _with_subject,
)
from storydiff.coverage.numbers.values import (
    describe,
    format_value,
    is_near_miss,
    is_rounding_of,
    readable_value,
    subject_similarity,
    time_within_bound,
    values_match,
)
from storydiff.coverage.numbers.vocabulary import _MASTER, QUALIFIERS, VAGUE, _is_finite

__all__ = [
    "QUALIFIERS",
    "VAGUE",
    "describe",
    "find_numbers",
    "format_value",
    "is_house_number",
    "is_near_miss",
    "is_rounding_of",
    "readable_value",
    "subject_similarity",
    "time_within_bound",
    "values_match",
]

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
        mention = _as_age_of_name(sentence, mention)
        if _is_pronoun_one(sentence, mention) or not _is_finite(mention):
            continue
        if mentions and mention.start < mentions[-1].end:
            continue  # "12C$4bn": the unit read onto one figure is the next one's symbol
        mentions.append(mention)
    return tuple(mentions)
