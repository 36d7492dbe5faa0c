"""How long `compare` takes, after start-up, on stories of different sizes.

Run by hand: `.venv/bin/python benchmarks/compare_speed.py`. Prints, for each corpus,
the time to read and clean the articles and the time to align and compare them (best
of several runs). Synthetic stories are rewrites of one invented base text, so they have
real overlap to align.
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
from pathlib import Path

from storydiff.coverage.load import load_articles
from storydiff.coverage.numbers import find_numbers
from storydiff.coverage.pipeline import compare_articles

REPO = Path(__file__).resolve().parent.parent
SUBJECTS = ["the council", "inspectors", "the harbour master", "engineers", "residents",
            "the fire service", "the minister", "a spokeswoman", "the union", "auditors"]
VERBS = ["reported", "found", "said", "confirmed", "estimated", "warned", "denied", "noted"]
OBJECTS = ["cracks in {n} pillars", "{n} tonnes of grain", "{n} households without power",
           "losses of ${n} million", "{n} workers on site", "a delay of {n} days",
           "{n} complaints since March", "repairs to {n} bridges"]


def base_sentences(count: int, rng: random.Random) -> list[str]:
    return [
        f"{rng.choice(SUBJECTS).capitalize()} {rng.choice(VERBS)} "
        f"{rng.choice(OBJECTS).format(n=rng.randint(12, 9000))} "
        f"near the {rng.choice(['north', 'east', 'old', 'new'])} quay on "
        f"{rng.choice(['Monday', 'Tuesday', 'Friday'])}, according to officials."
        for _ in range(count)
    ]


def rewrite(sentence: str, rng: random.Random) -> str:
    words = sentence.split()
    if rng.random() < 0.3:
        words.insert(rng.randrange(len(words)), rng.choice(["reportedly", "also", "now"]))
    if rng.random() < 0.2:
        words = words[len(words) // 2 :] + words[: len(words) // 2]
    return " ".join(words)


def synthetic_story(folder: Path, outlets: int, words_each: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    base = base_sentences(words_each // 14, rng)
    for n in range(outlets):
        kept = [rewrite(s, rng) for s in base if rng.random() < 0.8]
        (folder / f"{n:03d}-outlet{n}.txt").write_text("\n\n".join(kept), encoding="utf-8")


def measure(paths: list[str], label: str, runs: int = 3) -> None:
    load_times, compare_times = [], []
    for _ in range(runs):
        # Every run starts cold: a cache warmed by the previous run would flatter it.
        find_numbers.cache_clear()
        started = time.perf_counter()
        loaded = load_articles(paths)
        loaded_at = time.perf_counter()
        alignment = compare_articles(loaded.articles, created="benchmark")
        load_times.append(loaded_at - started)
        compare_times.append(time.perf_counter() - loaded_at)
    words = sum(len(a.text.split()) for a in loaded.articles)
    sentences = sum(len(a.sentences) for a in loaded.articles)
    print(f"{label:34} {len(loaded.articles):4} articles {words:7} words {sentences:5} sentences"
          f"  read+clean {min(load_times):6.3f} s  align+compare {min(compare_times):6.3f} s"
          f"  claims {len(alignment.claims)}")


def main() -> None:
    demo = sorted(p for p in (REPO / "articles").iterdir() if p.is_dir())
    for story in demo:
        measure([str(story)], f"demo: {story.name}")
    seeds = REPO.parent / "shared" / "seeds"
    if seeds.is_dir():
        measure([str(seeds)], "shared seeds")
    with tempfile.TemporaryDirectory() as tmp:
        for outlets, words in ((5, 1500), (20, 1500), (50, 800), (200, 150)):
            folder = Path(tmp) / f"s{outlets}"
            folder.mkdir()
            synthetic_story(folder, outlets, words)
            measure([str(folder)], f"synthetic {outlets} x {words} words", runs=1 if outlets > 5
                    else 3)


if __name__ == "__main__":
    sys.exit(main())
