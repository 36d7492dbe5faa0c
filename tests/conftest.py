"""Fixtures shared by the whole suite: where the shared seeds and gold live."""

from __future__ import annotations

from pathlib import Path

import pytest

SHARED_DIR = Path(__file__).resolve().parents[1] / ".." / "shared"
"""The ``shared`` folder beside the repository checkout (seeds, gold); may be absent."""


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
