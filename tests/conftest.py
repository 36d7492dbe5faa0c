"""Fixtures shared by the whole suite: where the shared seeds and gold live."""

from __future__ import annotations

from pathlib import Path

import pytest

SHARED_DIR = Path(__file__).resolve().parents[1] / ".." / "shared"
"""The ``shared`` folder beside the repository checkout (seeds, gold); may be absent."""


@pytest.fixture(autouse=True)
def article_cache_in_tmp(tmp_path_factory: pytest.TempPathFactory,
                         monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test's article cache (``compare`` keeps one) lives in a temporary folder,
    never in the user's ~/.cache: subprocesses the test starts inherit the variable."""
    folder = tmp_path_factory.mktemp("article-cache")
    monkeypatch.setenv("STORYDIFF_CACHE_DIR", str(folder))
    return folder


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """``../shared`` beside the checkout; skips the test when it is absent."""
    if not SHARED_DIR.is_dir():
        pytest.skip(f"shared data not found at {SHARED_DIR.resolve()}")
    return SHARED_DIR


@pytest.fixture(scope="session")
def seeds_dir(shared_dir: Path) -> Path:
    """The five seed articles in ``../shared/seeds``; skips when absent."""
    seeds = shared_dir / "seeds"
    if not seeds.is_dir() or not any(seeds.glob("*.txt")):
        pytest.skip(f"seed articles not found in {seeds.resolve()}")
    return seeds
