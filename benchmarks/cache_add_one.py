"""What the article cache saves: `storydiff compare` on an N-outlet story with an empty
cache, then again after adding one outlet (the others' work read from the cache).

Run by hand (never by pytest):

    .venv/bin/python benchmarks/cache_add_one.py            # N = 200
    .venv/bin/python benchmarks/cache_add_one.py --n 50

The story is benchmarks/scale.py's generated one (N + 1 outlets; the last is added for
the second run). Each run is a child `storydiff compare --cache-dir TMP -q`; wall time
and the child's CPU time are printed, and the second as a share of the first.

Then, in this process, the cold run's parts: the articles' own work (what the cache
keeps), the whole-story steps (alignment, claims, figures, provenance: they read every
article, so adding one changes their input) and writing the file. Their sum against the
cold run's is the least a re-run can take while it gives the same result as a cold one.
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from scale import generate_story  # noqa: E402  # the sibling benchmark's story


def timed(command: list[str]) -> tuple[float, float]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    return wall, cpu


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=200)
    parser.add_argument("--seed", type=int, default=13)
    args = parser.parse_args(argv)
    storydiff = str(Path(sys.executable).parent / "storydiff")
    story = generate_story(args.n + 1, args.seed)
    with tempfile.TemporaryDirectory() as tmp:
        folder, cache = Path(tmp) / "story", Path(tmp) / "cache"
        folder.mkdir()
        for outlet in story.outlets[: args.n]:
            (folder / f"{outlet.name}.txt").write_text(outlet.text + "\n", encoding="utf-8")
        command = [storydiff, "compare", str(folder), "--out", str(Path(tmp) / "a.json"),
                   "--cache-dir", str(cache), "-q"]
        cold = timed(command)
        added = story.outlets[args.n]
        (folder / f"{added.name}.txt").write_text(added.text + "\n", encoding="utf-8")
        warm = timed(command)
        parts = cold_parts(folder, Path(tmp) / "parts-cache")
    print(f"{args.n} outlets, empty cache: {cold[0]:.1f} s wall, {cold[1]:.1f} s CPU")
    print(f"one outlet added, cache warm: {warm[0]:.1f} s wall, {warm[1]:.1f} s CPU "
          f"({warm[0] / cold[0]:.0%} of the wall time, {warm[1] / cold[1]:.0%} of the CPU)")
    print(f"parts of a cold run of {args.n + 1} outlets, in this process:")
    for name, seconds in parts.items():
        print(f"  {name:<32} {seconds:5.1f} s  {seconds / sum(parts.values()):4.0%}")
    least = sum(parts.values()) - parts["articles' own work (cached)"]
    print(f"  whole-story steps and writing: {least / sum(parts.values()):.0%} of the cold "
          "run, redone by any re-run that gives a cold run's result")
    return 0


def cold_parts(folder: Path, cache_dir: Path) -> dict[str, float]:
    from storydiff.coverage.cache import ArticleCache
    from storydiff.coverage.load import load_articles
    from storydiff.coverage.pipeline import compare_articles
    from storydiff.coverage.store import dumps_alignment

    paths = sorted(str(path) for path in folder.glob("*.txt"))
    started = time.perf_counter()
    loaded = load_articles(paths, cache=ArticleCache(cache_dir))
    read = time.perf_counter()
    alignment = compare_articles(loaded.articles, known=loaded.facts)
    compared = time.perf_counter()
    dumps_alignment(alignment)
    written = time.perf_counter()
    return {
        "articles' own work (cached)": read - started,
        "whole-story steps": compared - read,
        "writing the alignment": written - compared,
    }


if __name__ == "__main__":
    sys.exit(main())
