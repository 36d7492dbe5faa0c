"""How `compare` scales with the number of outlets, and how well it still aligns.

Run by hand (never by pytest; it takes minutes and measures time):

    .venv/bin/python benchmarks/scale.py                 # N = 5, 50, 200
    .venv/bin/python benchmarks/scale.py --n 5 --n 1000  # any N, repeatable
    .venv/bin/python benchmarks/scale.py --seed 3        # another generated story
    .venv/bin/python benchmarks/scale.py --timeout 480   # give up on an N after 8 min

Each N is a generated story: one invented base story of 38 sentences, retold by N
outlets. Every outlet is a light rewrite (about one sentence in eight dropped, a few
neighbours swapped, neutral words swapped for synonyms outside quotations) with three
planted changes: one figure changed, one hedge changed ("about 600" becomes "more than
600") and one word of a quotation altered. The plants are the answer key.

For each N a child process generates the story, writes it to a temporary folder, reads it
with `load_articles` and runs `compare_articles` on it; its peak RSS
(`ru_maxrss`) is the whole child's, Python and imports included. A second child times the
brute-force floor: one bare `rapidfuzz.process.cdist(all, all, scorer=fuzz.ratio,
workers=-1)` over every sentence of the story (cut into row blocks only when the matrix
would pass 256 M cells, so N = 1000 fits in memory). The table gives:

- `read s` / `compare s`: `load_articles` (cleaning, sentences, figures and quotations,
  on every core for many articles; no cache) and `compare_articles` wall time; `cpu s`:
  the CPU time of both, worker processes included, steadier than wall time on a shared
  machine; `peak MB`; `worker MB`: the largest worker process's peak RSS (cleaning and,
  from 100 outlets, the whole-story steps run in processes forked from the child; their
  RSS counts the pages they share with it, so peak + workers x worker MB bounds the
  story's memory from above).
- `pairs`: sentence pairs the engine says it scored; it does not say, hence "n/a".
  `cdist cells` counts the cells of every `rapidfuzz.process.cdist` call the engine made
  and the pairs of every `cpdist` call (the child wraps both to count them), the nearest
  thing it has. `--pairs all` or `--pairs blocked` sets `Settings.pair_scoring`, to set
  the candidate pairs' quality against scoring every pair.
- `floor s` and `ratio` (storydiff read + compare over the floor).
- `found`: planted changes reported with the planted type, blaming the planting outlet,
  with that outlet's changed words in the evidence; `misblamed`: a divergence of the
  planted type holds the changed words but blames other outlets (the reference flipped).
- `repeats`: a planted change reported again (on another claim, or as another
  divergence of the same claim) after the report `found` counts.
- `other`: every other (divergence, blamed outlet) pair reported, omissions left out
  (dropped sentences are part of the rewrite, not a change): false alarms.
- `align P/R`: pairwise precision and recall of the claims against the key: two
  sentences of different outlets belong together when they retell the same base sentence.

The seed fixes every story, so runs differ only in time. The machine the figures in the
issue come from has 2 cores shared with other work: wall times there move by 10-30%.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

BASE_STORY = (
    "Engineers began draining the Harwell reservoir above Lowick on Tuesday after "
    "inspectors found a crack in the main dam wall.",
    "The crack, about 14 metres long, was spotted during a routine survey on Monday "
    "afternoon.",
    "Officials ordered the evacuation of 1,240 homes in the valley below the dam as a "
    "precaution.",
    "\"We are not expecting the wall to fail, but we will not take chances with people's "
    "lives,\" said Mira Holt, the county's chief engineer.",
    "Water is being released at a rate of 3,500 litres per second through the dam's two "
    "spillways.",
    "The reservoir held about 9.2 million cubic metres of water before the draining began.",
    "Police closed the valley road between Lowick and Dunstan and set up checkpoints at "
    "both ends.",
    "About 600 residents spent the night at the sports hall in Dunstan, where volunteers "
    "served hot meals.",
    "Others stayed with relatives in nearby villages or in hotels paid for by the county.",
    "The dam was built in 1958 and last underwent major repairs in 2004.",
    "A report published in 2021 warned that parts of the wall needed strengthening within "
    "ten years.",
    "The county council set aside £4.8 million for the work but had not yet awarded a "
    "contract.",
    "\"The money was there, the plans were there, and still nothing happened,\" said Tom "
    "Ferris, who runs a bakery in Lowick.",
    "Council leader Priya Nand said the contract had been delayed by a dispute over the "
    "design.",
    "\"I understand why people are angry, and I share that anger,\" Nand told a packed "
    "meeting at the town hall on Tuesday evening.",
    "She said an independent review of the delay would begin next month.",
    "Engineers expect to lower the water level by at least 5 metres by the end of the week.",
    "Once the level has fallen, divers will examine the crack from the reservoir side.",
    "The national dam safety agency sent a team of 12 specialists to Lowick on Tuesday "
    "morning.",
    "Its director, Alan Brook, said the agency had not seen a crack of this kind in a dam "
    "of that age before.",
    "\"This is unusual, and we want to understand exactly how it formed,\" Brook said.",
    "Sensors fitted to the wall overnight show no sign that the crack is growing, "
    "according to the agency.",
    "Schools in the valley will stay closed for the rest of the week.",
    "Local farmers said they had moved more than 2,000 sheep and cattle to higher ground.",
    "The river below the dam rose by nearly 40 centimetres on Tuesday as the spillways "
    "opened.",
    "Anglers were asked to keep away from the banks until further notice.",
    "The Environment Office said it was monitoring fish stocks downstream, which could "
    "suffer as the water warms.",
    "Lowick, a market town of about 8,000 people, last flooded in 1987, when a storm burst "
    "the river banks.",
    "Older residents still remember the water reaching the windows of the high street "
    "shops.",
    "\"My father lost everything that year, so you can imagine how we feel tonight,\" said "
    "Jean Marsh, a retired teacher.",
    "The county has opened a helpline for residents, which took 450 calls on its first day.",
    "Insurance companies said claims for the evacuation costs would be handled quickly.",
    "The water company said drinking water supplies were not affected, as the reservoir "
    "only feeds the river.",
    "A decision on when residents can return home is expected on Thursday.",
    "Holt said that would depend on what the divers find when they inspect the wall.",
    "\"Our first duty is to keep everyone safe, and the second is to get them home,\" she "
    "said.",
    "The repairs themselves could take up to 18 months, the council estimated.",
    "Opposition councillors have called for the council's chief executive to resign over "
    "the delays.",
)

# Base sentence → (words as written, what an outlet may write instead). Replacements of
# a hedge go the other way or to another bound, so each one is a real change of meaning.
FIGURES: dict[int, tuple[str, tuple[str, ...]]] = {
    2: ("1,240 homes", ("1,420 homes", "1,640 homes", "2,240 homes")),
    4: ("3,500 litres", ("5,300 litres", "3,800 litres", "2,500 litres")),
    11: ("£4.8 million", ("£8.4 million", "£6.8 million", "£4.2 million")),
    18: ("12 specialists", ("21 specialists", "15 specialists", "18 specialists")),
    30: ("450 calls", ("540 calls", "650 calls", "380 calls")),
}
HEDGES: dict[int, tuple[str, tuple[str, ...]]] = {
    1: ("about 14 metres", ("more than 14 metres", "less than 14 metres")),
    5: ("about 9.2 million", ("more than 9.2 million", "up to 9.2 million")),
    7: ("About 600 residents", ("More than 600 residents", "At least 600 residents")),
    16: ("at least 5 metres", ("up to 5 metres", "less than 5 metres")),
    23: ("more than 2,000 sheep", ("about 2,000 sheep", "up to 2,000 sheep")),
    24: ("nearly 40 centimetres", ("more than 40 centimetres", "at least 40 centimetres")),
    27: ("about 8,000 people", ("more than 8,000 people", "less than 8,000 people")),
    36: ("up to 18 months", ("at least 18 months", "more than 18 months")),
}
QUOTE_WORDS: dict[int, tuple[str, tuple[str, ...]]] = {
    3: ("chances", ("risks", "gambles")),
    12: ("nothing", ("little",)),
    14: ("angry", ("upset", "furious")),
    20: ("unusual", ("rare", "alarming")),
    29: ("everything", ("much",)),
    35: ("safe", ("secure", "protected")),
}
PLANTS = {"number_changed": FIGURES, "qualifier_changed": HEDGES, "quote_altered": QUOTE_WORDS}

# Words outlets swap freely: none is a hedge, a figure, a name or inside a quotation.
SYNONYMS = {
    "began": "started",
    "spotted": "noticed",
    "closed": "shut",
    "nearby": "neighbouring",
    "examine": "inspect",
    "remember": "recall",
    "published": "released",
    "quickly": "promptly",
    "routine": "regular",
    "packed": "crowded",
}
DROP_RATE = 0.12
SWAP_RATE = 0.08
SYNONYM_RATE = 0.5
DEFAULT_NS = (5, 50, 200)
FLOOR_BLOCK_CELLS = 256_000_000


@dataclass(frozen=True, slots=True)
class Plant:
    """One planted change: what the key says an outlet changed."""

    outlet: str
    """The file stem, which is also the article id storydiff gives it."""
    base: int
    """Index of the base sentence changed."""
    kind: str
    """A ``DivergenceType`` value: the type a correct report has."""
    old: str
    new: str


@dataclass(frozen=True, slots=True)
class Outlet:
    name: str
    sentences: tuple[tuple[int, str], ...]
    """(base sentence index, text as this outlet writes it), in this outlet's order."""

    @property
    def text(self) -> str:
        return "\n\n".join(text for _, text in self.sentences)


