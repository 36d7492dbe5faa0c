"""Numbers read from sentences: values, kinds, hedges, subjects, and comparisons."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from storydiff.coverage.model import NumberKind, NumberMention
from storydiff.coverage.numbers import (
    QUALIFIERS,
    describe,
    find_numbers,
    format_value,
    is_rounding_of,
    subject_similarity,
    values_match,
)

COUNT, PERCENT, MONEY = NumberKind.COUNT, NumberKind.PERCENT, NumberKind.MONEY
YEAR, DATE, ORDINAL = NumberKind.YEAR, NumberKind.DATE, NumberKind.ORDINAL
MEASURE, TIME = NumberKind.MEASURE, NumberKind.TIME


def only(sentence: str) -> NumberMention:
    """The single mention in ``sentence``; fails when there is not exactly one."""
    mentions = find_numbers(sentence)
    assert len(mentions) == 1, mentions
    return mentions[0]


def summary(sentence: str) -> list[tuple[str, float, float, str, str | None]]:
    return [(m.surface, m.low, m.high, m.kind.value, m.qualifier) for m in find_numbers(sentence)]


@pytest.mark.parametrize(
    ("sentence", "surface", "value"),
    [
        ("The club sold 4,312 tickets.", "4,312", 4312),
        ("The club sold 4312 tickets.", "4312", 4312),
        ("The club sold 1,250,000 tickets.", "1,250,000", 1_250_000),
        ("Rain fell for 2.5 hours.", "2.5", 2.5),
        ("About 1.5 million visitors came.", "About 1.5 million", 1_500_000),
        ("The town has 3 thousand homes.", "3 thousand", 3000),
    ],
)
def test_digits_with_separators_decimals_and_scales(
    sentence: str, surface: str, value: float
) -> None:
    mention = only(sentence)
    assert (mention.surface, mention.low, mention.high) == (surface, value, value)


@pytest.mark.parametrize(
    ("sentence", "surface", "value"),
    [
        ("The bridge cost $3 billion to build.", "$3 billion", 3e9),
        ("Its budget was £40m last year.", "£40m", 40e6),
        ("A grant of €2.5 million was approved.", "€2.5 million", 2.5e6),
        ("The fine was $12,000.", "$12,000", 12_000),
    ],
)
def test_money(sentence: str, surface: str, value: float) -> None:
    mention = only(sentence)
    assert (mention.surface, mention.low, mention.kind) == (surface, value, MONEY)


def test_currency_word_after_a_count_makes_it_money() -> None:
    mention = only("They paid 300 dollars for it.")
    assert (mention.kind, mention.surface, mention.low) == (MONEY, "300 dollars", 300)


def test_a_bare_m_is_not_millions_without_a_currency_sign() -> None:
    mention = only("The wall is 40m long.")
    assert (mention.low, mention.kind, mention.subject) == (40, MEASURE, "metres")


@pytest.mark.parametrize("written", ["95%", "95 percent", "95 per cent", "95 percent."])
def test_percent_spellings_are_one_value(written: str) -> None:
    mention = find_numbers(f"Turnout reached {written}")[0]
    assert (mention.low, mention.kind) == (95, PERCENT)
    assert values_match(mention, only("Turnout reached 95%"))


def test_percentage_points_are_not_a_percent() -> None:
    mention = only("Support fell 12 percentage points.")
    assert mention.kind is MEASURE
    assert not values_match(mention, only("Support fell 12%."))


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("She has six cats.", 6),
        ("He waited twelve days.", 12),
        ("There were twenty-one guests.", 21),
        ("A hundred people came.", 100),
        ("Three thousand runners started.", 3000),
        ("Two hundred and twelve boats sailed.", 212),
        ("A dozen eggs broke.", 12),
        ("Nineteen ninety lanterns.", 19),
    ],
)
def test_number_words(sentence: str, value: float) -> None:
    assert find_numbers(sentence)[0].low == value


@pytest.mark.parametrize(
    ("sentence", "low", "high", "qualifier"),
    [
        ("Tens of thousands of fans cheered.", 20_000, 99_999, "tens of"),
        ("Hundreds of thousands of fish died.", 200_000, 999_999, "hundreds of"),
        ("Thousands of letters arrived.", 2_000, 9_999, "thousands of"),
        ("Dozens of shops closed.", 24, 119, "dozens of"),
        ("Several thousand people marched.", 3_000, 9_000, "several"),
    ],
)
def test_vague_amounts_follow_the_documented_convention(
    sentence: str, low: float, high: float, qualifier: str
) -> None:
    mention = find_numbers(sentence)[0]
    assert (mention.low, mention.high, mention.qualifier, mention.kind) == (
        low,
        high,
        qualifier,
        COUNT,
    )


@pytest.mark.parametrize(
    ("sentence", "surface"),
    [
        ("Farms lost between 3,000 and 5,000 sheep.", "between 3,000 and 5,000"),
        ("Farms lost 3,000 to 5,000 sheep.", "3,000 to 5,000"),
        ("Farms lost 3,000-5,000 sheep.", "3,000-5,000"),
        ("Farms lost 3,000–5,000 sheep.", "3,000–5,000"),
        ("Farms lost anywhere between 3,000 and 5,000 sheep.", "anywhere between 3,000 and 5,000"),
        ("Farms lost from 3,000 to 5,000 sheep.", "from 3,000 to 5,000"),
    ],
)
def test_ranges(sentence: str, surface: str) -> None:
    mention = only(sentence)
    assert (mention.surface, mention.low, mention.high) == (surface, 3000, 5000)
    assert mention.qualifier is None
    assert mention.subject == "sheep"


def test_and_without_between_is_two_numbers() -> None:
    assert [m.low for m in find_numbers("It had 40 goats and 50 sheep.")] == [40, 50]


def test_scale_written_once_covers_both_ends_of_a_range() -> None:
    assert summary("It costs $3-4 billion.") == [("$3-4 billion", 3e9, 4e9, "money", None)]
    assert only("Up to 1.5 to 2 million birds.").low == 1.5e6


def test_small_alternatives_form_a_range() -> None:
    mention = only("They ate one or two apples.")
    assert (mention.low, mention.high, mention.subject) == (1, 2, "apples")


@pytest.mark.parametrize(
    ("sentence", "low", "high"),
    [
        ("The mill opened in 1999.", 1999, 1999),
        ("Since 2014 the lake has shrunk.", 2014, 2014),
        ("Output grew between 2002 and 2008.", 2002, 2008),
        ("Prices doubled in the 1990s.", 1990, 1999),
    ],
)
def test_years_are_kept_apart_from_counts(sentence: str, low: float, high: float) -> None:
    mention = only(sentence)
    assert (mention.kind, mention.low, mention.high) == (YEAR, low, high)


def test_a_hedged_four_digit_figure_is_a_count() -> None:
    assert only("More than 2000 people signed.").kind is COUNT


@pytest.mark.parametrize(
    ("sentence", "surface", "iso"),
    [
        ("It was signed on March 3, 2011 in a hall.", "March 3, 2011", "2011-03-03"),
        ("It was signed on 3 March 2011 in a hall.", "3 March 2011", "2011-03-03"),
        ("It was signed in March 2011.", "March 2011", "2011-03"),
    ],
)
def test_dates(sentence: str, surface: str, iso: str) -> None:
    mention = only(sentence)
    assert (mention.kind, mention.surface) == (DATE, surface)
    assert format_value(mention.low, mention.high, kind=DATE) == iso


@pytest.mark.parametrize(
    "sentence",
    [
        "Updated 9:30 PM ET",
        "Help 24/7.",
        "The G7 met.",
        "A COVID-19 ward.",
        "In their 40s.",
    ],
)
def test_stamps_codes_and_fractions_are_not_numbers(sentence: str) -> None:
    assert find_numbers(sentence) == ()


@pytest.mark.parametrize(
    ("sentence", "value", "subject"),
    [("It was the third attempt.", 3, "attempt"), ("The 21st century began.", 21, "century")],
)
def test_ordinals(sentence: str, value: float, subject: str) -> None:
    mention = only(sentence)
    assert (mention.kind, mention.low, mention.subject) == (ORDINAL, value, subject)


# Verbs that go by things as well as beyond levels hedge only a level: see
# test_past_and_passed_before_things_counted_are_no_hedge.
_PASSING_BY = {"past", "passed", "passes", "passing"}


@pytest.mark.parametrize(("written", "normalised"), sorted(QUALIFIERS.items()))
def test_every_qualifier_in_the_table_is_read(written: str, normalised: str | None) -> None:
    written_after = written == "plus" or written.startswith(("or ", "and "))
    sentence = (
        f"They counted 800 {written} birds."
        if written_after
        else f"They counted 800{written} birds."
        if written == "+"
        else "The tally went past 800 on Monday."
        if written == "past"
        else f"The tally {written} 800 on Monday."
        if written in _PASSING_BY
        else f"They counted {written} 800 birds."
    )
    mention = find_numbers(sentence)[0]
    assert mention.low == 800
    assert mention.qualifier == normalised
    assert written in mention.surface or written.replace(" ", "") in mention.surface


@pytest.mark.parametrize(
    ("sentence", "subject"),
    [
        ("Inspectors visited 312 farms last week.", "farms"),
        ("Scientists tagged 40 to 60 grey seals in May.", "grey seals"),
        ("Between 40 and 60 members of parliament are retiring.", "members of parliament"),
        ("About 500 members of staff were dismissed this year.", "members of staff dismissed"),
        ("The survey lists 120 cafes that serve breakfast.", "cafes"),
        ("Nine volunteers planted trees.", "volunteers"),
        ("We found 85 large trees uprooted.", "trees uprooted"),
        ("Up to 30 percent of the crops were damaged by frost.", "crops damaged"),
        ("Tens of thousands of voters have been quietly removed.", "voters removed"),
        ("It lists 14 fishing and farming villages nearby.", "fishing and farming villages nearby"),
        ("She said the total number of licensed boats is about 900 this season.", "licensed boats"),
        ("At least 40 in total.", None),
        ("Over 300 of them left.", None),
        ("Over 300 of those taking part left early.", None),
        ("Over 300 of those runners were there.", "runners"),
        ("Millions of commuters despite the strike went in.", "commuters"),
        ("About 40 miles away.", "miles"),
        ("A total of 60 boats sailing north.", "boats"),
    ],
)
def test_subject_is_the_thing_counted(sentence: str, subject: str | None) -> None:
    assert find_numbers(sentence)[0].subject == subject


def test_an_active_verb_after_the_noun_is_not_part_of_the_subject() -> None:
    assert only("Last month 52 volunteers collected litter.").subject == "volunteers"
    # With nothing after it, an -ed word reads as a participle: "52 bags collected."
    assert only("Last month 52 bags collected.").subject == "bags collected"


def test_a_time_phrase_after_the_number_is_not_its_subject() -> None:
    assert only("Attendance was 900 this season.").subject is None


def test_pronoun_one_is_not_a_count() -> None:
    assert find_numbers("No one cannot see it, and the one that left.") == ()
    assert find_numbers("It is one of the oldest bridges.") == ()
    assert only("It took one day.").subject == "day"


def test_format_value() -> None:
    assert format_value(712, 712) == "712"
    assert format_value(60_000, 100_000) == "60000-100000"
    assert format_value(1.5e6, 1.5e6) == "1500000"
    assert format_value(2.5, 2.5) == "2.5"
    assert format_value(0.1 + 0.2, 0.1 + 0.2) == "0.3"


@pytest.mark.parametrize(
    ("sentence", "described"),
    [
        ("Between 3,000 and 5,000 sheep were lost.", "3,000–5,000 sheep lost"),
        ("More than 700 cafes in town.", "more than 700 cafes"),
        ("The total number of licensed boats is about 900.", "about 900 licensed boats"),
        ("Some 95 per cent of votes.", "about 95% votes"),
        ("Tens of thousands of fans were there.", "tens of thousands of fans"),
        ("About 1.5 million visitors.", "about 1.5 million visitors"),
        ("It costs $3 billion.", "$3 billion cost"),
        ("The bill is $3 billion.", "$3 billion"),
        ("Doors shut at about 6:42 a.m. sharp.", "about 6:42 a.m."),
        ("It fell to minus 31 degrees Celsius.", "-31 degrees Celsius"),
    ],
)
def test_describe(sentence: str, described: str) -> None:
    assert describe(find_numbers(sentence)[0]) == described


def test_values_match_ignores_hedges_but_not_kinds() -> None:
    assert values_match(only("about 700 cafes"), only("more than 700 shops"))
    assert not values_match(only("700 cafes"), only("701 cafes"))
    assert not values_match(only("in 2015"), only("more than 2015 cafes"))
    assert values_match(
        only("0.3 of it"), NumberMention("x", 0.1 + 0.2, 0.1 + 0.2, COUNT, None, None, 0, 1)
    )


@pytest.mark.parametrize(
    ("rounded", "exact", "expected"),
    [
        ("more than 700 cafes", "712 cafes", True),
        ("about 700 cafes", "712 cafes", True),
        ("nearly 700 cafes", "690 cafes", True),
        ("nearly 700 cafes", "712 cafes", False),  # the hedge points the wrong way
        ("more than 700 cafes", "812 cafes", False),  # too far off
        ("700 cafes", "712 cafes", False),  # no hedge: that is a changed number
        ("more than 712 cafes", "715 cafes", False),  # not a round figure
        ("about 710 cafes", "712 cafes", True),
        ("about 60,000 cafes", "60,000 cafes", False),  # same value: only the hedge moved
    ],
)
def test_is_rounding_of(rounded: str, exact: str, expected: bool) -> None:
    assert is_rounding_of(only(rounded), only(exact)) is expected


@pytest.mark.parametrize(
    ("a", "b", "low", "high"),
    [
        ("organ transplants", "organs transplanted", 0.95, 1.0),
        ("organ transplants", "prisoners executed", 0.0, 0.05),
        ("hospitals", "transplant centres", 0.0, 0.3),
        ("prisoners killed", "prisoners of conscience killed", 0.7, 1.0),
        ("transplant centres", "transplant centers", 0.95, 1.0),
        (None, "cafes", 1.0, 1.0),
    ],
)
def test_subject_similarity(a: str | None, b: str | None, low: float, high: float) -> None:
    assert low <= subject_similarity(a, b) <= high


@given(st.text(max_size=40), st.text(max_size=40))
def test_subject_similarity_is_symmetric_and_bounded(a: str, b: str) -> None:
    score = subject_similarity(a, b)
    assert 0.0 <= score <= 1.0
    assert score == subject_similarity(b, a)


_NUMBERY = st.sampled_from(
    [
        "12",
        "1,200",
        "3.5",
        "$4bn",
        "£40m",
        "95%",
        " per cent",
        "between ",
        " and ",
        " to ",
        "-",
        "–",
        "about ",
        "more than ",
        "tens of thousands",
        "twenty-one",
        " hundred",
        "a ",
        "June 4, 2016",
        "1999",
        "11:45 PM",
        "6.42am",
        "the 6.15 from Leeds",
        "09:14 GMT",
        "-",
        "minus ",
        "−",
        "C",
        " °C",
        " degrees Celsius",
        "over ",
        " years",
        "24/7",
        "3rd",
        "people",
        " ",
        ",",
        ".",
        "of ",
        "are killed",
        "one",
        "or more",
        "+",
        "'s",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(_NUMBERY, st.text(max_size=6)), max_size=14).map("".join))
def test_never_raises_and_spans_slice_back(sentence: str) -> None:
    previous_end = 0
    for mention in find_numbers(sentence):
        assert sentence[mention.start : mention.end] == mention.surface
        assert mention.start >= previous_end
        assert mention.low <= mention.high
        previous_end = mention.end


# --- the shared seeds, read at run time ----------------------------------------------


def _seed_sentence(seeds_dir: Path, pattern: str) -> str:
    """The seed sentence-ish span (between full stops) containing ``pattern``."""
    for path in sorted(seeds_dir.glob("*.txt")):
        text = " ".join(path.read_text(encoding="utf-8").split())
        found = re.search(rf"[^.]*{pattern}[^.]*", text)
        if found:
            return found.group()
    # The seeds are here (the fixture skips when they are not): a missing sentence is a
    # broken test, not an absent resource.
    raise AssertionError(f"no seed sentence matches {pattern!r}")


@pytest.mark.parametrize(
    ("pattern", "low", "high", "qualifier", "subject"),
    [
        (r"more than 700 hospitals", 700, 700, "more than", "hospitals"),
        (r"confirmed 712 hospitals", 712, 712, None, "hospitals"),
        (
            r"between 60,000 and 100,000 organ transplants",
            60_000,
            100_000,
            None,
            "organ transplants",
        ),
        (
            r"60,000 and 100,000 prisoners of conscience are executed",
            60_000,
            100_000,
            None,
            "prisoners of conscience executed",
        ),
        (
            r"60,000 to 100,000 organs are transplanted",
            60_000,
            100_000,
            None,
            "organs transplanted",
        ),
        (r"legal transplants is about 10,000", 10_000, 10_000, "about", "legal transplants"),
        (r"7,785 organs that", 7785, 7785, None, "organs"),
        (r"2,766 people", 2766, 2766, None, "people"),
    ],
)
def test_seed_figures(
    seeds_dir: Path, pattern: str, low: float, high: float, qualifier: str | None, subject: str
) -> None:
    sentence = _seed_sentence(seeds_dir, pattern)
    matching = [m for m in find_numbers(sentence) if (m.low, m.high) == (low, high)]
    assert matching, find_numbers(sentence)
    assert (matching[0].qualifier, matching[0].subject) == (qualifier, subject)


def test_seed_rounding_and_subject_change(seeds_dir: Path) -> None:
    hedged = _seed_sentence(seeds_dir, "more than 700 hospitals")
    rounded = next(m for m in find_numbers(hedged) if m.low == 700)
    exact = next(
        m for m in find_numbers(_seed_sentence(seeds_dir, "confirmed 712")) if m.low == 712
    )
    assert is_rounding_of(rounded, exact)
    transplants = _seed_sentence(seeds_dir, "between 60,000 and 100,000 organ transplants")
    executed = _seed_sentence(seeds_dir, "prisoners of conscience are executed")
    a = next(m for m in find_numbers(transplants) if m.high == 100_000)
    b = next(m for m in find_numbers(executed) if m.high == 100_000)
    assert values_match(a, b)
    assert subject_similarity(a.subject, b.subject) < 0.3


@pytest.mark.parametrize(
    ("sentence", "kind", "subject"),
    [
        ("They paid a 250,000-euro ransom.", NumberKind.MONEY, "ransom"),
        ("Crews emptied a 300-tonne tank.", NumberKind.MEASURE, "tonne tank"),
    ],
)
def test_unit_joined_to_the_figure_by_a_hyphen(
    sentence: str, kind: NumberKind, subject: str
) -> None:
    (mention,) = find_numbers(sentence)
    assert (mention.kind, mention.subject) == (kind, subject)
    assert sentence[mention.start : mention.end] == mention.surface


def test_near_misses_are_one_slip_apart() -> None:
    from storydiff.coverage.numbers import is_near_miss

    def first(text: str) -> NumberMention:
        return find_numbers(text)[0]

    assert is_near_miss(first("2,300 nurses"), first("3,200 nurses"))  # digits swapped
    assert is_near_miss(first("25,000 euros"), first("250,000 euros"))  # a zero slipped
    assert is_near_miss(first("712 schools"), first("more than 700 schools"))  # rounded
    assert not is_near_miss(first("712 schools"), first("713 schools"))
    assert not is_near_miss(first("100 people"), first("1,000 people"))  # too common
    assert not is_near_miss(first("12 people"), first("21 people"))  # too small to tell


# --- clock times ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "surface"),
    [
        ("The span fell at 6:42 a.m. on Monday.", "6:42 a.m."),
        ("The span fell at 6.42am on Monday.", "6.42am"),
        ("The span fell at 6.42 am on Monday.", "6.42 am"),
        ("The span fell at 6:42 AM on Monday.", "6:42 AM"),
        ("The span fell at 06:42 on Monday.", "06:42"),
        ("The span fell at 06.42 on Monday.", "06.42"),
        ("The span fell at 06:42 GMT on Monday.", "06:42 GMT"),
        ("The span fell at 6.42 yesterday.", "6.42"),
    ],
)
def test_clock_times_in_every_spelling_are_one_time(sentence: str, surface: str) -> None:
    mention = only(sentence)
    assert (mention.surface, mention.kind, mention.low, mention.subject) == (
        surface,
        TIME,
        6 * 60 + 42,
        None,
    )
    assert format_value(mention.low, mention.high, kind=TIME) == "06:42"
    assert values_match(mention, only("It fell at 6:42 a.m."))


@pytest.mark.parametrize(
    ("sentence", "minutes"),
    [
        ("Doors open at 4am.", 4 * 60),
        ("Doors open at 10am.", 10 * 60),
        ("Doors open at 7 p.m. today.", 19 * 60),
        ("Doors open at 12pm.", 12 * 60),
        ("Doors open at 12am.", 0),
        ("It was reported at 09:14 GMT.", 9 * 60 + 14),
        ("It was reported at 21:05:30.", 21 * 60 + 5.5),
        ("She took the 6.15 service to Leeds.", 6 * 60 + 15),
        ("The 6.15 from Holloway Cross was late.", 6 * 60 + 15),
        ("The 6.15 to Brennick was late.", 6 * 60 + 15),
    ],
)
def test_clock_times_are_minutes_since_midnight(sentence: str, minutes: float) -> None:
    mention = only(sentence)
    assert (mention.kind, mention.low) == (TIME, minutes)


def test_a_hedged_time_keeps_its_hedge() -> None:
    mention = only("The train crossed at about 6:42 a.m.")
    assert (mention.surface, mention.qualifier, mention.kind) == ("about 6:42 a.m.", "about", TIME)
    assert only("The train crossed at around 6.42am.").qualifier == "about"


@pytest.mark.parametrize(
    ("sentence", "value", "kind"),
    [
        ("Inflation hit 6.5 percent.", 6.5, PERCENT),
        ("Some 2.4 million people voted.", 2.4e6, COUNT),
        ("It raised $4.2m in a day.", 4.2e6, MONEY),
        ("The index rose 6.15 points.", 6.15, MEASURE),
        ("Shares closed at 6.42 on the day.", 6.42, COUNT),
        ("The rate is 1.25 to 1.50 now.", 1.25, COUNT),
        ("The lift is 6.15 metres high.", 6.15, MEASURE),
    ],
)
def test_decimals_are_not_clock_times(sentence: str, value: float, kind: NumberKind) -> None:
    mention = find_numbers(sentence)[0]
    assert (mention.low, mention.kind) == (value, kind)


def test_a_changed_time_is_a_different_value_and_a_near_miss() -> None:
    from storydiff.coverage.numbers import is_near_miss

    told, slipped = only("It fell at 6.42am."), only("It fell at 6.24am.")
    assert not values_match(told, slipped)
    assert format_value(slipped.low, slipped.high, kind=TIME) == "06:24"
    assert is_near_miss(told, slipped)  # the written digits swapped
    assert not is_near_miss(told, only("It fell at 9.15pm."))


def test_times_are_never_counts_and_never_anchors() -> None:
    from storydiff.coverage.align import distinctive_values

    sentence = "The 6.15 from Leeds fell at 6.42am, and the 06:50 stopped at 7:10 p.m."
    assert [m.kind for m in find_numbers(sentence)] == [TIME, TIME, TIME, TIME]
    assert distinctive_values(sentence) == frozenset()


@pytest.mark.parametrize(
    ("sentence", "low", "high"),
    [
        ("Use less power between 5pm and 8pm.", 17 * 60, 20 * 60),
        ("The curfew runs 6-9am.", 6 * 60, 9 * 60),
        ("The curfew runs from 11 to 1pm.", 11 * 60, 13 * 60),
        ("The curfew runs 06:00 to 09:30.", 6 * 60, 9 * 60 + 30),
    ],
)
def test_ranges_of_times(sentence: str, low: float, high: float) -> None:
    mention = only(sentence)
    assert (mention.kind, mention.low, mention.high) == (TIME, low, high)
    assert "/" in format_value(mention.low, mention.high, kind=TIME)


@pytest.mark.parametrize(
    "sentence",
    [
        "16:40 GMT — We are pausing our live coverage here.",
        "09:14 GMT - The institute recorded the low.",
        "Published 6 November 2025, 4:37pm | Updated 6 November 2025, 7:12pm",
        "14 October 2025, 5:10pm",
    ],
)
def test_entry_stamps_are_not_read_as_times(sentence: str) -> None:
    assert TIME not in [m.kind for m in find_numbers(sentence)]


def test_a_time_that_opens_a_sentence_without_a_dash_is_a_time() -> None:
    assert only("At 6.42am yesterday, one of its spans gave way.").kind is TIME
    assert only("6.42am").kind is TIME


# --- negatives and temperatures ------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "surface"),
    [
        ("The town recorded -31C overnight.", "-31C"),
        ("The town recorded −31C overnight.", "−31C"),
        ("The town recorded −31 °C overnight.", "−31 °C"),
        ("The town recorded -31°C overnight.", "-31°C"),
        ("The town recorded minus 31C overnight.", "minus 31C"),
        ("The town recorded minus 31 degrees Celsius overnight.", "minus 31"),
        ("The town recorded minus 31 degrees C overnight.", "minus 31"),
        ("The town recorded -31 Celsius overnight.", "-31"),
        ("The town recorded minus 31 degrees centigrade overnight.", "minus 31"),
    ],
)
def test_negative_celsius_in_every_spelling_is_one_figure(sentence: str, surface: str) -> None:
    mention = only(sentence)
    assert (mention.surface, mention.low, mention.high, mention.kind, mention.subject) == (
        surface,
        -31,
        -31,
        MEASURE,
        "degrees Celsius",
    )
    assert values_match(mention, only("It was -31C."))
    assert not values_match(mention, only("It killed 31 people."))


def test_fahrenheit_is_its_own_unit() -> None:
    assert only("It was minus 40 degrees Fahrenheit.").subject == "degrees Fahrenheit"
    mention = only("A fever of 101.3F is high.")
    assert (mention.low, mention.subject, mention.surface) == (
        101.3,
        "degrees Fahrenheit",
        "101.3F",
    )
    assert only("It was 40°F.").subject == "degrees Fahrenheit"


def test_degrees_without_a_scale_are_still_degrees() -> None:
    mention = only("The capital reached minus 18 degrees.")
    assert (mention.low, mention.kind, mention.subject) == (-18, MEASURE, "degrees")
    assert values_match(mention, only("The capital woke up to minus 18C."))


@pytest.mark.parametrize(
    ("sentence", "low", "high"),
    [
        ("Lows of between -5C and -10C.", -10, -5),
        ("Lows from -5 to -10C.", -10, -5),
        ("Highs of 20-25C.", 20, 25),
        ("Highs of 20C to 25C.", 20, 25),
    ],
)
def test_temperature_ranges(sentence: str, low: float, high: float) -> None:
    mention = only(sentence)
    assert (mention.low, mention.high, mention.kind, mention.subject) == (
        low,
        high,
        MEASURE,
        "degrees Celsius",
    )


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Between 60-80 services a day were cut.", [(60, 80)]),
        ("It ran in 2012-2013.", [(2012, 2013)]),
        ("Aged 18-24 mostly.", [(18, 24)]),
        ("A margin of plus or minus 3 points.", [(3, 3)]),
        ("Ten minus 3 is seven, and 10 minus 3 too.", [(10, 10), (3, 3), (7, 7), (10, 10), (3, 3)]),
        ("A COVID-19 ward had 12 beds.", [(12, 12)]),
    ],
)
def test_hyphens_and_minus_words_that_are_not_signs(
    sentence: str, expected: list[tuple[float, float]]
) -> None:
    assert [(m.low, m.high) for m in find_numbers(sentence)] == expected


def test_other_kinds_take_a_sign_too() -> None:
    assert only("Growth was −0.3% last quarter.").low == -0.3
    assert only("A loss of -$5m was booked.").low == -5e6


def test_a_capital_c_after_a_label_or_out_of_range_is_not_a_temperature() -> None:
    assert find_numbers("Flat 3C was empty.") == ()  # a flat's number is no figure
    assert only("Grade 3C was set.").kind is COUNT
    assert only("They sold 700C units.").kind is COUNT  # no weather is 700 degrees


# --- qualifiers -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "qualifier"),
    [
        ("Pay is capped at 52 weeks.", "at most"),
        ("Pay is no more than 52 weeks.", "at most"),
        ("Pay is a maximum of 52 weeks.", "at most"),
        ("Pay is up to a maximum of 52 weeks.", "at most"),
        ("Pay is not exceeding 52 weeks.", "at most"),
        ("They hired no fewer than 40 people.", "at least"),
        ("They hired a minimum of 40 people.", "at least"),
        ("Most patients are older than 65.", "more than"),
        ("Most patients are aged over 65.", "more than"),
        ("Most patients are over the age of 65.", "more than"),
        ("Most patients are aged 65 and over.", "at least"),
        ("Most patients are 65 or older.", "at least"),
        ("Children aged 5 and under go free.", "at most"),
        ("Groups of 10 or fewer may meet.", "at most"),
        ("Pupils younger than 11 stayed home.", "less than"),
    ],
)
def test_caps_floors_and_ages(sentence: str, qualifier: str) -> None:
    assert only(sentence).qualifier == qualifier


@pytest.mark.parametrize(
    "sentence",
    [
        "The plant will add about 600 jobs over two years.",
        "The cost will be spread over 10 days.",
        "Talks will run over the next three months.",
        "Over five years, the town doubled in size.",
        "Prices rose 5% over three years.",
    ],
)
def test_over_a_span_of_time_is_no_hedge(sentence: str) -> None:
    spans = [m for m in find_numbers(sentence) if m.subject in {"years", "days", "months"}]
    assert len(spans) == 1
    assert spans[0].qualifier is None
    assert not spans[0].surface.lower().startswith("over")


@pytest.mark.parametrize(
    "sentence",
    [
        "It has been closed for over 10 days.",
        "It was the first rise in over two years.",
        "Passengers waited over 10 hours.",
        "Children over 5 years old must pay.",
        "It was built over 10 years ago.",
        "Over 300,000 people marched.",
        "Most patients are aged over 65.",
        "The wait took over three weeks.",
    ],
)
def test_over_before_a_figure_is_still_more_than(sentence: str) -> None:
    (mention,) = [m for m in find_numbers(sentence) if m.kind in {COUNT, MEASURE}]
    assert mention.qualifier == "more than"


def test_up_to_after_a_phrasal_verb_is_no_cap() -> None:
    assert only("Holmgaard woke up to minus 18C.").qualifier is None
    assert only("The bills add up to $5m.").qualifier is None
    assert only("The storm killed up to 300 people.").qualifier == "up to"


# --- what a sum of money is ----------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "subject"),
    [
        ("The restructuring will save it $1.2 billion a year.", "savings"),
        ("The plan is expected to save at least $450 million a year.", "savings"),
        ("It will take a $1.2 billion restructuring charge.", "restructuring charge"),
        ("It will book a restructuring charge of $1.2 billion.", "restructuring charge"),
        ("It expects annual savings of at least $450 million.", "savings"),
        ("It reported revenue of $61 million.", "revenue"),
        ("It controls an annual budget of around €420 million.", "annual budget"),
        ("The firm faces a fine of up to €2m if inspectors object.", "fine"),
        ("The company has set aside $350 million for severance.", "severance"),
        ("It includes about $310 million in severance payments.", "severance payments"),
        ("The state released €4.2m in emergency funding.", "emergency funding"),
        ("It was ordered to pay $1.5m in compensation to residents.", "compensation"),
        ("The recall will cost the firm €4.2m.", "cost"),
        ("The judge fined the company $4.2 million.", "fine"),
        ("His campaign spent 310,000 euros.", "spending"),
    ],
)
def test_money_subjects(sentence: str, subject: str) -> None:
    mention = next(m for m in find_numbers(sentence) if m.kind is MONEY)
    assert mention.subject == subject


@pytest.mark.parametrize(
    "sentence",
    [
        "Shares fell 9.3 percent to $41.72 in morning trading.",
        "Her rival spent less, compared with €185k for Osei-Laird.",
        "It made $5m for the year.",
        "It made $5m in the first half.",
        "It made a total of $5m.",
    ],
)
def test_money_without_a_readable_subject(sentence: str) -> None:
    mention = next(m for m in find_numbers(sentence) if m.kind is MONEY)
    assert mention.subject is None


def test_a_charge_told_as_savings_is_a_different_subject() -> None:
    charge = only("The company will take a $1.2bn restructuring charge.")
    savings = only("The restructuring, Tidewater says, will save it $1.2 billion a year.")
    assert values_match(charge, savings)
    assert subject_similarity(charge.subject, savings.subject) < 0.34
    assert (
        subject_similarity(
            only("It expects annual savings of at least $450 million.").subject,
            only("It expects the plan to save up to $450 million a year.").subject,
        )
        == 1.0
    )


# --- smaller readings ----------------------------------------------------------------


def test_a_fall_to_a_price_is_two_figures_not_a_range() -> None:
    assert summary("Revenue fell 6% to $3.8bn.") == [
        ("6%", 6, 6, "percent", None),
        ("$3.8bn", 3.8e9, 3.8e9, "money", None),
    ]
    assert only("It rose 5 to 10% a year.").kind is PERCENT


def test_possessive_units_are_measures() -> None:
    mention = only("Workers get 16 weeks' pay.")
    assert (mention.kind, mention.subject) == (MEASURE, "weeks")
    assert values_match(mention, only("Workers get sixteen weeks of pay."))


def test_a_pronoun_or_a_clause_ends_the_subject() -> None:
    assert (
        find_numbers("We found that 95 percent of the patients they saw were ill.")[0].subject
        == "patients"
    )
    assert only("A fine of up to 200 points if they object.").subject == "points"


@pytest.mark.parametrize(
    ("sentence", "iso"),
    [("published: 2025-10-14", "2025-10-14"), ("Dated 17.01.2025 in print.", "2025-01-17")],
)
def test_numeric_dates(sentence: str, iso: str) -> None:
    mention = only(sentence)
    assert mention.kind is DATE
    assert format_value(mention.low, mention.high, kind=DATE) == iso


# --- verbs of going beyond ------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "surface", "kind"),
    [
        ("Ticket sales have passed £2.5m this week.", "passed £2.5m", MONEY),
        ("The late signings took the wage bill past $90 million.", "past $90 million", MONEY),
        ("Membership of the co-op passed 300 in June.", "passed 300", COUNT),
        ("The appeal has surpassed 8,000 donors.", "surpassed 8,000", COUNT),
        ("Attendance exceeded 12,000 for the final.", "exceeded 12,000", COUNT),
        ("Turnout topped 61% in the northern wards.", "topped 61%", PERCENT),
        ("Readings climbed past 38C by noon.", "past 38C", MEASURE),
    ],
)
def test_verbs_of_going_beyond_a_level_read_as_more_than(
    sentence: str, surface: str, kind: NumberKind
) -> None:
    mention = only(sentence)
    assert (mention.surface, mention.qualifier, mention.kind) == (surface, "more than", kind)


def test_a_figure_not_passed_is_at_most() -> None:
    assert only("The grant did not exceed €400,000.").qualifier == "at most"
    assert only("Turnout has not yet passed 40% anywhere.").qualifier == "at most"
    assert only("Turnout has passed 40% everywhere.").qualifier == "more than"


@pytest.mark.parametrize(
    ("sentence", "subject"),
    [
        ("In the past 12 months the ferry ran late.", "months"),
        ("These past four seasons were hard on the club.", "seasons"),
        ("The parade went past 30 market stalls.", "market stalls"),
        ("The senate passed 14 bills before the recess.", "bills"),
        ("Passing 200 parked cars, the tanker slowed.", "parked cars"),
    ],
)
def test_past_and_passed_before_things_counted_are_no_hedge(sentence: str, subject: str) -> None:
    mention = only(sentence)
    assert (mention.qualifier, mention.subject) == (None, subject)
    assert not mention.surface.lower().startswith(("past", "passed", "passing"))


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("The bar stayed open past 11pm on Saturday.", TIME),
        ("The bar stayed open until half past 11.", COUNT),
        ("The bar stayed open until twenty past 11.", COUNT),
        ("The lease runs past 2040.", YEAR),
        ("The lease has passed 2040 in the plans.", YEAR),
    ],
)
def test_past_a_time_or_a_year_is_no_hedge(sentence: str, kind: NumberKind) -> None:
    mention = find_numbers(sentence)[-1]
    assert (mention.kind, mention.qualifier) == (kind, None)


# --- "over" a span of time -------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "low", "subject"),
    [
        ("She scored 31 goals over four seasons.", 4, "seasons"),
        ("The trial followed pupils over one school year.", 1, "school year"),
        ("The cuts are spread over two financial years.", 2, "financial years"),
        ("Fees rose 9% over three terms.", 3, "terms"),
        ("Output doubled over six quarters.", 6, "quarters"),
        ("Over five seasons she scored 70 goals.", 5, "seasons"),
        ("The work ran over two fortnights.", 2, "fortnights"),
    ],
)
def test_over_a_season_term_or_named_year_is_a_span_not_a_hedge(
    sentence: str, low: float, subject: str
) -> None:
    (span,) = [m for m in find_numbers(sentence) if m.low == low]
    assert (span.qualifier, span.subject) == (None, subject)
    assert not span.surface.lower().startswith("over")


@pytest.mark.parametrize(
    "sentence",
    [
        "He has coached for over six seasons.",
        "Over three quarters of members voted.",
        "She has played in over 30 tournaments.",
        "The club has run over 12 campaigns.",
        "The dig lasted over two seasons.",
    ],
)
def test_over_is_still_more_than_for_lengths_fractions_and_events(sentence: str) -> None:
    assert find_numbers(sentence)[0].qualifier == "more than"


# --- a sum paid for something named ------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "subject"),
    [
        ("The council spent £3m on repairs.", "repairs"),
        ("The trust paid $2m for legal fees.", "legal fees"),
        ("The regulator fined the bank $9m for misleading customers.", "fine"),
        ("The chain earned £4m for the year.", "earnings"),
        ("The council spent £3m on its new depot.", "spending"),
        ("Harbury paid £5m in cash.", "payment"),
        ("Harbury will pay the rest, £5m, in instalments.", None),
    ],
)
def test_only_a_bare_category_after_in_for_or_on_names_a_sum(
    sentence: str, subject: str | None
) -> None:
    mention = next(m for m in find_numbers(sentence) if m.kind is MONEY)
    assert mention.subject == subject


@pytest.mark.parametrize(
    "sentence",
    [
        "Harbury paid Tolvik FC £38 million for the defender last night.",
        "The deal is worth £38million up front.",
        "The deal is worth £38m upfront.",
        "The couple paid $3.4m for their villa.",
        "Harbury paid £38m for Ostrander.",
        "Harbury offered £38m for defender Emil Varga.",
        "Harbury bid £30m for him in May.",
        "The fund raised £6m in total.",
        "The fund raised £6m in all.",
    ],
)
def test_a_sum_paid_for_a_named_thing_or_an_adverb_gives_no_subject(sentence: str) -> None:
    mention = next(m for m in find_numbers(sentence) if m.kind is MONEY)
    assert mention.subject is None


def test_a_price_for_a_player_and_a_record_fee_are_not_two_subjects() -> None:
    price = only("Harbury paid Tolvik £38m for the defender.")
    fee = only("Tolvik accepted a £38m club-record fee.")
    assert fee.subject == "club-record fee"
    assert values_match(price, fee)
    assert subject_similarity(price.subject, fee.subject) == 1.0


# --- telephone numbers, postcodes, addresses and labels --------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "For tickets ring +00 31 555 0147 before noon.",
        "Call 0808 157 222 for free advice.",
        "Call (555) 014-3321 for free advice.",
        "Call 555-014-3321 or 555.014.3321 for free advice.",
        "The desk is on 029 2018 0447.",
        "Call us on 555 0147 any time.",
        "Text SAFE to 70707 to give £5.",
        "In an emergency, dial 999.",
        "Call 999 if you see smoke.",
        "Write to PO Box 412, Carnford CF3 8HW.",
        "Send it to 88 Larch Avenue, Dunmore, OH 43017.",
        "The hearing, Case No. 2024/311, was adjourned.",
        "The hearing, case number 7702, was adjourned.",
        "Quote Ref: 55190 when writing.",
        "Flight QX 482 was diverted.",
        "She stayed in Room 214.",
    ],
)
def test_phone_numbers_postcodes_addresses_and_references_are_no_figures(
    sentence: str,
) -> None:
    kinds = [m.kind for m in find_numbers(sentence)]
    assert COUNT not in kinds and MEASURE not in kinds and YEAR not in kinds, kinds


@pytest.mark.parametrize(
    ("sentence", "value", "subject"),
    [
        ("Volunteers called 555 people.", 555, "people"),
        ("Police will call 111 witnesses.", 111, "witnesses"),
        ("Canvassers will call 100000 voters.", 100_000, "voters"),
        ("They will ring 12 schools.", 12, "schools"),
        ("The ministry will issue 112 permits.", 112, "permits"),
        ("The army will order 500 trucks.", 500, "trucks"),
        ("No 12 pupils sat the same paper.", 12, "pupils"),
        ("Rescuers reached 555 stranded drivers.", 555, "stranded drivers"),
    ],
)
def test_numbers_after_verbs_like_call_or_issue_still_count(
    sentence: str, value: float, subject: str
) -> None:
    mention = only(sentence)
    assert (mention.kind, mention.low, mention.subject) == (COUNT, value, subject)


@pytest.mark.parametrize(
    ("sentence", "low", "high", "subject"),
    [
        ("It ran in Issue 112 of the quarterly.", 112, 112, "issue"),
        ("It ran in issue No. 47.", 47, 47, "issue"),
        ("It ran in issue 47, in the spring.", 47, 47, "issue"),
        ("See pages 14-16 of the report.", 14, 16, "pages"),
        ("Article 50 was cited.", 50, 50, "article"),
        ("She is the world No 3.", 3, 3, None),
    ],
)
def test_issue_and_page_numbers_are_ordinal_labels(
    sentence: str, low: float, high: float, subject: str | None
) -> None:
    mention = only(sentence)
    assert (mention.kind, mention.low, mention.high, mention.subject) == (
        ORDINAL,
        low,
        high,
        subject,
    )
    assert not values_match(mention, only("It sold 112 copies."))


# --- units of area, length, volume and speed ------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "subject"),
    [
        ("Water covered 38,000 hectares of maize.", "hectares of maize"),
        ("Water covered 38,000 ha of maize.", "hectares of maize"),
        ("Water covered 38,000 acres of maize.", "acres of maize"),
        ("Water covered 400 square kilometres of marsh.", "square kilometres of marsh"),
        ("Water covered 400 sq km of marsh.", "square kilometres of marsh"),
        ("Water covered 400 km² of marsh.", "square kilometres of marsh"),
        ("Water covered 400 km2 of marsh.", "square kilometres of marsh"),
        ("The lake spans 12 square miles.", "square miles"),
        ("The river rose 2.4m overnight.", "metres"),
        ("The river rose 2.4 metres overnight.", "metres"),
        ("The barrier is 3 km long.", "km"),
        ("The surge was 6 ft high.", "feet"),
        ("Pumps moved 90,000 cubic metres of water.", "cubic metres of water"),
        ("Pumps moved 90,000 m3 of water.", "cubic metres of water"),
        ("Pumps moved 90,000 litres of water.", "litres of water"),
        ("The storm dropped 300mm of rain.", "millimetres of rain"),
        ("The storm dropped 45cm of snow.", "centimetres of snow"),
        ("Gusts reached 90 mph.", "miles per hour"),
        ("Gusts reached 140km/h.", "kilometres per hour"),
        ("The tanker leaked 700 barrels of crude.", "barrels of crude"),
        ("The catch weighed 40 pounds.", "pounds"),
    ],
)
def test_area_length_volume_and_speed_units_are_measures(sentence: str, subject: str) -> None:
    mention = only(sentence)
    assert (mention.kind, mention.subject) == (MEASURE, subject)


def test_an_abbreviated_unit_reads_as_the_unit_spelled_out() -> None:
    short, spelled = (
        only("The storm dropped 300mm of rain."),
        only("It left 300 millimetres of rain."),
    )
    assert values_match(short, spelled)
    assert subject_similarity(short.subject, spelled.subject) == 1.0


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("Water reached 38,000 homes.", COUNT),
        ("Some 40m viewers watched the final.", COUNT),  # forty million, or left alone
        ("The kitchen served 300 square meals.", COUNT),
        ("The bag cost 40 pounds.", MONEY),
    ],
)
def test_things_counted_and_sums_are_not_measures(sentence: str, kind: NumberKind) -> None:
    assert only(sentence).kind is kind


# --- a day before its month, with no year -------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "surface"),
    [
        ("The leak was found on 7 June by a student.", "7 June"),
        ("Appeals close on 7th June.", "7th June"),
        ("The gates reopen on the 7th of June.", "7th of June"),
        ("Voting runs until 7 Jun.", "7 Jun"),
        ("The board meets on June 7 to decide.", "June 7"),
        ("The board meets on June 7th to decide.", "June 7th"),
    ],
)
def test_a_day_and_month_without_a_year_is_a_date(sentence: str, surface: str) -> None:
    mention = only(sentence)
    assert (mention.kind, mention.surface, mention.subject) == (DATE, surface, None)
    assert format_value(mention.low, mention.high, kind=DATE) == "--06-07"


def test_day_first_and_month_first_are_one_date_and_another_day_is_a_change() -> None:
    assert values_match(only("It shut on 4 October."), only("It shut on October 4."))
    assert not values_match(only("It shut on 14 October."), only("It shut on 4 October."))
    assert only("It shut on 4 October 2024.").low == 20241004


def test_may_is_a_month_only_when_it_is_written_as_one() -> None:
    assert values_match(only("Polls close on 2 May."), only("Polls close on May 2."))
    mention = only("Perhaps 2 may yet be chosen.")
    assert (mention.kind, mention.low) == (COUNT, 2)


@pytest.mark.parametrize(
    "sentence",
    ["The 2nd was wet.", "They came 2nd in the race.", "She won 9 Marches titles."],
)
def test_a_day_without_a_month_name_is_not_a_date(sentence: str) -> None:
    assert all(m.kind is not DATE for m in find_numbers(sentence))


@pytest.mark.parametrize(
    ("sentence", "surface", "iso"),
    [
        ("The festival runs 12-14 August.", "12-14 August", "--08-12/--08-14"),
        ("The festival runs 12th-14th August.", "12th-14th August", "--08-12/--08-14"),
        ("It runs between 12 and 14 August 2026.", "between 12 and 14 August 2026",
         "2026-08-12/2026-08-14"),
        ("It runs from 12 to 14 August.", "from 12 to 14 August", "--08-12/--08-14"),
    ],
)  # fmt: skip
def test_days_sharing_one_month_are_a_range_of_dates(sentence: str, surface: str, iso: str) -> None:
    mention = only(sentence)
    assert (mention.kind, mention.surface) == (DATE, surface)
    assert format_value(mention.low, mention.high, kind=DATE) == iso


def test_a_day_after_a_larger_one_or_after_or_is_no_range_of_dates() -> None:
    assert [m.kind for m in find_numbers("It ran 14-12 August.")] == [COUNT, DATE]
    assert [m.kind for m in find_numbers("It ends 12 or 14 August.")] == [COUNT, DATE]


# --- changes are not ranges ----------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "first", "second"),
    [
        ("Turnout rose by 3.5% to 61.2%.", (3.5, PERCENT), (61.2, PERCENT)),
        ("Turnout rose by about 3% to 61%.", (3, PERCENT), (61, PERCENT)),
        ("Turnout climbed 3.5% to 61.2%.", (3.5, PERCENT), (61.2, PERCENT)),
        ("Turnout was up 3.5% to 61.2%.", (3.5, PERCENT), (61.2, PERCENT)),
        ("The roll grew by 250 to 3,900.", (250, COUNT), (3900, COUNT)),
        ("Turnout fell from 58% to 51%.", (58, PERCENT), (51, PERCENT)),
        ("Turnout rose from 51% to 58%.", (51, PERCENT), (58, PERCENT)),
        ("Fares went up from £2.40 to £2.90.", (2.4, MONEY), (2.9, MONEY)),
        ("The board lowered its forecast from 2.2% to 1.8%.", (2.2, PERCENT), (1.8, PERCENT)),
        ("Turnout is up from 51 to 58 per cent.", (51, PERCENT), (58, PERCENT)),
        ("Yields climbed from 1.5 to 2 million tonnes.", (1.5e6, COUNT), (2e6, MEASURE)),
        ("A jump from 51% to 58% surprised them.", (51, PERCENT), (58, PERCENT)),
    ],
)
def test_a_change_is_two_figures_not_a_range(
    sentence: str, first: tuple[float, NumberKind], second: tuple[float, NumberKind]
) -> None:
    mentions = find_numbers(sentence)
    assert [(m.low, m.high, m.kind) for m in mentions] == [
        (first[0], first[0], first[1]),
        (second[0], second[0], second[1]),
    ]


@pytest.mark.parametrize(
    ("sentence", "low", "high"),
    [
        ("Clinics did from 8,000 to 12,000 scans a year.", 8_000, 12_000),
        ("Clinics did between 8,000 and 12,000 scans.", 8_000, 12_000),
        ("Clinics did 8,000 to 12,000 scans.", 8_000, 12_000),
        ("Fares will rise by 5 to 10 per cent.", 5, 10),
        ("Fares will rise by 5% to 10%.", 5, 10),
        ("Fares rose between 5 and 10 per cent.", 5, 10),
        ("Fares will rise by 1.5 to 2 million pounds.", 1.5e6, 2e6),
        ("Such plants make up from 10 to 20 per cent of the heath.", 10, 20),
        ("Output rose, with from 8,000 to 12,000 jobs at stake.", 8_000, 12_000),
        ("Prices rose from 2019 to 2023.", 2019, 2023),
    ],
)
def test_a_range_without_a_change_stays_a_range(sentence: str, low: float, high: float) -> None:
    mention = only(sentence)
    assert (mention.low, mention.high) == (low, high)


def test_percentage_points_and_percent_are_different_kinds() -> None:
    points = find_numbers("The pass rate rose 2.1 percentage points to 78.4%.")[0]
    percent = find_numbers("The pass rate rose by 2.1% to 78.4%.")[0]
    assert (points.kind, points.subject, percent.kind) == (MEASURE, "percentage points", PERCENT)
    assert not values_match(points, percent)
    basis = find_numbers("Yields rose 12 basis points to 4.1 per cent.")[0]
    assert (basis.kind, basis.subject) == (MEASURE, "basis points")


# --- shares however written ------------------------------------------------------------


@pytest.mark.parametrize(
    "written",
    ["nine percent", "nine per cent", "Nine Per Cent", "9%", "9 per cent", "9pc", "9 pct"],
)
def test_any_figure_before_a_percent_sign_or_word_is_a_percentage(written: str) -> None:
    mention = only(f"Rents rose {written} in a year.")
    assert (mention.low, mention.kind, mention.surface) == (9, PERCENT, written)


def test_words_before_percent_keep_their_hedge_and_subject() -> None:
    mention = only("The board can fine firms up to six percent of their turnover.")
    assert (mention.low, mention.kind, mention.qualifier, mention.subject) == (
        6, PERCENT, "up to", "turnover",
    )  # fmt: skip
    assert only("Rents rose twenty-two per cent.").low == 22


def test_pc_in_capitals_or_in_a_word_is_no_percent() -> None:
    assert only("The school bought 9 PCs for the lab.").kind is COUNT
    assert only("The school bought 9 PC monitors.").kind is COUNT


@pytest.mark.parametrize(
    ("sentence", "surface", "value", "subject"),
    [
        ("One in four rural bus routes ran late.", "One in four", 25, "rural bus routes"),
        ("1 in 4 rural bus routes ran late.", "1 in 4", 25, "rural bus routes"),
        ("One in every four routes ran late.", "One in every four", 25, "routes"),
        ("Three out of four routes ran late.", "Three out of four", 75, "routes"),
        ("One in three routes ran late.", "One in three", 33.3, "routes"),
        ("One in a thousand routes ran late.", "One in a thousand", 0.1, "routes"),
    ],
)
def test_one_in_n_is_a_share(sentence: str, surface: str, value: float, subject: str) -> None:
    mention = only(sentence)
    assert (mention.surface, mention.low, mention.kind, mention.subject) == (
        surface, value, PERCENT, subject,
    )  # fmt: skip


def test_one_in_n_and_the_same_percentage_match() -> None:
    assert values_match(only("One in four routes ran late."), only("25% of routes ran late."))
    assert only("Nearly one in four routes ran late.").qualifier == "nearly"


@pytest.mark.parametrize(
    ("sentence", "values"),
    [
        ("One of four routes ran late.", [4]),  # one route out of four
        ("He scored 2 in 10 minutes.", [2, 10]),
        ("She won 2 in 5 games.", [2, 5]),
        ("They won 3 in 2019.", [3, 2019]),
        ("It sold 5 in 3 days.", [5, 3]),
    ],
)
def test_n_in_m_that_is_no_share_stays_as_it_was(sentence: str, values: list[float]) -> None:
    mentions = find_numbers(sentence)
    assert [m.low for m in mentions] == values
    assert all(m.kind is not PERCENT for m in mentions)


@pytest.mark.parametrize(
    ("sentence", "surface", "value", "subject"),
    [
        ("A fifth of the nurses left.", "A fifth", 20, "nurses"),
        ("A quarter of the nurses left.", "A quarter", 25, "nurses"),
        ("A third of the nurses left.", "A third", 33.3, "nurses"),
        ("One-third of the nurses left.", "One-third", 33.3, "nurses"),
        ("Two-thirds of the nurses left.", "Two-thirds", 66.7, "nurses"),
        ("Three quarters of the nurses left.", "Three quarters", 75, "nurses"),
        ("Half of the nurses left.", "Half", 50, "nurses"),
        ("Half the nurses left.", "Half", 50, "nurses"),
        ("Staffing fell by a fifth.", "a fifth", 20, None),
        ("Staffing was cut in half.", "half", 50, None),
    ],
)
def test_a_part_of_a_whole_is_a_share(
    sentence: str, surface: str, value: float, subject: str | None
) -> None:
    mention = only(sentence)
    assert (mention.surface, mention.low, mention.kind, mention.subject) == (
        surface, value, PERCENT, subject,
    )  # fmt: skip


def test_a_fifth_and_one_in_five_and_twenty_percent_agree() -> None:
    shares = [
        only("A fifth of the nurses left."),
        only("One in five nurses left."),
        only("20% of nurses left."),
    ]
    assert all(values_match(shares[0], share) for share in shares)
    assert only("More than a third of nurses left.").qualifier == "more than"


@pytest.mark.parametrize(
    ("sentence", "kind", "value"),
    [
        ("They rent a fifth-floor flat.", ORDINAL, 5),
        ("On the fifth day the rain stopped.", ORDINAL, 5),
        ("It was a third attempt.", ORDINAL, 3),
        ("A third outlet put it at 48%.", ORDINAL, 3),
        ("The second half of the season went badly.", ORDINAL, 2),
        ("The bar opens at half past 11.", COUNT, 11),
        ("Output doubled over three quarters.", COUNT, 3),
    ],
)
def test_ordinals_and_spans_that_are_no_share(
    sentence: str, kind: NumberKind, value: float
) -> None:
    mention = find_numbers(sentence)[0]
    assert (mention.kind, mention.low) == (kind, value)


def test_half_an_hour_is_no_share() -> None:
    assert [m.kind for m in find_numbers("It was done in half an hour.")] == []


@pytest.mark.parametrize(
    ("sentence", "surface", "value", "kind", "subject"),
    [
        ("The strike lasted three and a half weeks.", "three and a half", 3.5, MEASURE, "weeks"),
        ("The strike lasted 3 and a half weeks.", "3 and a half", 3.5, MEASURE, "weeks"),
        ("Two and a half million people left.", "Two and a half million", 2.5e6, COUNT,
         "people"),
        ("Half a million people left.", "Half a million", 5e5, COUNT, "people"),
        ("Half a dozen people left.", "Half a dozen", 6, COUNT, "people"),
        ("The wait was three quarters of an hour.", "three quarters", 0.75, MEASURE, "hour"),
    ],
)  # fmt: skip
def test_halves_of_amounts_and_units(
    sentence: str, surface: str, value: float, kind: NumberKind, subject: str
) -> None:
    mention = only(sentence)
    assert (mention.surface, mention.low, mention.kind, mention.subject) == (
        surface, value, kind, subject,
    )  # fmt: skip
    assert not values_match(
        only("The strike lasted three weeks."), only("The strike lasted three and a half weeks.")
    )


@pytest.mark.parametrize(
    ("sentence", "subject"),
    [
        ("The plan pays for 2,500 more nurses across the country.", "nurses"),
        ("It will hire 400 fewer teachers next year.", "teachers"),
        ("Sales were 2,500 more than last year.", None),
        ("The firm hired 20 more.", None),
    ],
)
def test_more_or_fewer_before_the_noun_does_not_hide_it(sentence: str, subject: str | None) -> None:
    (mention,) = [m for m in find_numbers(sentence) if m.kind is NumberKind.COUNT]
    assert mention.subject == subject


@pytest.mark.parametrize(
    ("sentence", "value", "kind"),
    [
        ("The outage hit 2.4m customers.", 2_400_000, NumberKind.COUNT),
        ("About 2.4m people live there.", 2_400_000, NumberKind.COUNT),
        ("The wall is 2.4m high.", 2.4, NumberKind.MEASURE),
        ("Snow reached 2.4m overnight.", 2.4, NumberKind.MEASURE),
    ],
)
def test_a_bare_m_before_a_plural_noun_is_millions(
    sentence: str, value: float, kind: NumberKind
) -> None:
    (mention,) = find_numbers(sentence)
    assert (mention.low, mention.kind) == (value, kind)


def test_a_unit_letter_shared_with_the_next_figure_is_read_once() -> None:
    """Found by the property test above: "12C$4bn" read "12C" and "C$4bn" over one C."""
    mentions = find_numbers("12C$4bn")
    assert all(a.end <= b.start for a, b in zip(mentions, mentions[1:], strict=False))
    assert mentions and mentions[0].surface == "12C"


def test_a_number_set_off_by_commas_after_a_name_is_an_age() -> None:
    (first, second) = find_numbers("Ada Quill, 14, and Rory Venn, 18, were hurt.")
    assert (first.kind, first.low, first.subject) == (NumberKind.MEASURE, 14.0, "years old")
    assert (second.kind, second.low, second.subject) == (NumberKind.MEASURE, 18.0, "years old")
    (age,) = find_numbers("Police named the driver as Tom Hale, 52.")
    assert age.subject == "years old"
    # after a place, a count keeps its own noun; a hedged or written-out figure is no age
    (count,) = find_numbers("In Leeds, 40 people were hurt.")
    assert count.kind is NumberKind.COUNT
    (hedged,) = find_numbers("Said Quill, about 40, were left.")
    assert hedged.kind is NumberKind.COUNT
