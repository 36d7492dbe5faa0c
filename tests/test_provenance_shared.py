"""Provenance on real coverage in ../shared (skipped when it is absent).

The seeds: the 000 text rewrites CNN's (002) and credits it. The real stories' notes say
which texts are one newsroom's copy run by other outlets (sister stations, wire copy),
which are follow-ups by the same outlet, and which were written independently (the
national stories: The New York Times, Fox News and HuffPost).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from storydiff.coverage.model import Alignment, Credit, Derivation, Relation, SharedSentence
from storydiff.coverage.pipeline import compare_paths

_CACHE: dict[str, Alignment] = {}


def story(shared_dir: Path, name: str) -> Alignment:
    if name not in _CACHE:
        folder = shared_dir / "seeds" if name == "seeds" else shared_dir / "real" / name
        if not folder.is_dir():
            pytest.skip(f"{folder} is absent")
        files = sorted(
            str(p) for p in folder.iterdir() if p.name[:1].isdigit() and p.suffix == ".txt"
        )
        _CACHE[name] = compare_paths(files, created="t").alignment
    return _CACHE[name]


def ids_by_file(alignment: Alignment) -> dict[str, str]:
    """Article id by the file's number ("02" for 02-nbc2.txt, "000" for 000_….txt)."""
    return {Path(a.path).name.replace("_", "-").split("-")[0]: a.id for a in alignment.articles}


def link(alignment: Alignment, a: str, b: str) -> Derivation:
    ids = ids_by_file(alignment)
    pair = {ids[a], ids[b]}
    found = [d for d in alignment.provenance if {d.source, d.derived} == pair]
    assert found, f"no link between {a} and {b}: {[d.summary for d in alignment.provenance]}"
    return found[0]


def test_seeds_the_rewrite_of_cnn_comes_out_on_top(shared_dir: Path) -> None:
    seeds = story(shared_dir, "seeds")
    ids = ids_by_file(seeds)
    top = seeds.provenance[0]
    assert (top.source, top.derived) == (ids["002"], ids["000"])
    assert top.relation is Relation.REWRITE
    assert len([e for e in top.evidence if isinstance(e, SharedSentence)]) >= 3
    assert any(isinstance(e, Credit) and e.name == "CNN" for e in top.evidence)


def test_fort_myers_sister_stations_run_one_text(shared_dir: Path) -> None:
    alignment = story(shared_dir, "fort-myers-club-blu-shooting-2016")
    sisters = link(alignment, "02", "03")
    assert sisters.score >= 0.8
    closely = [e for e in sisters.evidence if isinstance(e, SharedSentence) and e.closely]
    assert len(closely) >= 50
    assert alignment.provenance[0] == sisters


def test_houston_follow_up_is_a_version_of_the_same_outlet(shared_dir: Path) -> None:
    alignment = story(shared_dir, "houston-weslayan-shooting-2016")
    follow_up = link(alignment, "04", "05")
    assert follow_up.relation is Relation.VERSION


@pytest.mark.parametrize(
    ("name", "pairs"),
    [
        # KAIT and OzarksFirst ran KFVS copy.
        ("caruthersville-club-envy-shooting-2017", [("01", "02"), ("01", "03"), ("02", "03")]),
        # Two stations ran the AP story, FOX 2 used it, WJLA ran WWMT's copy.
        ("berrien-county-courthouse-shooting-2016", [("03", "05"), ("03", "04"), ("02", "06")]),
        # WATE ran WJHL's copy.
        ("bristol-volunteer-parkway-shooting-2016", [("02", "05")]),
        # ABC7 used the Sun-Times Media Wire copy that CBS Chicago ran.
        ("chicago-mr-gs-club-shooting-2013", [("03", "04")]),
    ],
)
def test_outlets_running_one_newsroom_copy_are_linked(
    shared_dir: Path, name: str, pairs: list[tuple[str, str]]
) -> None:
    alignment = story(shared_dir, name)
    for a, b in pairs:
        link(alignment, a, b)


@pytest.mark.parametrize("name", ["jesse-jackson-jr-guilty-plea-2013", "clinton-tax-returns-2015"])
def test_national_outlets_writing_their_own_stories_are_not_linked(
    shared_dir: Path, name: str
) -> None:
    assert story(shared_dir, name).provenance == ()
