"""How the TUI copes with a big story: 200, 1000 and 11,506 outlets, a few hundred claims.

Generates synthetic alignments in a temporary folder (nothing is written to the repo),
then times, under ``App.run_test``: loading the file, the first usable screen (list filled,
first claim in the detail pane), moving down the claim list (each step redraws the detail
pane), opening the coverage matrix, reaching its last outlet (``end``) and last claim
(``ctrl+end``), and opening the figure ledger and reaching its last mention.

    .venv/bin/python benchmarks/tui_200_outlets.py                 # 200 and 1000 outlets
    .venv/bin/python benchmarks/tui_200_outlets.py --outlets 200 --claims 300 --scroll 299
    .venv/bin/python benchmarks/tui_200_outlets.py --issue10       # 11,506 outlets, ~124 MB

``--issue10`` is the alignment file of the trust issue (10, item 8) whose matrix never
appeared: 11,506 outlets of one or two sentences, so ``missing_from`` names nearly every
outlet for every claim. ``Pilot.press`` waits for the screen to settle after every key, so
per-row figures carry a fixed overhead; the same moves over a 4-outlet story are printed
as the baseline.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from storydiff.coverage.model import (
    Alignment,
    Article,
    Claim,
    ClaimNumber,
    DiffChunk,
    DiffOp,
    Divergence,
    DivergenceType,
    Figure,
    FigureMention,
    Member,
    NumberKind,
    Sentence,
)
from storydiff.coverage.store import write_alignment

WORDS = (
    "council", "river", "bridge", "report", "budget", "school", "harbor", "storm", "rescue",
    "residents", "officials", "museum", "election", "vote", "transit", "repairs", "hospital",
)


def synthetic_alignment(*, outlets: int, claims: int, seed: int = 7) -> Alignment:
    """A deterministic story: each claim is stated by a random subset of outlets."""
    rng = random.Random(seed)
    digits = max(3, len(str(outlets - 1)))

    def aid(a: int) -> str:
        return f"outlet-{a:0{digits}d}"

    base = [f"The {rng.choice(WORDS)} {rng.choice(WORDS)} reported {100 + i} {rng.choice(WORDS)}"
            f" on day {i % 28 + 1} of the {rng.choice(WORDS)} season." for i in range(claims)]
    per_article: dict[int, list[tuple[int, str]]] = {a: [] for a in range(outlets)}
    claim_members: list[list[tuple[int, str]]] = []
    for c in range(claims):
        size = max(1, min(outlets, int(rng.expovariate(1 / 25))))
        chosen = sorted(rng.sample(range(outlets), size))
        versions = []
        for a in chosen:
            keep = not versions or rng.random() < 0.7  # the first outlet is the reference
            text = base[c] if keep else base[c].replace("reported", "said about")
            versions.append((a, text))
            per_article[a].append((c, text))
        claim_members.append(versions)
    articles = []
    index_of: dict[tuple[int, int], int] = {}
    for a in range(outlets):
        sentences, text = [], ""
        for i, (c, s) in enumerate(per_article[a]):
            start = len(text) + (1 if text else 0)
            text = f"{text} {s}" if text else s
            sentences.append(Sentence(index=i, text=s, start=start, end=len(text)))
            index_of[(a, c)] = i
        articles.append(Article(
            id=aid(a), path=f"articles/big/{aid(a)}.txt",
            outlet=f"Outlet {a:0{digits}d} News", title=f"Story as told by outlet {a}", url=None,
            published=f"2026-03-{a % 28 + 1:02d}", author=None, text=text,
            sentences=tuple(sentences), dropped=(),
        ))
    claim_list, mentions = [], []
    for c, versions in enumerate(claim_members):
        ref_a, ref_text = versions[0]
        members, numbers, altered = [], [], []
        for a, text in versions:
            diff = () if a == ref_a else (
                (DiffChunk(DiffOp.EQUAL, text, text),) if text == ref_text else (
                    DiffChunk(DiffOp.EQUAL, ref_text.split(" reported")[0], text.split(" said")[0]),
                    DiffChunk(DiffOp.REPLACE, "reported", "said about"),
                    DiffChunk(DiffOp.EQUAL, ref_text.split("reported ")[1],
                              text.split("about ")[1]),
                ))
            if text != ref_text:
                altered.append(aid(a))
            members.append(Member(article=aid(a), sentence=index_of[(a, c)],
                                  score=1.0 if a == ref_a else 0.9, text=text, diff=diff))
            numbers.append(ClaimNumber(article=aid(a), sentence=index_of[(a, c)],
                                       surface=str(100 + c), low=100 + c, high=100 + c,
                                       kind=NumberKind.COUNT, qualifier=None, subject=None))
            mentions.append((100 + c, FigureMention(article=aid(a),
                                                    sentence=index_of[(a, c)],
                                                    surface=str(100 + c), qualifier=None,
                                                    subject=None, claim=f"c{c + 1}")))
        present = {a for a, _ in versions}
        claim_list.append(Claim(
            id=f"c{c + 1}", label=ref_text, members=tuple(members), reference=aid(ref_a),
            quotes=(), numbers=tuple(numbers),
            divergences=(Divergence(DivergenceType.ATTRIBUTION_CHANGED, tuple(altered),
                                    aid(ref_a), "reported → said about"),)
            if altered else (),
            missing_from=tuple(aid(a) for a in range(outlets) if a not in present),
        ))
    by_value: dict[int, list[FigureMention]] = {}
    for value, mention in mentions:
        by_value.setdefault(value, []).append(mention)
    figures = tuple(Figure(value=str(v), kind=NumberKind.COUNT, mentions=tuple(ms))
                    for v, ms in sorted(by_value.items()))
    return Alignment(created="2026-11-23T00:00:00Z", settings={}, articles=tuple(articles),
                     claims=tuple(claim_list), figures=figures)


class Clock:
    """Prints each step's wall time, and keeps them for the summary."""

    def __init__(self) -> None:
        self.figures: dict[str, float] = {}
        self._start = time.perf_counter()

    def restart(self) -> None:
        self._start = time.perf_counter()

    def lap(self, name: str, note: str = "") -> float:
        elapsed = time.perf_counter() - self._start
        self.figures[name] = elapsed
        print(f"  {name + ':':<34}{elapsed:8.3f} s  {note}", flush=True)
        self._start = time.perf_counter()
        return elapsed


