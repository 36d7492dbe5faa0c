"""The saved alignment in alignments/ is what `compare` makes of the demo story today.

When the engine changes on purpose, regenerate it:
    storydiff compare articles/kessford-spill --out alignments/kessford-spill.json
"""

import json
from pathlib import Path

import pytest

from storydiff.coverage.pipeline import compare_paths
from storydiff.coverage.store import alignment_to_dict, read_alignment

REPO = Path(__file__).resolve().parent.parent


def test_saved_demo_alignment_is_current(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)  # article paths are stored as given: relative to the repo
    saved = read_alignment(REPO / "alignments" / "kessford-spill.json")
    fresh = compare_paths(["articles/kessford-spill"], created=saved.created).alignment
    assert json.dumps(alignment_to_dict(fresh)) == json.dumps(alignment_to_dict(saved)), (
        "alignments/kessford-spill.json is stale: regenerate it (see this module's docstring)"
    )
