"""Short stories written for the tests, with planted changes of every kind: regression tests.

Written (a hospital data theft in four outlets; a library closure, a cracked dam, a
warehouse fire, a nurses' strike and a vaccination drive in three each) after the
thresholds were set on the seeds and the demo, to catch rules that only fit those two
stories. They were unseen then; the engine has been improved on them since, so they
now keep what it finds from regressing and are no blind measure of it (the README's
first-run figures are). Each planted change must be found, of the right type, blamed on
the outlet that made it, and nothing else reported. The vaccination story also carries
web debris ("Home | Health | Politics", "Share this article") that must not become a
claim.
"""

from functools import cache
from pathlib import Path

import pytest

from storydiff.coverage.model import Alignment, DivergenceType
from storydiff.coverage.pipeline import compare_paths

STORIES = Path(__file__).resolve().parent / "data" / "stories"

NUMBER, SUBJECT, HEDGE = (
    DivergenceType.NUMBER_CHANGED,
    DivergenceType.NUMBER_SUBJECT_CHANGED,
    DivergenceType.QUALIFIER_CHANGED,
)
ALTERED, TRIMMED, CREDIT = (
    DivergenceType.QUOTE_ALTERED,
    DivergenceType.QUOTE_TRIMMED,
    DivergenceType.ATTRIBUTION_CHANGED,
)

PLANTED: dict[str, list[tuple[DivergenceType, str, tuple[str, ...]]]] = {
    "st-agnes-breach": [
        (NUMBER, "2-herald", ("3,214", "3,412")),  # digits swapped
        (NUMBER, "3-blog", ("250,000", "25,000")),  # a zero slipped
        (SUBJECT, "2-herald", ("beds", "nurses")),
        (HEDGE, "2-herald", ("40", "more than")),
        (ALTERED, "4-radio", ("failed",)),
        (TRIMMED, "3-blog", ("trimmed",)),
        (CREDIT, "2-herald", ("Maren Tolle", "Ivo Brandt")),
    ],
    "harlow-library": [
        (HEDGE, "b-paper", ("between 420,000 and 450,000", "up to")),  # a range told as its top
        (NUMBER, "b-paper", ("1,150", "1,500")),
        (CREDIT, "b-paper", ("Agnes Ruddock", "Tomas Vey")),
        (ALTERED, "c-site", ("in this city",)),
        (SUBJECT, "c-site", ("books", "visitors")),
    ],
    "orsdal-dam": [
        (NUMBER, "2-daily", ("$1.2 million", "$2.1 million")),
        (NUMBER, "3-local", ("12%", "21%")),
        (ALTERED, "2-daily", ("fail", "collapse")),
        # Hedges dropped: "at least 12 villages", "about 40 metres" told as exact figures.
        (HEDGE, "2-daily", ("at least 12",)),
        (HEDGE, "2-daily", ("about 40 metres",)),
        # One quotation in two sentences, both credited to the governor.
        (CREDIT, "3-local", ("Hallvard Moen", "Sigrun Aas", "not about to fail")),
        (CREDIT, "3-local", ("Hallvard Moen", "Sigrun Aas", "take any risk")),
    ],
    "tarsby-fire": [
        (CREDIT, "b", ("the fire brigade", "police")),  # no quotation marks at all
        (NUMBER, "c", ("7.5%", "5.7%")),
        (HEDGE, "c", ("about 60",)),
    ],
    "flu-vaccine": [
        (NUMBER, "3", ("4 million", "40 million")),
        (HEDGE, "3", ("about 1.5 million",)),  # "Some 1.5 million" hedges an exact figure
        (ALTERED, "3", ("best", "only")),
    ],
    "kelbury-strike": [
        (CREDIT, "c", ("health board spokesman", "Petra Salo")),
        (NUMBER, "c", ("2,300", "3,200")),  # folded into the sentence that announces the strike
        (ALTERED, "b", ("terrible",)),  # spliced into a quotation split around "said"
    ],
}


@cache
def alignment_of(story: str) -> Alignment:
    return compare_paths([str(STORIES / story)], created="t").alignment


def departing(story: str, kind: DivergenceType, words: tuple[str, ...]) -> list[str]:
    """Outlets blamed by each divergence of ``kind`` whose detail, or whose claim's text,
    holds all of ``words`` (a credit change is told apart by the quotation it is about)."""
    return [
        ",".join(d.articles)
        for c in alignment_of(story).claims
        for d in c.divergences
        if d.type is kind
        and all(w in f"{d.detail} {' '.join(m.text for m in c.members)}" for w in words)
    ]


@pytest.mark.parametrize(
    ("story", "kind", "outlet", "words"),
    [(story, *change) for story, changes in PLANTED.items() for change in changes],
)
def test_planted_change_is_found_and_blamed_on_its_outlet(
    story: str, kind: DivergenceType, outlet: str, words: tuple[str, ...]
) -> None:
    everything = [
        (d.type.value, d.articles, d.detail)
        for c in alignment_of(story).claims
        for d in c.divergences
    ]
    assert departing(story, kind, words) == [outlet], everything


@pytest.mark.parametrize("story", sorted(PLANTED))
def test_nothing_else_is_reported(story: str) -> None:
    found = sum(len(c.divergences) for c in alignment_of(story).claims)
    assert found == len(PLANTED[story])


def test_claims_left_out_are_listed() -> None:
    (regulator,) = [
        c for c in alignment_of("st-agnes-breach").claims
        if any("data regulator" in m.text for m in c.members)
    ]
    assert set(regulator.missing_from) == {"2-herald", "3-blog"}


def test_web_debris_in_a_written_story_is_dropped() -> None:
    alignment = alignment_of("flu-vaccine")
    dropped = {d.text for a in alignment.articles for d in a.dropped}
    assert {"Home | Health | Politics", "Share this article"} <= dropped
    texts = " ".join(m.text for c in alignment.claims for m in c.members)
    assert "Share this article" not in texts and "Politics" not in texts
