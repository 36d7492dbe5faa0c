"""The engine scored against the reference annotations, held to the floors in gold/floors.json.

The seeds are the shared real-world example (skipped when ../shared is absent); the demo
is the bundled story, always present.
"""

import json
from pathlib import Path
from typing import Any

import pytest

from storydiff.coverage.pipeline import compare_paths
from tests.goldscore import GoldScore, load_gold, score_alignment

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
FLOORS: dict[str, Any] = json.loads((REPO / "tests" / "gold" / "floors.json").read_text())


def score(story_dir: Path, gold_path: Path) -> GoldScore:
    alignment = compare_paths([str(story_dir)], created="gold").alignment
    return score_alignment(alignment, load_gold(gold_path), story_dir=story_dir)


@pytest.fixture(scope="module")
def seeds_score() -> GoldScore:
    if not (SHARED / "seeds").is_dir() or not (SHARED / "gold" / "seeds.json").is_file():
        pytest.skip("../shared/seeds or ../shared/gold/seeds.json is absent")
    return score(SHARED / "seeds", SHARED / "gold" / "seeds.json")


@pytest.fixture(scope="module")
def demo_score() -> GoldScore:
    gold_path = REPO / "tests" / "gold" / "demo.json"
    story = REPO / load_gold(gold_path)["story"]
    return score(story, gold_path)


def assert_floors(result: GoldScore, floors: dict[str, float]) -> None:
    report = result.format_report()
    assert result.pair_recall >= floors["pair_recall"], report
    assert result.pair_precision >= floors["pair_precision"], report
    assert result.divergences_found >= floors["divergences_found"], report
    assert result.boilerplate_leaks <= floors["boilerplate_leaks"], report
    assert result.metadata_hits >= floors["metadata_hits"], report


def test_seeds_meet_their_floors(seeds_score: GoldScore) -> None:
    assert_floors(seeds_score, FLOORS["seeds"])


def test_demo_meets_its_floors(demo_score: GoldScore) -> None:
    assert_floors(demo_score, FLOORS["demo"])


def test_every_seed_divergence_is_found(seeds_score: GoldScore) -> None:
    assert seeds_score.divergences_found == seeds_score.divergences_total, (
        seeds_score.format_report()
    )
