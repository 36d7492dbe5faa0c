"""Many tiny articles: wall time and peak memory of `storydiff compare` on N files of
three sentences each (issue 10, item 8: 5,000 of them once reached 10 GB).

Run by hand (never by pytest):

    .venv/bin/python benchmarks/many_small.py                # N = 5000
    .venv/bin/python benchmarks/many_small.py --n 1000 --timeout 300

Each file takes three sentences of benchmarks/scale.py's base story at random (with its
neutral synonyms), so the files share many sentences, as short wire items do. The
command runs in a child with `--no-cache`, under `--memory-cap` MB of address space so
that a run that would eat the machine stops instead; peak RSS is the child's.
"""

from __future__ import annotations

import argparse
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from scale import BASE_STORY, _rewrite  # noqa: E402  # the sibling benchmark's story


def write_files(n: int, folder: Path, seed: int = 5) -> None:
    rng = random.Random(seed)
    for k in range(n):
        picked = sorted(rng.sample(range(len(BASE_STORY)), 3))
        text = "\n\n".join(_rewrite(BASE_STORY[i], rng) for i in picked)
        (folder / f"item-{k:05d}.txt").write_text(text + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=5000)
    parser.add_argument("--timeout", type=float, default=600)
    parser.add_argument("--memory-cap", type=int, default=6000, help="MB of address space")
    parser.add_argument("--storydiff", default=str(Path(sys.executable).parent / "storydiff"),
                        help="the storydiff to run (another checkout's, to compare)")
    parser.add_argument("--old", action="store_true",
                        help="that storydiff predates the cache: no --no-cache flag")
    args = parser.parse_args(argv)
    cap = args.memory_cap * 1024 * 1024

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (cap, cap))

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "story"
        folder.mkdir()
        write_files(args.n, folder)
        started = time.perf_counter()
        try:
            done = subprocess.run(
                [args.storydiff, "compare", str(folder), "--out", str(Path(tmp) / "out.json"),
                 *([] if args.old else ["--no-cache"]), "-q"],
                capture_output=True, text=True, timeout=args.timeout, preexec_fn=limit,
                check=False,
            )
            outcome = f"exit {done.returncode}"
            if done.returncode:
                outcome += ": " + (done.stderr.strip().splitlines() or ["?"])[-1][:120]
        except subprocess.TimeoutExpired:
            outcome = f"stopped after {args.timeout:.0f} s"
        elapsed = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"{args.n} files of 3 sentences: {elapsed:.1f} s, peak {peak:.0f} MB, {outcome}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
