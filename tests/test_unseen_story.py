"""A story the engine was not tuned on, with one planted change of each kind.

Written for this test (four outlets on a hospital data theft) after the thresholds were
set on the seeds and the demo, to catch rules that only fit those two stories. Each
planted change must be found, of the right type, blamed on the outlet that made it.
"""

from pathlib import Path

import pytest

from storydiff.coverage.model import Alignment, DivergenceType
from storydiff.coverage.pipeline import compare_paths

STORY = Path(__file__).resolve().parent / "data" / "stories" / "st-agnes-breach"


@pytest.fixture(scope="module")
def alignment() -> Alignment:
    return compare_paths([str(STORY)], created="t").alignment


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
