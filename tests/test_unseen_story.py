"""Stories the engine was not tuned on, with planted changes of every kind.

Written for these tests (a hospital data theft in four outlets; a library closure, a
cracked dam, a warehouse fire and a nurses' strike in three each) after the thresholds
were set on the seeds and the demo, to catch rules that only fit those two stories. Each
planted change must be found, of the right type, blamed on the outlet that made it, and
nothing else reported.
"""

from pathlib import Path

import pytest

from storydiff.coverage.model import Alignment, DivergenceType
from storydiff.coverage.pipeline import compare_paths

STORIES = Path(__file__).resolve().parent / "data" / "stories"
STORY = STORIES / "st-agnes-breach"


@pytest.fixture(scope="module")
def alignment() -> Alignment:
    return compare_paths([str(STORY)], created="t").alignment


@pytest.fixture(scope="module")
def library() -> Alignment:
    return compare_paths([str(STORIES / "harlow-library")], created="t").alignment


LIBRARY_CHANGES = [
    (DivergenceType.QUALIFIER_CHANGED, "b-paper", ("between 420,000 and 450,000", "up to")),
    (DivergenceType.NUMBER_CHANGED, "b-paper", ("1,150", "1,500")),
    (DivergenceType.ATTRIBUTION_CHANGED, "b-paper", ("Agnes Ruddock", "Tomas Vey")),
    (DivergenceType.QUOTE_ALTERED, "c-site", ("in this city",)),
    (DivergenceType.NUMBER_SUBJECT_CHANGED, "c-site", ("books", "visitors")),
]


@pytest.mark.parametrize(("kind", "outlet", "words"), LIBRARY_CHANGES)
def test_library_change_is_found_and_blamed_on_its_outlet(
    library: Alignment, kind: DivergenceType, outlet: str, words: tuple[str, ...]
) -> None:
    found = [
        d for c in library.claims for d in c.divergences
        if d.type is kind and all(w in d.detail for w in words)
    ]
    assert [d.articles for d in found] == [(outlet,)], [
        (d.type.value, d.detail) for c in library.claims for d in c.divergences
    ]


def test_library_reports_nothing_else(library: Alignment) -> None:
    assert sum(len(c.divergences) for c in library.claims) == len(LIBRARY_CHANGES)


@pytest.mark.parametrize(
    ("kind", "outlet", "words"),
    [
        (DivergenceType.NUMBER_CHANGED, "2-herald", ("3,214", "3,412")),
        (DivergenceType.NUMBER_CHANGED, "3-blog", ("250,000", "25,000")),
        (DivergenceType.NUMBER_SUBJECT_CHANGED, "2-herald", ("beds", "nurses")),
        (DivergenceType.QUALIFIER_CHANGED, "2-herald", ("40", "more than")),
        (DivergenceType.QUOTE_ALTERED, "4-radio", ("failed",)),
        (DivergenceType.QUOTE_TRIMMED, "3-blog", ("trimmed",)),
        (DivergenceType.ATTRIBUTION_CHANGED, "2-herald", ("Maren Tolle", "Ivo Brandt")),
    ],
)
def test_planted_change_is_found_and_blamed_on_its_outlet(
    alignment: Alignment, kind: DivergenceType, outlet: str, words: tuple[str, ...]
) -> None:
    found = [
        d for c in alignment.claims for d in c.divergences
        if d.type is kind and all(w in d.detail for w in words)
    ]
    assert found, [(d.type.value, d.detail) for c in alignment.claims for d in c.divergences]
    assert [d.articles for d in found] == [(outlet,)]


def test_nothing_else_is_reported(alignment: Alignment) -> None:
    assert sum(len(c.divergences) for c in alignment.claims) == 7


def test_claims_left_out_are_listed(alignment: Alignment) -> None:
    (regulator,) = [c for c in alignment.claims
                    if any("data regulator" in m.text for m in c.members)]
    assert set(regulator.missing_from) == {"2-herald", "3-blog"}


@pytest.fixture(scope="module")
def dam() -> Alignment:
    return compare_paths([str(STORIES / "orsdal-dam")], created="t").alignment


DAM_CHANGES = [
    (DivergenceType.NUMBER_CHANGED, "2-daily", ("$1.2 million", "$2.1 million")),
    (DivergenceType.NUMBER_CHANGED, "3-local", ("12%", "21%")),
    (DivergenceType.QUOTE_ALTERED, "2-daily", ("fail", "collapse")),
    # A hedge dropped: "at least 12 villages", "about 40 metres" told as exact figures.
    (DivergenceType.QUALIFIER_CHANGED, "2-daily", ("at least 12",)),
    (DivergenceType.QUALIFIER_CHANGED, "2-daily", ("about 40 metres",)),
]


@pytest.mark.parametrize(("kind", "outlet", "words"), DAM_CHANGES)
def test_dam_change_is_found_and_blamed_on_its_outlet(
    dam: Alignment, kind: DivergenceType, outlet: str, words: tuple[str, ...]
) -> None:
    found = [
        d for c in dam.claims for d in c.divergences
        if d.type is kind and all(w in d.detail for w in words)
    ]
    assert [d.articles for d in found] == [(outlet,)], [
        (d.type.value, d.detail) for c in dam.claims for d in c.divergences
    ]


def test_dam_quotation_credited_to_the_governor_in_both_its_sentences(dam: Alignment) -> None:
    credits = [
        d for c in dam.claims for d in c.divergences
        if d.type is DivergenceType.ATTRIBUTION_CHANGED
    ]
    assert [d.articles for d in credits] == [("3-local",), ("3-local",)]
    assert all("Hallvard Moen" in d.detail and "Sigrun Aas" in d.detail for d in credits)
    assert sum(len(c.divergences) for c in dam.claims) == len(DAM_CHANGES) + 2


def test_fire_story_changes_without_quotation_marks() -> None:
    fire = compare_paths([str(STORIES / "tarsby-fire")], created="t").alignment
    found = sorted(
        (d.type.value, d.articles, d.detail) for c in fire.claims for d in c.divergences
    )
    assert found == [
        ("attribution_changed", ("b",), "credited to the fire brigade → credited to police"),
        ("number_changed", ("c",), "7.5% → 5.7%"),
        ("qualifier_changed", ("c",), "about 60 firefighters fought → 60 firefighters"),
    ]


def test_strike_story_spliced_quote_and_a_figure_folded_into_another_sentence() -> None:
    strike = compare_paths([str(STORIES / "kelbury-strike")], created="t").alignment
    found = sorted(
        (d.type.value, d.articles) for c in strike.claims for d in c.divergences
    )
    assert found == [
        ("attribution_changed", ("c",)),  # the board's words credited to the union leader
        ("number_changed", ("c",)),  # "about 2,300 nurses" → "up to 3,200 nurses"
        ("quote_altered", ("b",)),  # "the price" → "a terrible price", across "she said"
    ]
    (figure,) = [d for c in strike.claims for d in c.divergences
                 if d.type is DivergenceType.NUMBER_CHANGED]
    assert "2,300" in figure.detail and "3,200" in figure.detail
