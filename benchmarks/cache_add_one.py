"""What the article cache saves: `storydiff compare` on an N-outlet story with an empty
cache, then again after adding one outlet (the others' work read from the cache).

Run by hand (never by pytest):

    .venv/bin/python benchmarks/cache_add_one.py            # N = 200
    .venv/bin/python benchmarks/cache_add_one.py --n 50

The story is benchmarks/scale.py's generated one (N + 1 outlets; the last is added for
the second run). Each run is a child `storydiff compare --cache-dir TMP -q`; wall time
and the child's CPU time are printed, and the second as a share of the first.
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
    print(f"{args.n} outlets, empty cache: {cold[0]:.1f} s wall, {cold[1]:.1f} s CPU")
    print(f"one outlet added, cache warm: {warm[0]:.1f} s wall, {warm[1]:.1f} s CPU "
          f"({warm[0] / cold[0]:.0%} of the wall time, {warm[1] / cold[1]:.0%} of the CPU)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
