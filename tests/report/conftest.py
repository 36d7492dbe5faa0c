"""Fixtures for the report tests: the hand-made alignment and a hostile variant of it."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from storydiff.coverage.model import Alignment, DiffChunk, DiffOp
from storydiff.coverage.store import read_alignment, write_alignment

REPORT_ALIGNMENT = Path(__file__).resolve().parents[1] / "data" / "report_alignment.json"
"""Three invented outlets on one bridge closure: one divergence of each main type."""

SCRIPT = "<script>alert(1)</script>"
IMG = '"><img src=x onerror=alert(1)>'
JS_LINK = "javascript:alert(1)"
HOSTILE = (
    f"{SCRIPT} {IMG} [click]({JS_LINK}) [bold]loud[/bold] \x1b[31mred\x1b[0m =1+2 | *x* _y_ `z`"
)
"""Everything an article should never get to do in a report, in one string."""
FORMULA = '=HYPERLINK("http://x.example","hi")'
"""An outlet name a spreadsheet would run."""


@pytest.fixture
def alignment() -> Alignment:
    return read_alignment(REPORT_ALIGNMENT)


@pytest.fixture
def hostile_alignment(alignment: Alignment) -> Alignment:
    """The fixture with hostile text in titles, urls, outlet names, sentences and diffs."""
    first, second, third = alignment.articles
    articles = (
        dataclasses.replace(first, title=HOSTILE, url=JS_LINK),
        dataclasses.replace(second, outlet=f"Courier {SCRIPT}", url=f"{JS_LINK}//https://x.example"),
        dataclasses.replace(third, outlet=FORMULA),
    )
    claim = alignment.claims[1]
    members = tuple(
        dataclasses.replace(
            m,
            text=f"{HOSTILE} {m.text}",
            diff=(DiffChunk(DiffOp.INSERT, "", HOSTILE), DiffChunk(DiffOp.REPLACE, IMG, SCRIPT),
                  *m.diff),
        )
        if m.article == second.id
        else m
        for m in claim.members
    )
    divergences = tuple(dataclasses.replace(d, detail=HOSTILE) for d in claim.divergences)
    hostile_claim = dataclasses.replace(
        claim, label=HOSTILE, members=members, divergences=divergences
    )
    claims = (alignment.claims[0], hostile_claim, *alignment.claims[2:])
    return dataclasses.replace(alignment, articles=articles, claims=claims)


@pytest.fixture
def hostile_alignment_file(hostile_alignment: Alignment, tmp_path: Path) -> Path:
    path = tmp_path / "hostile.json"
    write_alignment(hostile_alignment, path)
    return path
