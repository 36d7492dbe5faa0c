"""Provenance in the reports: the ranked links with their evidence, the outlet profiles,
and in HTML a derivation graph drawn inline, with article text escaped everywhere."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest

from storydiff.coverage.model import Alignment
from storydiff.coverage.pipeline import compare_articles
from storydiff.coverage.store import read_alignment
from storydiff.report.common import link_names
from storydiff.report.graph import layout
from storydiff.report.html import render_html
from storydiff.report.markdown import render_markdown
from tests.coverage.test_provenance import REWRITE, WIRE
from tests.report.conftest import HOSTILE, SCRIPT
from tests.report.htmlcheck import live_parts

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def demo() -> Alignment:
    return read_alignment(REPO / "alignments" / "kessford-spill.json")


def test_html_draws_the_demo_chain_as_an_inline_graph(demo: Alignment) -> None:
    page = render_html(demo)
    section = page[page.index('<section id="provenance">') : page.index('<section id="outlets">')]
    svg = section[section.index("<svg") : section.index("</svg>")]
    # three boxes, three links; the blog's link to the wire is drawn dotted, through NewsPulse
    assert svg.count('<g class="node">') == 3
    assert svg.count('<g class="edge') == 3
    assert 'class="edge rewrite via"' in svg
    assert "Meridian Wire" in svg and "Marrow Angler" in svg
    # nothing in it can load: the only reference is to its own arrowhead
    assert re.findall(r'(?:href|src)="', svg) == []
    assert set(re.findall(r"url\(([^)]*)\)", svg)) == {"#arrow"}
    nodes = {n.article: n for n in layout(demo, link_names(demo))}
    assert [nodes[a].column for a in ("01-meridian-wire", "newspulse-2026-03-04",
                                       "marrow-angler-2026-03-05")] == [0, 1, 2]


def test_html_lists_each_link_with_its_shared_sentences_side_by_side(demo: Alignment) -> None:
    page = render_html(demo)
    assert '<a href="#provenance">Provenance</a>' in page
    assert page.count('<details class="derivation">') == len(demo.provenance)
    # 11 of its 13 sentences follow the wire closely; its "contributed to this report"
    # line is a dropped credit, not a sentence.
    assert "NewsPulse ran Meridian Wire&#x27;s copy" in page  # escaped, as all text is
    # a shared run is marked in both sentences of a pair
    run = "Police closed 14 roads around the port on Monday morning"
    assert f'<mark class="run">{run}</mark>' in page
    assert "credits <b>Meridian Wire</b> (contributed" in page
    outlets = page[page.index('<section id="outlets">') :]
    assert outlets.count('<td class="outlet">') == len(demo.articles)
    assert "14 roads → 14 schools" in outlets
    parts = live_parts(page)
    assert "script" not in parts.tags and parts.event_attributes == []


def test_markdown_has_the_ranked_links_and_the_outlet_table(demo: Alignment) -> None:
    report = render_markdown(demo)
    provenance = report[report.index("## Provenance") : report.index("## Outlets")]
    assert provenance.count("\n1. ") + provenance.count("\n2. ") + provenance.count("\n3. ") == 3
    assert "1. **NewsPulse** ← **Meridian Wire** (rewrite, credit, score 0.84)" in provenance
    assert "credit: NewsPulse credits **Meridian Wire** (contributed" in provenance
    outlets = report[report.index("## Outlets") : report.index("## Claims")]
    assert outlets.count("\n| ") == len(demo.articles) + 2  # header, rule, one row each
    assert "| Meridian Wire |" in outlets and "| Marrow Angler |" in outlets
    assert "Fire Service (according to, 2×)" in outlets


def test_a_story_without_links_says_so(demo: Alignment) -> None:
    bare = dataclasses.replace(demo, provenance=(), outlets=())
    assert "No derivations" in render_html(bare) and "<svg" not in render_html(bare)
    assert "No derivations" in render_markdown(bare)
    assert "holds no outlet profiles" in render_markdown(bare)


def test_hostile_text_in_evidence_is_escaped() -> None:
    def hostile(article, outlet: str | None = None):  # type: ignore[no-untyped-def]
        texts = [s.text for s in article.sentences]
        texts[1] = f"{HOSTILE} {texts[1]}"
        return dataclasses.replace(
            article,
            outlet=outlet or article.outlet,
            text=" ".join(texts),
            sentences=tuple(
                dataclasses.replace(s, text=t)
                for s, t in zip(article.sentences, texts, strict=True)
            ),
        )

    alignment = compare_articles(
        [hostile(WIRE, f"Wire {SCRIPT}"), hostile(REWRITE)], created="t"
    )
    assert alignment.provenance
    page = render_html(alignment)
    assert SCRIPT not in page and "<img" not in page and "\x1b" not in page
    assert "&lt;script&gt;" in page
    parts = live_parts(page)
    assert "script" not in parts.tags and "img" not in parts.tags
    assert parts.event_attributes == []
    assert all(not h.startswith("javascript") for h in parts.hrefs)
    report = render_markdown(alignment)
    assert SCRIPT not in report and "\x1b" not in report
    assert "[click](javascript" not in report
