"""How the TUI copes with a big story: 200 outlets, a few hundred claims.

Generates a synthetic alignment in a temporary folder (nothing is written to the repo),
then times, under ``App.run_test``: loading the file, the first usable screen (list filled,
first claim in the detail pane), scrolling the whole claim list one row at a time (each
step redraws the 200-outlet detail pane), and opening the coverage matrix and the ledger.
Run by hand: ``.venv/bin/python benchmarks/tui_200_outlets.py [--outlets 200 --claims 300]``.

``Pilot.press`` waits for the screen to settle after every key, so per-row figures carry
a fixed overhead; the same scroll over a 4-outlet story is printed as the baseline.
"""

from __future__ import annotations

import argparse
import asyncio
import random
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
            id=f"outlet-{a:03d}", path=f"articles/big/outlet-{a:03d}.txt",
            outlet=f"Outlet {a:03d} News", title=f"Story as told by outlet {a}", url=None,
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
                altered.append(f"outlet-{a:03d}")
            members.append(Member(article=f"outlet-{a:03d}", sentence=index_of[(a, c)],
                                  score=1.0 if a == ref_a else 0.9, text=text, diff=diff))
            numbers.append(ClaimNumber(article=f"outlet-{a:03d}", sentence=index_of[(a, c)],
                                       surface=str(100 + c), low=100 + c, high=100 + c,
                                       kind=NumberKind.COUNT, qualifier=None, subject=None))
            mentions.append((100 + c, FigureMention(article=f"outlet-{a:03d}",
                                                    sentence=index_of[(a, c)],
                                                    surface=str(100 + c), qualifier=None,
                                                    subject=None, claim=f"c{c + 1}")))
        present = {a for a, _ in versions}
        claim_list.append(Claim(
            id=f"c{c + 1}", label=ref_text, members=tuple(members), reference=f"outlet-{ref_a:03d}",
            quotes=(), numbers=tuple(numbers),
            divergences=(Divergence(DivergenceType.ATTRIBUTION_CHANGED, tuple(altered),
                                    f"outlet-{ref_a:03d}", "reported → said about"),)
            if altered else (),
            missing_from=tuple(f"outlet-{a:03d}" for a in range(outlets) if a not in present),
        ))
    by_value: dict[int, list[FigureMention]] = {}
    for value, mention in mentions:
        by_value.setdefault(value, []).append(mention)
    figures = tuple(Figure(value=str(v), kind=NumberKind.COUNT, mentions=tuple(ms))
                    for v, ms in sorted(by_value.items()))
    return Alignment(created="2026-11-23T00:00:00Z", settings={}, articles=tuple(articles),
                     claims=tuple(claim_list), figures=figures)


async def scroll_only(path: Path) -> float:
    """Seconds per row to scroll the whole list under ``run_test``."""
    from storydiff.tui.app import make_app
    from storydiff.tui.widgets.claim_table import ClaimTable

    app = make_app(path)
    async with app.run_test(size=(160, 50)) as pilot:
        await pilot.pause()
        rows = app.main_screen.query_one(ClaimTable).row_count
        start = time.perf_counter()
        for _ in range(rows - 1):
            await pilot.press("down")
        await pilot.pause()
        return (time.perf_counter() - start) / (rows - 1)


async def measure(path: Path) -> None:
    from storydiff.tui.app import make_app
    from storydiff.tui.widgets.claim_table import ClaimTable
    from storydiff.tui.widgets.outlet_versions import ClaimDetail

    started = time.perf_counter()
    app = make_app(path)
    loaded = time.perf_counter()
    print(f"read alignment + build app:   {loaded - started:7.3f} s")
    async with app.run_test(size=(160, 50)) as pilot:
        await pilot.pause()
        table = app.main_screen.query_one(ClaimTable)
        detail = app.main_screen.query_one(ClaimDetail)
        assert table.row_count == len(app.alignment.claims) and detail.claim is not None
        ready = time.perf_counter()
        print(f"first usable screen:          {ready - loaded:7.3f} s "
              f"({table.row_count} claims, {len(detail.versions())} versions shown)")
        rows = table.row_count
        start = time.perf_counter()
        for _ in range(rows - 1):
            await pilot.press("down")
        await pilot.pause()
        elapsed = time.perf_counter() - start
        assert app.selected_claim == table.claim_ids[-1]
        print(f"scroll whole list (down x{rows - 1}): {elapsed:7.3f} s "
              f"= {1000 * elapsed / (rows - 1):.1f} ms per row")
        start = time.perf_counter()
        await pilot.press("G", "g")
        await pilot.pause()
        print(f"jump last/first (G, g):       {time.perf_counter() - start:7.3f} s")
        start = time.perf_counter()
        await pilot.press("d")
        await pilot.pause()
        print(f"filter divergent ({table.row_count} left):   "
              f"{time.perf_counter() - start:7.3f} s")
        await pilot.press("c")
        start = time.perf_counter()
        await pilot.press("m")
        await pilot.pause()
        print(f"open coverage matrix:         {time.perf_counter() - start:7.3f} s")
        await pilot.press("escape")
        start = time.perf_counter()
        await pilot.press("f")
        await pilot.pause()
        print(f"open figure ledger:           {time.perf_counter() - start:7.3f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--outlets", type=int, default=200)
    parser.add_argument("--claims", type=int, default=300)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "big.json"
        start = time.perf_counter()
        write_alignment(synthetic_alignment(outlets=args.outlets, claims=args.claims), path)
        print(f"{args.outlets} outlets, {args.claims} claims: generated "
              f"{path.stat().st_size / 1e6:.1f} MB in {time.perf_counter() - start:.2f} s")
        asyncio.run(measure(path))
        small = Path(folder) / "small.json"
        write_alignment(synthetic_alignment(outlets=4, claims=args.claims), small)
        per_row = asyncio.run(scroll_only(small))
        print(f"baseline, 4 outlets:          {1000 * per_row:.1f} ms per row (Pilot overhead)")


if __name__ == "__main__":
    main()