@dataclass(frozen=True, slots=True)
class Story:
    outlets: tuple[Outlet, ...]
    key: tuple[Plant, ...]


def outlet_name(n: int) -> str:
    return f"outlet-{n:04d}"


def generate_story(outlets: int, seed: int = 13) -> Story:
    """``outlets`` rewrites of the base story, three planted changes each, and the key."""
    rng = random.Random(f"{seed}-{outlets}")
    # Outlets take the plantable sentences in turn (in a shuffled order) and the
    # replacements in turn, so no sentence is changed by more than one outlet in
    # len(table), nor changed the same way by more than one in len(table) * len(choices):
    # the base wording stays the majority's, as it is when one outlet gets a fact wrong.
    turns = {kind: rng.sample(sorted(table), len(table)) for kind, table in PLANTS.items()}
    made: list[Outlet] = []
    key: list[Plant] = []
    for n in range(outlets):
        name = outlet_name(n)
        planted = {kind: order[n % len(order)] for kind, order in turns.items()}
        texts = {}
        for index, sentence in enumerate(BASE_STORY):
            if index not in planted.values() and rng.random() < DROP_RATE:
                continue
            texts[index] = _rewrite(sentence, rng)
        for kind, index in planted.items():
            old, choices = PLANTS[kind][index]
            new = choices[(n // len(turns[kind])) % len(choices)]
            texts[index] = texts[index].replace(old, new, 1)
            key.append(Plant(outlet=name, base=index, kind=kind, old=old, new=new))
        order = list(texts)
        for i in range(len(order) - 1):
            if rng.random() < SWAP_RATE:
                order[i], order[i + 1] = order[i + 1], order[i]
        made.append(Outlet(name=name, sentences=tuple((i, texts[i]) for i in order)))
    return Story(outlets=tuple(made), key=tuple(key))


def _rewrite(sentence: str, rng: random.Random) -> str:
    if '"' in sentence:
        return sentence  # a quotation's words are what the plants change: leave them be
    words = sentence.split(" ")
    return " ".join(
        SYNONYMS[w] if w in SYNONYMS and rng.random() < SYNONYM_RATE else w for w in words
    )


def write_story(story: Story, folder: Path) -> list[str]:
    paths = []
    for outlet in story.outlets:
        path = folder / f"{outlet.name}.txt"
        path.write_text(outlet.text + "\n", encoding="utf-8")
        paths.append(str(path))
    return paths


# --- scoring against the key -------------------------------------------------------


def score_alignment(story: Story, alignment: Any) -> dict[str, Any]:
    """Planted changes found and blamed right, other reports, pairwise claim quality."""
    found = misblamed = 0
    matched: set[tuple[int, int, str]] = set()
    divergences = [(c_n, d_n, d) for c_n, c in enumerate(alignment.claims)
                   for d_n, d in enumerate(c.divergences)]
    for plant in story.key:
        hit = None
        flipped = False
        for c_n, d_n, d in divergences:
            says_new = _reports(d, plant, plant.outlet)
            if says_new and plant.outlet in d.articles:
                hit = (c_n, d_n, plant.outlet)
                break
            flipped = flipped or says_new
        if hit is not None:
            found += 1
            matched.add(hit)
        elif flipped:
            misblamed += 1
    plants_of: defaultdict[str, list[Plant]] = defaultdict(list)
    for plant in story.key:
        plants_of[plant.outlet].append(plant)
    repeats = other = 0
    for c_n, d_n, d in divergences:
        if d.type.value == "omitted":
            continue  # dropped sentences are the rewrite's, not a change
        for outlet in d.articles:
            if (c_n, d_n, outlet) in matched:
                continue
            if any(_reports(d, plant, outlet) for plant in plants_of[outlet]):
                repeats += 1
            else:
                other += 1
    precision, recall = _pairwise(story, alignment)
    return {
        "planted": len(story.key),
        "found": found,
        "misblamed": misblamed,
        "repeats": repeats,
        "other": other,
        "precision": precision,
        "recall": recall,
    }


def _reports(divergence: Any, plant: Plant, outlet: str) -> bool:
    """``divergence`` is of the plant's type and quotes ``outlet`` writing its new words."""
    return divergence.type.value == plant.kind and any(
        e.article == outlet and plant.new.lower() in e.text.lower()
        for e in divergence.evidence
    )


def _pairwise(story: Story, alignment: Any) -> tuple[float, float]:
    """Pairwise precision and recall of claim membership, counted rather than listed
    so N = 1000 stays cheap. A member is traced to its base sentence by its text."""
    origin = {
        (o.name, text.strip()): base for o in story.outlets for base, text in o.sentences
    }
    per_base = Counter(base for o in story.outlets for base, _ in o.sentences)
    true_pairs = sum(k * (k - 1) // 2 for k in per_base.values())
    predicted = agreed = 0
    for claim in alignment.claims:
        by_base: Counter[int | None] = Counter()
        seen = set()
        for m in claim.members:
            if m.article in seen:
                continue  # a split claim's second sentence is the same retelling
            seen.add(m.article)
            by_base[origin.get((m.article, m.text.strip()))] += 1
        size = sum(by_base.values())
        predicted += size * (size - 1) // 2
        agreed += sum(k * (k - 1) // 2 for b, k in by_base.items() if b is not None)
    return (
        agreed / predicted if predicted else 1.0,
        agreed / true_pairs if true_pairs else 1.0,
    )


# --- the two children ----------------------------------------------------------------


def run_storydiff(outlets: int, seed: int, pairs: str = "auto") -> dict[str, Any]:
    from rapidfuzz import process

    from storydiff.coverage.load import load_articles
    from storydiff.coverage.pipeline import compare_articles
    from storydiff.coverage.settings import Settings

    cells = [0, 0]
    real_cdist, real_cpdist = process.cdist, process.cpdist

    def counting_cdist(queries: Sequence[str], choices: Sequence[str], **kwargs: Any) -> Any:
        cells[0] += len(queries) * len(choices)
        cells[1] += 1
        return real_cdist(queries, choices, **kwargs)

    def counting_cpdist(queries: Sequence[str], choices: Sequence[str], **kwargs: Any) -> Any:
        cells[0] += len(queries)
        cells[1] += 1
        return real_cpdist(queries, choices, **kwargs)

    process.cdist = counting_cdist  # type: ignore[assignment]
    process.cpdist = counting_cpdist  # type: ignore[assignment]
    story = generate_story(outlets, seed)
    with tempfile.TemporaryDirectory() as tmp:
        paths = write_story(story, Path(tmp))
        usage = resource.getrusage(resource.RUSAGE_SELF)
        cpu_before = usage.ru_utime + usage.ru_stime
        started = time.perf_counter()
        loaded = load_articles(paths)
        read_at = time.perf_counter()
        alignment = compare_articles(
            loaded.articles, created="benchmark", settings=Settings(pair_scoring=pairs),
            known=loaded.facts,
        )
        done = time.perf_counter()
    return {
        "read": read_at - started,
        "compare": done - read_at,
        "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "worker_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
        "cpu": sum(
            getattr(resource.getrusage(who), field)
            for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)
            for field in ("ru_utime", "ru_stime")
        ) - cpu_before,
        "sentences": sum(len(a.sentences) for a in loaded.articles),
        "claims": len(alignment.claims),
        "cdist_cells": cells[0],
        "cdist_calls": cells[1],
        **score_alignment(story, alignment),
    }


def run_floor(outlets: int, seed: int) -> dict[str, Any]:
    import numpy as np
    from rapidfuzz import fuzz, process

    story = generate_story(outlets, seed)
    # pySBD is not needed for a floor: the generator knows the sentences.
    sentences = [text for o in story.outlets for _, text in o.sentences]
    rows = max(1, FLOOR_BLOCK_CELLS // len(sentences))
    started = time.perf_counter()
    for start in range(0, len(sentences), rows):
        process.cdist(
            sentences[start : start + rows], sentences, scorer=fuzz.ratio, workers=-1,
            dtype=np.uint8,
        )
    elapsed = time.perf_counter() - started
    cross = len(sentences) ** 2 - sum(len(o.sentences) ** 2 for o in story.outlets)
    return {"floor": elapsed, "floor_cells": len(sentences) ** 2, "cross_pairs": cross // 2}


def _child(
    kind: str, outlets: int, seed: int, timeout: float | None, pairs: str = "auto"
) -> dict[str, Any] | None:
    """What the child measured, or None when it ran past ``timeout`` (it is killed)."""
    try:
        done = subprocess.run(
            [sys.executable, __file__, "--child", kind, "--n", str(outlets), "--seed", str(seed),
             "--pairs", pairs],
            capture_output=True, text=True, check=False, timeout=timeout,
        )
    except subprocess.TimeoutExpired:
        return None
    if done.returncode != 0:
        raise SystemExit(f"error: {kind} child for N={outlets} failed:\n{done.stderr}")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


HEADER = (
    f"{'N':>5} {'sents':>6} {'read s':>7} {'compare s':>9} {'cpu s':>6} {'peak MB':>8} "
    f"{'worker MB':>9} "
    f"{'pairs':>5} "
    f"{'cdist cells':>12} {'floor s':>7} {'ratio':>6} {'found':>9} {'misblamed':>9} "
    f"{'repeats':>7} {'other':>6} {'align P/R':>11}"
)


def row(outlets: int, s: dict[str, Any], f: dict[str, Any]) -> str:
    total = s["read"] + s["compare"]
    return (
        f"{outlets:>5} {s['sentences']:>6} {s['read']:>7.2f} {s['compare']:>9.2f} "
        f"{s['cpu']:>6.1f} {s['peak_mb']:>8.0f} {s['worker_mb']:>9.0f} {'n/a':>5} "
        f"{s['cdist_cells']:>12,} "
        f"{f['floor']:>7.2f} "
        f"{total / f['floor']:>5.1f}x {s['found']:>4}/{s['planted']:<4} {s['misblamed']:>9} "
        f"{s['repeats']:>7} {s['other']:>6} {s['precision']:>5.3f}/{s['recall']:.3f}"
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, action="append", help="outlets (repeatable)")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--timeout", type=float, help="seconds a storydiff run may take")
    parser.add_argument("--pairs", choices=("auto", "all", "blocked"), default="auto",
                        help="which sentence pairs compare scores (Settings.pair_scoring)")
    parser.add_argument("--child", choices=("storydiff", "floor"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    ns = args.n or list(DEFAULT_NS)
    if args.child == "storydiff":
        print(json.dumps(run_storydiff(ns[0], args.seed, args.pairs)))
        return 0
    if args.child == "floor":
        print(json.dumps(run_floor(ns[0], args.seed)))
        return 0
    print(f"seed {args.seed}; 38 base sentences; 3 planted changes per outlet; "
          f"ratio = (read + compare) / floor; pairs {args.pairs}")
    print(HEADER, flush=True)
    for outlets in ns:
        measured = _child("storydiff", outlets, args.seed, args.timeout, args.pairs)
        floor = _child("floor", outlets, args.seed, None)
        assert floor is not None  # no timeout was set
        if measured is None:
            print(f"{outlets:>5} storydiff stopped after {args.timeout:.0f} s; "
                  f"floor {floor['floor']:.2f} s", flush=True)
        else:
            print(row(outlets, measured, floor), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
