"""A cache of each article's own work (cleaning, sentences, figures, quotations).

Comparing a story again after adding one outlet should redo only that outlet's share:
what one article's text gives does not depend on the others. Entries are keyed by a
hash of what went in (the raw text, its metadata, the outlet name given) and of the
engine's own source code, so that any change of the code or the input misses. An entry
that cannot be read (truncated, corrupt, from another Python) is ignored and recomputed,
never an error; a cache directory that cannot be written is a cache that stays empty.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

__all__ = ["ArticleCache", "default_cache_dir"]

CACHE_ENV = "STORYDIFF_CACHE_DIR"
"""Overrides where the cache lives (the test suite points it at a temporary folder)."""


def default_cache_dir() -> Path:
    """``$STORYDIFF_CACHE_DIR``, else ``$XDG_CACHE_HOME/storydiff``, else
    ``~/.cache/storydiff``: where the XDG base directory spec puts caches."""
    if os.environ.get(CACHE_ENV):
        return Path(os.environ[CACHE_ENV])
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "storydiff"


@lru_cache(maxsize=1)
def engine_version() -> str:
    """A hash of the analysis core's source: a changed rule makes every entry stale."""
    digest = hashlib.sha256()
    for path in sorted(Path(__file__).parent.glob("*.py")):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


@dataclass(frozen=True, slots=True)
class ArticleCache:
    """Pickled results of one article's work under ``directory``, one file each."""

    directory: Path

    def get(self, kind: str, key: Any) -> tuple[Any] | None:
        """``(value,)`` stored for ``key``, or None: a miss, or an entry that is broken."""
        return self._load(self._path(kind, key))

    def put(self, kind: str, key: Any, value: object) -> None:
        self._store(self._path(kind, key), value)

    def _path(self, kind: str, key: Any) -> Path:
        digest = hashlib.sha256(pickle.dumps((engine_version(), kind, key), protocol=5))
        name = digest.hexdigest()
        return self.directory / engine_version() / kind / name[:2] / f"{name}.pickle"

    @staticmethod
    def _load(path: Path) -> tuple[Any] | None:
        try:
            data = path.read_bytes()
        except OSError:
            return None
        try:
            value = pickle.loads(data)
        except Exception:  # noqa: BLE001  # any broken entry is a miss, whatever broke it
            return None
        # An entry is stored as a one-tuple, so a truncated or foreign file that
        # unpickles to something else is a miss too.
        if not isinstance(value, tuple) or len(value) != 1:
            return None
        return value

    @staticmethod
    def _store(path: Path, value: object) -> None:
        temporary = None
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile(dir=path.parent, delete=False,
                                             suffix=".tmp") as handle:
                temporary = handle.name
                handle.write(pickle.dumps((value,), protocol=5))
            os.replace(temporary, path)
        except OSError:
            # a read-only or full disk: the run goes on uncached
            if temporary is not None:
                Path(temporary).unlink(missing_ok=True)
