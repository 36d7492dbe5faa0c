"""Which silences are omissions, and which claims are one outlet's additions."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from storydiff.coverage.model import Claim, Member
from storydiff.coverage.omissions import OmissionRule, added_by, omitted_by
from storydiff.coverage.pipeline import compare_paths
from storydiff.report.csv import render_csv
from storydiff.report.gate import divergences_matching, parse_fail_on

DEMO = Path(__file__).resolve().parents[2] / "articles" / "kessford-spill"
OUTLETS = ("a", "b", "c", "d", "e", "f")


def claim_stated_by(*stating: str) -> Claim:
    return Claim(
        id="c1", label="x", reference=stating[0], quotes=(), numbers=(), divergences=(),
        members=tuple(Member(article=a, sentence=0, score=1.0, text="x") for a in stating),
        missing_from=tuple(a for a in OUTLETS if a not in stating),
    )


@pytest.mark.parametrize(
    ("stating", "omitted", "added"),
    [
        (("a",), (), "a"),  # one outlet's claim: its addition
        (("a", "b"), (), None),  # two of six: neither
        (("a", "b", "c"), ("d", "e", "f"), None),  # half: the others omit it
        (("a", "b", "c", "d", "e"), ("f",), None),
        (OUTLETS, (), None),
    ],
)
def test_six_outlets(stating: tuple[str, ...], omitted: tuple[str, ...], added: str | None) -> None:
    claim = claim_stated_by(*stating)
    assert omitted_by(claim, outlets=6, rule=OmissionRule()) == omitted
    assert added_by(claim, outlets=6) == added


def test_two_outlets_have_additions_never_omissions() -> None:
    claim = Claim(
        id="c1", label="x", reference="a", quotes=(), numbers=(), divergences=(),
        members=(Member(article="a", sentence=0, score=1.0, text="x"),), missing_from=("b",),
    )
    assert omitted_by(claim, outlets=2, rule=OmissionRule()) == ()
    assert added_by(claim, outlets=2) == "a"


def test_the_rule_is_read_from_the_settings_and_tolerates_a_broken_one() -> None:
    strict = OmissionRule.from_settings({"omission_min_outlets": 4, "omission_min_share": 0.75})
    assert strict.floor(6) == 5 and strict.describe(6) == "stated by at least 5 of the 6 outlets"
    assert omitted_by(claim_stated_by("a", "b", "c", "d"), outlets=6, rule=strict) == ()
    assert OmissionRule.from_settings({}) == OmissionRule()
    broken = {"omission_min_outlets": "two", "omission_min_share": True}
    assert OmissionRule.from_settings(broken) == OmissionRule()


def test_the_demo_no_longer_drowns_in_omissions() -> None:
    # Before the rule, the demo's CSV held 467 omitted rows out of 481: every one-outlet
    # headline counted as five omissions.
    alignment = compare_paths([str(DEMO)], created="t").alignment
    rows = list(csv.DictReader(io.StringIO(render_csv(alignment))))
    kinds = [row["type"] for row in rows]
    one_outlet = sum(1 for c in alignment.claims if len({m.article for m in c.members}) == 1)
    assert kinds.count("added") == one_outlet
    assert kinds.count("omitted") < 60
    assert kinds.count("omitted") < len(kinds) - kinds.count("omitted")
    omissions = divergences_matching(alignment, parse_fail_on("omitted"))
    assert 0 < omissions < len(alignment.claims) - one_outlet
