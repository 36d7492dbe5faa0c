"""The scale benchmark's generated stories and answer key hold together.

``benchmarks/scale.py`` is run by hand and times things; this only checks that what it
measures against is right: every planted change is in its outlet's text, the outlet
names are the ids storydiff gives the files, and the scoring reads a real alignment.
Nothing here is timed.
"""

from __future__ import annotations

import importlib.util
import sys
from collections import Counter
from pathlib import Path
from types import ModuleType

import pytest

from storydiff.coverage.load import load_articles
from storydiff.coverage.pipeline import compare_articles

SCRIPT = Path(__file__).resolve().parent.parent / "benchmarks" / "scale.py"


@pytest.fixture(scope="module")
def scale() -> ModuleType:
    spec = importlib.util.spec_from_file_location("benchmark_scale", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


def test_every_plantable_phrase_stands_once_in_its_base_sentence(scale: ModuleType) -> None:
    for table in scale.PLANTS.values():
        for index, (old, choices) in table.items():
            assert scale.BASE_STORY[index].count(old) == 1, (index, old)
            assert old not in choices


def test_the_key_names_changes_that_are_in_their_outlets_text(scale: ModuleType) -> None:
    story = scale.generate_story(3, seed=13)
    assert [o.name for o in story.outlets] == ["outlet-0000", "outlet-0001", "outlet-0002"]
    assert Counter(p.outlet for p in story.key) == {o.name: 3 for o in story.outlets}
    texts = {o.name: dict(o.sentences) for o in story.outlets}
    for plant in story.key:
        changed = texts[plant.outlet][plant.base]
        assert plant.new in changed, plant
        assert plant.old not in changed, plant
        assert plant.old in scale.BASE_STORY[plant.base]
    for outlet in story.outlets:
        bases = [base for base, _ in outlet.sentences]
        assert len(bases) == len(set(bases))  # a sentence is told once, maybe moved


def test_no_two_outlets_change_the_same_sentence_in_a_small_story(scale: ModuleType) -> None:
    story = scale.generate_story(5, seed=13)
    planted = Counter((p.kind, p.base) for p in story.key)
    assert max(planted.values()) == 1


def test_the_same_seed_gives_the_same_story(scale: ModuleType) -> None:
    assert scale.generate_story(3, seed=4) == scale.generate_story(3, seed=4)
    assert scale.generate_story(3, seed=4) != scale.generate_story(3, seed=5)


def test_the_key_scores_a_real_alignment(scale: ModuleType, tmp_path: Path) -> None:
    story = scale.generate_story(3, seed=13)
    loaded = load_articles(scale.write_story(story, tmp_path))
    assert sorted(a.id for a in loaded.articles) == [o.name for o in story.outlets]
    result = scale.score_alignment(story, compare_articles(loaded.articles, created="t"))
    assert result["planted"] == 9
    # With three outlets a sentence one of them dropped is one against one, so the
    # blame may fall on either side; but every change is seen by someone.
    assert result["found"] + result["misblamed"] == 9
    assert result["found"] >= 5
    assert result["recall"] == pytest.approx(1.0)


def test_fifty_outlets_bounding_a_figure_alike_blame_only_the_planted_ones(
    scale: ModuleType, tmp_path: Path
) -> None:
    """Most of fifty outlets say "up to 18 months", a few were planted "more than" or
    "at least": only those few are reported, never the outlets of the majority against
    them (that gave 28 false reports on this story)."""
    story = scale.generate_story(50, seed=13)
    loaded = load_articles(scale.write_story(story, tmp_path))
    result = scale.score_alignment(story, compare_articles(loaded.articles, created="t"))
    assert result["found"] == result["planted"] == 150
    assert result["other"] <= 3
