"""Whole-story work spread over the machine's cores, by forking this process.

A forked worker starts with the parent's memory, so the story's shared state (texts,
word weights, claims) reaches it without being pickled; only each chunk's results come
back. Forking is used only where it is safe and worth it: no other thread is running
(the TUI runs compare in one), this is not already a worker of a pool (``batch`` runs
stories in processes), and the machine has more than one core. Otherwise the work runs
here, in order: the result is the same either way.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import Any, TypeVar

__all__ = ["can_fork", "core_count", "in_a_pool", "map_chunks"]

Item = TypeVar("Item")
Result = TypeVar("Result")

SPREAD_FROM_ARTICLES = 100
"""Articles from which a story's per-article and per-claim work is spread over the cores:
below, a fork and the results' way back cost about what the work does."""

_STATE: Any = None
"""The state of the running ``map_chunks``, inherited by its forked workers."""


def in_a_pool() -> bool:
    """This process is a worker of a pool: it starts no pool of its own."""
    return multiprocessing.parent_process() is not None


def can_fork() -> bool:
    """Forking copies only the calling thread: with another thread running, a lock it
    holds stays locked in the child forever. Windows cannot fork at all."""
    return threading.active_count() == 1 and "fork" in multiprocessing.get_all_start_methods()


def core_count() -> int:
    return os.cpu_count() or 1


def map_chunks(
    work: Callable[[Any, Sequence[Item]], list[Result]],
    state: Any,
    items: Sequence[Item],
    *,
    spread: bool,
    workers: int = -1,
) -> list[Result]:
    """``work(state, items)``; when ``spread`` (the work is worth a fork), split into
    chunks that forked workers run (``workers`` of them; -1 for one a core), the
    chunks' results joined in the items' order.

    ``work`` must be a module-level function whose result for a chunk does not depend
    on the other chunks.
    """
    workers = min(core_count() if workers < 1 else workers, len(items))
    if not spread or workers < 2 or in_a_pool() or not can_fork():
        return work(state, items)
    size = -(-len(items) // (8 * workers))  # several chunks a worker even out their costs
    chunks = [items[start : start + size] for start in range(0, len(items), size)]
    global _STATE
    _STATE = (work, state)
    # The collector would write to every object the workers inherit, copying the
    # parent's memory page by page into each of them; frozen objects it leaves alone.
    gc.freeze()
    try:
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
            done = pool.map(_run_chunk, chunks)
            return [result for chunk in done for result in chunk]
    finally:
        gc.unfreeze()
        _STATE = None


def _run_chunk(items: Sequence[Any]) -> list[Any]:
    work, state = _STATE
    result: list[Any] = work(state, items)
    return result
