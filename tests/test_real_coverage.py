"""The engine on real coverage: twelve real stories with a reader's notes of every
difference a fact-checker would flag (../shared/real), scored by the notes' own
score.py and held to the floors in gold/floors.json. Skipped when ../shared is absent.

The stories are compared from a copy of their article files only (the notes and sources
beside them are not articles), as the notes' README says.
"""

import importlib.util
import json
import re
import shutil
from pathlib import Path
from types import ModuleType

import pytest

from storydiff.coverage.pipeline import compare_paths
from storydiff.coverage.store import write_alignment

REPO = Path(__file__).resolve().parent.parent
REAL = REPO.parent / "shared" / "real"
FLOORS = json.loads((REPO / "tests" / "gold" / "floors.json").read_text())["real"]


def load_scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("real_score", REAL / "score.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def totals(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[int, int]]:
    if not (REAL / "score.py").is_file():
        pytest.skip("../shared/real is absent")
    work = tmp_path_factory.mktemp("real")
    pairs = []
    for notes in sorted(REAL.glob("*/notes.json")):
        story = work / notes.parent.name
        story.mkdir()
        for article in notes.parent.glob("[0-9]*.txt"):
            shutil.copy(article, story / article.name)
        alignment = compare_paths([str(story)], created="real").alignment
        out = work / f"{story.name}.json"
        write_alignment(alignment, out)
        pairs.append((str(out), str(notes)))
    line = load_scorer().score(pairs, verbose=False)
    return {
        name: (int(got), int(of))
        for name, got, of in re.findall(r"(\w+)=(\d+)/(\d+)", line)
    }


def test_real_stories_meet_their_floors(totals: dict[str, tuple[int, int]]) -> None:
    found, noted = totals["found"]
    typed, _ = totals["typed"]
    right, reported = totals["precision"]
    assert noted >= 71, totals  # every story was scored
    assert found / noted >= FLOORS["found"], totals
    assert typed / noted >= FLOORS["typed"], totals
    assert right / reported >= FLOORS["precision"], totals
