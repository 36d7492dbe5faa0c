"""Time ``storydiff batch`` on 20 generated stories with 1 worker and with 2.

Run by hand: ``.venv/bin/python benchmarks/batch_20_stories.py [--outlets 5]``. Each
story has a few outlets retelling the same invented event with some numbers, words and
sentences changed, so every stage of the engine does real work. Prints seconds per run
and the speed-up; the output folders are thrown away.
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from pathlib import Path

from storydiff.report.batch import run_batch

TOWNS = ("Ashford", "Brill", "Corran", "Dunmore", "Elsby", "Farrow", "Gilling", "Holt")
EVENTS = ("a bridge closure", "a warehouse fire", "a school budget", "a river flood",
          "a bus strike", "a hospital opening", "a water main break", "a council election")
SENTENCES = (
    "Officials in {town} confirmed {event} on {day}, affecting about {n1:,} residents.",
    "The work is expected to cost {n2} million dollars, according to the town treasurer.",
    "\"We are doing everything we can,\" said the mayor, {name}.",
    "Crews from {n3} nearby towns were called in to help overnight.",
    "Local shops reported a drop of {n4} percent in trade during the first week.",
    "A public meeting is planned for {day} evening at the library on Mill Lane.",
    "Residents were told to check the council website for updates every morning.",
    "The last time something similar happened in {town} was in {year}.",
    "Police closed {n3} roads near the centre and set up diversions.",
    "The treasurer said the reserve fund holds {n2} million dollars for emergencies.",
    "Volunteers handed out {n1:,} leaflets explaining what to do next.",
    "Some families said nobody had warned them before the work began.",
)
NAMES = ("Ana Reyes", "Tom Birch", "Lena Ortiz", "Sam Okafor")
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday")
SWAPS = {"confirmed": "announced", "expected": "likely", "reported": "saw", "planned": "set"}


def write_story(folder: Path, rng: random.Random, outlets: int) -> None:
    facts = {
        "town": rng.choice(TOWNS), "event": rng.choice(EVENTS), "day": rng.choice(DAYS),
        "n1": rng.randrange(1_000, 20_000, 50), "n2": rng.randrange(2, 90),
        "n3": rng.randrange(2, 9), "n4": rng.randrange(5, 40), "year": rng.randrange(1960, 2020),
        "name": rng.choice(NAMES),
    }
    folder.mkdir(parents=True)
    for outlet in range(outlets):
        lines = []
        for template in SENTENCES:
            if outlet and rng.random() < 0.2:
                continue  # this outlet omits the sentence
            told = dict(facts)
            if outlet and rng.random() < 0.15:
                told["n1"] = facts["n1"] + rng.choice((-500, 1_000))  # a changed figure
            line = template.format(**told)
            if outlet and rng.random() < 0.3:
                word = rng.choice(list(SWAPS))
                line = line.replace(word, SWAPS[word])
            lines.append(line)
        (folder / f"outlet-{outlet + 1}.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stories", type=int, default=20)
    parser.add_argument("--outlets", type=int, default=5)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        rng = random.Random(20)
        for n in range(options.stories):
            write_story(root / "stories" / f"story-{n:02d}", rng, options.outlets)
        timings = {}
        for jobs in (1, 2):
            start = time.perf_counter()
            result = run_batch(root / "stories", root / f"out-{jobs}", jobs=jobs)
            timings[jobs] = time.perf_counter() - start
            divergences = sum(o.divergences for o in result.outcomes)
            print(f"jobs={jobs}: {timings[jobs]:.2f} s for {len(result.outcomes)} stories "
                  f"({len(result.failed)} failed, {divergences} divergences)")
        print(f"speed-up with 2 jobs: {timings[1] / timings[2]:.2f}x")


if __name__ == "__main__":
    main()
