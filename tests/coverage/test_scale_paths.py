"""The shortcuts big stories take give what the plain way gives."""

from __future__ import annotations

import os
import random
import threading
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest

from storydiff.coverage import facts, parallel, provenance
from storydiff.coverage.align import _build_corpus, _round_9, _strongest_first
from storydiff.coverage.load import load_articles
from storydiff.coverage.pipeline import compare_paths
from storydiff.coverage.store import dumps_alignment

STORY = {
    "a-post.txt": (
        "The harbour master closed the port on Monday after a tanker ran aground.\n\n"
        '"We will not reopen the channel until every wreck is cleared and the buoys are '
        'back in place," the harbour master, Ilse Varen, said.\n\n'
        "Some 340 fishing boats are stuck at their moorings."
    ),
    "b-times.txt": (
        "Ilse Varen, who runs the harbour, said on Monday that the channel would stay "
        'shut, adding that "we will not reopen the channel until every wreck is cleared" '
        "and that a survey would follow.\n\n"
        "About 340 fishing boats cannot leave."
    ),
    "c-herald.txt": (
        "The port closed on Monday when a tanker ran aground near the breakwater.\n\n"
        '"We will not reopen the channel until every wreck is gone and the buoys are '
        'back," Varen said.\n\n'
        "Some 430 fishing boats are stuck at their moorings."
    ),
    "d-wire.txt": (
        "The harbour master closed the port on Monday after a tanker ran aground.\n\n"
        '"We will not reopen the channel until every wreck is cleared and the buoys are '
        'back in place," the harbour master, Ilse Varen, said.\n\n'
        "Some 340 fishing boats are stuck at their moorings."
    ),
}


def _story(folder: Path) -> list[str]:
    folder.mkdir()
    for name, text in STORY.items():
        (folder / name).write_text(text, encoding="utf-8")
    return [str(folder)]


def test_rounding_a_column_of_scores_is_pythons_rounding() -> None:
    rng = random.Random(7)
    values = [rng.random() * 1.3 for _ in range(20_000)]
    # Halves of a billionth are where a fast rounding could go the other way.
    values += [k / 1e9 + 5e-10 for k in range(0, 1_000_000_000, 9_973_001)]
    values += [0.0, 1.0, 0.35, 0.26, 0.1234567895, 0.9999999995]
    rounded = _round_9(np.array(values, dtype=np.float64)).tolist()
    assert rounded == [round(v, 9) for v in values]


def test_matched_pairs_come_strongest_first_then_by_position(tmp_path: Path) -> None:
    articles = load_articles(_story(tmp_path / "story")).articles
    corpus = _build_corpus(articles)
    rng = random.Random(3)
    rows = len(corpus.keys)
    pairs = sorted({(rng.randrange(rows), rng.randrange(rows)) for _ in range(300)})
    # Scores with ties, and ties only a rounding to nine places makes.
    scores = [rng.choice([0.5, 0.25, 0.4]) + rng.choice([0.0, 1e-11, 3e-10]) for _ in pairs]
    edges = (
        np.array(scores, dtype=np.float64),
        np.array([i for i, _ in pairs], dtype=np.intp),
        np.array([j for _, j in pairs], dtype=np.intp),
    )
    values, left, right = _strongest_first(edges, corpus)
    expected = sorted(
        zip(scores, (i for i, _ in pairs), (j for _, j in pairs), strict=True),
        key=lambda e: (-round(e[0], 9), corpus.keys[e[1]], corpus.keys[e[2]]),
    )
    assert list(zip(values.tolist(), left.tolist(), right.tolist(), strict=True)) == expected


def test_quotations_are_paired_alike_with_or_without_the_table_of_pairs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = _story(tmp_path / "story")
    with_table = compare_paths(paths, created="t").alignment
    monkeypatch.setattr(facts, "TRIED_CELLS", 0)  # as a story too big for the table
    without = compare_paths(paths, created="t").alignment
    assert dumps_alignment(without) == dumps_alignment(with_table)
    trimmed = [d for c in with_table.claims for d in c.divergences if "buoys" in d.detail]
    assert trimmed, "the story's trimmed quotation is found either way"


def test_a_story_matched_and_traced_on_every_core_is_the_story_matched_here(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = _story(tmp_path / "story")
    here = compare_paths(paths, created="t").alignment
    monkeypatch.setattr(parallel, "SPREAD_FROM_ARTICLES", 1)  # as a story of hundreds
    monkeypatch.setattr(provenance, "PARALLEL_PAIRS_FROM", 1)
    spread = compare_paths(paths, created="t").alignment
    assert dumps_alignment(spread) == dumps_alignment(here)
    assert spread.provenance, "the wire copy is traced either way"


def _pids_of(offset: int, items: Sequence[int]) -> list[tuple[int, int]]:
    return [(os.getpid(), item + offset) for item in items]


@pytest.mark.skipif(parallel.core_count() < 2, reason="a second core is absent here")
def test_chunks_run_in_forked_workers_and_come_back_in_order() -> None:
    done = parallel.map_chunks(_pids_of, 100, range(50), spread=True)
    assert [item for _, item in done] == list(range(100, 150))
    assert {pid for pid, _ in done} - {os.getpid()}, "some chunk ran in a worker"
    few = parallel.map_chunks(_pids_of, 0, range(5), spread=False)
    assert {pid for pid, _ in few} == {os.getpid()}


def test_with_another_thread_running_the_chunks_run_here() -> None:
    done: list[tuple[int, int]] = []
    thread = threading.Thread(
        target=lambda: done.extend(parallel.map_chunks(_pids_of, 0, range(50), spread=True))
    )
    thread.start()
    thread.join()
    assert [item for _, item in done] == list(range(50))
    assert {pid for pid, _ in done} == {os.getpid()}


def test_one_worker_asked_for_means_the_chunks_run_here() -> None:
    done = parallel.map_chunks(_pids_of, 0, range(50), spread=True, workers=1)
    assert [item for _, item in done] == list(range(50))
    assert {pid for pid, _ in done} == {os.getpid()}
