"""HTML subheads (<h2>, <h3>) inside an article are structure, not claims."""

from __future__ import annotations

from pathlib import Path

from storydiff.coverage.load import load_articles

PAGE = """<!doctype html><html><head><title>Ferry fares rise | Bay Wire</title>
<meta property="og:site_name" content="Bay Wire"></head><body>
<article><h1>Ferry fares rise by 4% from April</h1>
<p>Fares on the Skerry Island ferry will rise by 4% from April, the operator said on
Monday.</p>
<h2>Who is affected?</h2>
<p>Island residents keep their discount, which the council pays for.</p>
<h3>What should I do?</h3>
<p>Season tickets bought before April keep the old price, the operator said.</p>
<p>This article is for information only and is not a substitute for professional
financial advice.</p>
</article></body></html>"""


def test_subheads_and_disclaimer_are_dropped_and_the_headline_stays(tmp_path: Path) -> None:
    page = tmp_path / "bay-wire.html"
    page.write_text(PAGE, encoding="utf-8")
    (article,) = load_articles([str(page)]).articles
    assert [s.text for s in article.sentences] == [
        "Ferry fares rise by 4% from April",
        "Fares on the Skerry Island ferry will rise by 4% from April, the operator said on "
        "Monday.",
        "Island residents keep their discount, which the council pays for.",
        "Season tickets bought before April keep the old price, the operator said.",
    ]
    assert [(d.reason, d.text) for d in article.dropped] == [
        ("subhead", "## Who is affected?"),
        ("subhead", "### What should I do?"),
        ("disclaimer", "This article is for information only and is not a substitute for "
                       "professional financial advice."),
    ]
    assert article.title == "Ferry fares rise by 4% from April"
