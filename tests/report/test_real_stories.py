"""Every report format on real stories: the bundled demo and the shared seeds.

Content is checked, not existence: the seeds' 60,000-100,000 subject change must reach
the CSV with both sentences, the demo's planted changes must reach every format.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from storydiff.coverage.model import Alignment
from storydiff.coverage.pipeline import compare_paths
from storydiff.coverage.store import alignment_from_dict, dumps_alignment
from storydiff.report.csv import render_csv
from storydiff.report.html import render_html
from storydiff.report.markdown import render_markdown
from tests.report.htmlcheck import live_parts

REPO = Path(__file__).resolve().parents[2]
SEEDS = REPO.parent / "shared" / "seeds"


@pytest.fixture(scope="module")
def demo() -> Alignment:
    return compare_paths([str(REPO / "articles" / "kessford-spill")], created="t").alignment


@pytest.fixture(scope="module")
def seeds() -> Alignment:
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is absent")
    return compare_paths([str(SEEDS)], created="t").alignment


def divergence_rows(alignment: Alignment) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(render_csv(alignment))))


def test_seeds_csv_carries_the_subject_change_with_both_sentences(seeds: Alignment) -> None:
    (row,) = [
        r for r in divergence_rows(seeds)
        if r["type"] == "number_subject_changed" and "60,000" in r["detail"]
    ]
    assert "prisoners of conscience" in row["outlet_sentence"]
    assert "60,000" in row["outlet_sentence"] and "60,000" in row["reference_sentence"]
    assert "organ transplants" in row["reference_sentence"]
    assert row["outlet"] != row["reference_outlet"]


def test_seeds_csv_carries_the_rounded_hospitals_and_the_changed_credit(
    seeds: Alignment,
) -> None:
    rows = divergence_rows(seeds)
    assert any(r["type"] == "qualifier_changed" and "more than 700" in r["outlet_sentence"]
               and "712" in r["reference_sentence"] for r in rows)
    assert any(r["type"] == "attribution_changed" and "Amnesty International" in r["detail"]
               and "Ottawa Citizen" in r["detail"] for r in rows)


def test_seeds_markdown_and_html_list_every_divergence(seeds: Alignment) -> None:
    markdown = render_markdown(seeds)
    page = render_html(seeds)
    for claim in seeds.claims:
        for divergence in claim.divergences:
            assert f"[{claim.id}](#" in markdown or f"| {claim.id} |" in markdown
            assert f'href="#claim-{claim.id}"' in page
            assert divergence.type.value in markdown
    assert live_parts(page).tags.count("script") == 0


def test_seeds_json_is_the_alignment_file(seeds: Alignment) -> None:
    assert alignment_from_dict(json.loads(dumps_alignment(seeds))) == seeds


@pytest.mark.parametrize(
    ("kind", "before", "after"),
    [
        ("number_subject_changed", "14 roads", "14 schools"),
        ("number_changed", "4,812", "4,218"),
        ("qualifier_changed", "487", "nearly 500"),
        ("quote_altered", "deeply", "truly"),
        ("attribution_changed", "Sallow", "Orrell"),
    ],
)
def test_demo_planted_changes_reach_every_format(
    demo: Alignment, kind: str, before: str, after: str
) -> None:
    (row,) = [r for r in divergence_rows(demo)
              if r["type"] == kind and before in r["detail"] and after in r["detail"]]
    assert after in row["outlet_sentence"] or kind == "attribution_changed"
    assert before in row["reference_sentence"] or kind == "attribution_changed"
    markdown = render_markdown(demo)
    assert any(kind in line and after in line for line in markdown.splitlines())
    page = render_html(demo)
    assert kind in page and after in page


def test_demo_claim_rows_cover_every_member(demo: Alignment) -> None:
    rows = list(csv.DictReader(io.StringIO(render_csv(demo, rows="claims"))))
    assert len(rows) == sum(len(c.members) for c in demo.claims)
    assert {r["claim_id"] for r in rows} == {c.id for c in demo.claims}