async def measure(path: Path, *, scroll: int) -> dict[str, float]:
    from textual.widgets import DataTable

    from storydiff.tui.app import make_app
    from storydiff.tui.widgets.claim_table import ClaimTable
    from storydiff.tui.widgets.outlet_versions import ClaimDetail

    clock = Clock()
    app = make_app(path)
    clock.lap("read alignment + build app")
    async with app.run_test(size=(160, 50)) as pilot:
        await pilot.pause()
        table = app.main_screen.query_one(ClaimTable)
        detail = app.main_screen.query_one(ClaimDetail)
        assert table.row_count == len(app.alignment.claims) and detail.claim is not None
        clock.lap("first usable screen", f"({table.row_count} claims, "
                  f"{len(detail.versions())} versions shown)")
        steps = min(scroll, table.row_count - 1)
        for _ in range(steps):
            await pilot.press("down")
        await pilot.pause()
        elapsed = clock.lap(f"down the claim list x{steps}")
        print(f"  {'':<34}{1000 * elapsed / max(steps, 1):8.1f} ms per row")
        await pilot.press("G", "g")
        await pilot.pause()
        clock.lap("jump last/first claim (G, g)")
        await pilot.press("m")
        await pilot.pause()
        matrix = app.screen.query_one("#matrix", DataTable)
        assert matrix.row_count > 0
        clock.lap("open coverage matrix", f"({matrix.row_count} rows, "
                  f"{len(matrix.columns) - 2} outlet columns built)")
        await pilot.press("end")
        await pilot.pause()
        clock.lap("matrix: to the last outlet (end)")
        await pilot.press("ctrl+end")
        await pilot.pause()
        clock.lap("matrix: to the last claim (ctrl+end)")
        await pilot.press("escape")
        await pilot.pause()
        clock.restart()
        await pilot.press("f")
        await pilot.pause()
        ledger = app.screen.query_one("#ledger", DataTable)
        clock.lap("open figure ledger", f"({ledger.row_count} rows built)")
        await pilot.press("ctrl+end")
        await pilot.pause()
        clock.lap("ledger: to the last mention")
    return clock.figures


ISSUE10_CLAIMS = 480
"""With 11,506 outlets, the claims that make the file ~124 MB, as in issue 10."""


def run(outlets: int, claims: int, scroll: int) -> None:
    """One story size, in this process (peak memory is this process's)."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "big.json"
        start = time.perf_counter()
        # In a process of its own: the generator's millions of objects would otherwise
        # slow this process's reading (garbage collection) and swell its peak memory.
        subprocess.run([sys.executable, __file__, "--write", str(path), "--outlets",
                        str(outlets), "--claims", str(claims)], check=True)
        print(f"{outlets} outlets, {claims} claims: generated "
              f"{path.stat().st_size / 1e6:.1f} MB in {time.perf_counter() - start:.2f} s",
              flush=True)
        asyncio.run(measure(path, scroll=scroll))
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
        print(f"  {'peak memory (RSS, whole run):':<34}{peak / 1e6:8.0f} MB", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--outlets", default="200,1000",
                        help="comma-separated outlet counts (default 200,1000)")
    parser.add_argument("--claims", type=int, default=300)
    parser.add_argument("--scroll", type=int, default=20,
                        help="claim-list rows to move down (default 20)")
    parser.add_argument("--issue10", action="store_true",
                        help="only the 11,506-outlet, ~124 MB alignment of issue 10")
    parser.add_argument("--write", metavar="PATH", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.write:
        outlets = 11_506 if args.issue10 else int(args.outlets)
        write_alignment(synthetic_alignment(outlets=outlets, claims=args.claims),
                        Path(args.write))
        return
    if args.issue10:
        run(11_506, ISSUE10_CLAIMS, args.scroll)
        return
    sizes = [int(n) for n in args.outlets.split(",")]
    if len(sizes) == 1:
        run(sizes[0], args.claims, args.scroll)
        return
    for outlets in [*sizes, 4]:  # each in a process of its own, for its peak memory
        if outlets == 4:
            print("baseline (Pilot overhead):", flush=True)
        subprocess.run([sys.executable, __file__, "--outlets", str(outlets), "--claims",
                        str(args.claims), "--scroll", str(args.scroll)], check=True)


if __name__ == "__main__":
    main()
